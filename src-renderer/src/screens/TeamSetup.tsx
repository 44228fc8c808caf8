// Team roleplay set-up: the buyer, difficulty and mode, the roster (typed,
// reordered, removed, or picked from the teams used before), the rotation, and
// whether the room calls each turn. Below, each rep's progress across team
// roleplays. The roster's rules are the core's, so the message next to the
// field is the one main would give.
import { useEffect, useId, useState } from 'react';
import type { Difficulty, Mode, Rotation } from '../../../src-main/contract/api';
import { MAX_REPS, MIN_REPS, cleanName, repNameProblem } from '../../../src-main/core/team/roster';
import { MAX_TURNS_PER_REP } from '../../../src-main/core/team/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { RadioGroup } from '../components/RadioGroup';
import { ScreenTitle } from '../components/ScreenTitle';
import { DIFFICULTY_LABEL, formatShortDate } from '../lib/format';
import { useStore } from '../store';

const ROTATIONS = [
  {
    value: 'relay',
    label: 'Relay',
    hint: 'One meeting together: each rep takes their turns in roster order.',
  },
  {
    value: 'each',
    label: 'One meeting each',
    hint: 'Each rep holds the whole meeting against the same buyer, so the results compare.',
  },
] as const;

export function TeamSetup() {
  const id = useId();
  const scenarios = useStore((s) => s.scenarios);
  const rosters = useStore((s) => s.teamRosters);
  const loadRosters = useStore((s) => s.loadTeamRosters);
  const startTeam = useStore((s) => s.startTeam);
  const starting = useStore((s) => s.teamStarting);
  const startError = useStore((s) => s.teamStartError);
  const live = useStore((s) => s.teamView);
  const navigate = useStore((s) => s.navigate);
  const defaultMode = useStore((s) => s.settings?.mode ?? 'coach');
  useEffect(() => void loadRosters(), [loadRosters]);

  const [scenarioId, setScenarioId] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty>('normal');
  const [mode, setMode] = useState<Mode>(defaultMode);
  const [rotation, setRotation] = useState<Rotation>('relay');
  const [turnsPerRep, setTurnsPerRep] = useState(1);
  const [calling, setCalling] = useState(true);
  const [reps, setReps] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [rosterError, setRosterError] = useState<string | null>(null);
  const chosen = scenarioId || scenarios[0]?.id || '';

  const addRep = () => {
    const problem = repNameProblem(name, reps);
    if (problem) {
      setNameError(problem);
      return;
    }
    setReps([...reps, cleanName(name)]);
    setName('');
    setNameError(null);
    setRosterError(null);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...reps];
    const [rep] = next.splice(index, 1);
    if (rep === undefined) return;
    next.splice(index + by, 0, rep);
    setReps(next);
  };
  const start = () => {
    if (reps.length < MIN_REPS) {
      setRosterError(`Add at least ${MIN_REPS} reps (${reps.length} so far).`);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    void startTeam({ scenarioId: chosen, difficulty, mode, rotation, turnsPerRep, reps, calling });
  };

  return (
    <>
      <div className="screen-header">
        <ScreenTitle>Team roleplay</ScreenTitle>
        <p>
          One buyer on the big screen, your reps taking turns, the room calling each turn before the
          coach does.
        </p>
      </div>
      {live && (
        <div className="notice">
          <p>
            A team roleplay is in progress.{' '}
            <button type="button" className="button-link" onClick={() => navigate('teamRoleplay')}>
              Back to the roleplay
            </button>
          </p>
        </div>
      )}
      <div className="team-setup">
        <section className="panel" aria-labelledby={`${id}-buyer`}>
          <h2 id={`${id}-buyer`}>Buyer</h2>
          <label className="label" htmlFor={`${id}-scenario`}>
            Scenario
          </label>
          <select
            id={`${id}-scenario`}
            className="select"
            value={chosen}
            onChange={(event) => setScenarioId(event.target.value)}
          >
            {scenarios.map((card) => (
              <option key={card.id} value={card.id}>
                {card.title} ({card.persona.name}, {card.persona.role})
              </option>
            ))}
          </select>
          <RadioGroup
            legend="Difficulty"
            className="inline-radios"
            options={(['easy', 'normal', 'hard'] as const).map((d) => ({
              value: d,
              label: DIFFICULTY_LABEL[d],
            }))}
            value={difficulty}
            onChange={setDifficulty}
          />
          <RadioGroup
            legend="Mode"
            className="inline-radios"
            options={[
              {
                value: 'coach',
                label: 'Coach',
                hint: "The buyer's meters and the coach's calls show as you go.",
              },
              {
                value: 'exam',
                label: 'Exam',
                hint: 'Meters and the coach’s calls wait for the board.',
              },
            ]}
            value={mode}
            onChange={setMode}
          />
        </section>

        <section className="panel" aria-labelledby={`${id}-roster`}>
          <h2 id={`${id}-roster`}>Roster</h2>
          <div className="roster-add">
            <div>
              <label className="label" htmlFor={`${id}-name`}>
                Rep name
              </label>
              <input
                id={`${id}-name`}
                className="input"
                value={name}
                maxLength={120}
                aria-invalid={nameError !== null || rosterError !== null || undefined}
                aria-describedby={`${id}-name-help`}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameError(null);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    addRep();
                  }
                }}
              />
            </div>
            <button type="button" className="button" onClick={addRep}>
              Add rep
            </button>
          </div>
          <p id={`${id}-name-help`} className={nameError || rosterError ? 'field-problem' : 'hint'}>
            {nameError ??
              rosterError ??
              `${MIN_REPS} to ${MAX_REPS} reps; Enter adds the name typed.`}
          </p>
          {reps.length > 0 && (
            <ol className="roster" aria-label="Roster, in speaking order">
              {reps.map((rep, index) => (
                <li key={rep}>
                  <span className="roster-name">
                    {index + 1}. {rep}
                  </span>
                  <span className="roster-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      Move up<span className="visually-hidden"> {rep}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={index === reps.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      Move down<span className="visually-hidden"> {rep}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => setReps(reps.filter((r) => r !== rep))}
                    >
                      Remove<span className="visually-hidden"> {rep}</span>
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {rosters && rosters.saved.length > 0 && (
            <div className="saved-teams">
              <h3>Saved teams</h3>
              <ul>
                {rosters.saved.map((team) => (
                  <li key={team.reps.join('\n')}>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        setReps([...team.reps]);
                        setRosterError(null);
                      }}
                    >
                      Use {team.reps.join(', ')}
                    </button>{' '}
                    <span className="hint">last used {formatShortDate(team.usedAt)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>

        <section className="panel" aria-labelledby={`${id}-rotation`}>
          <h2 id={`${id}-rotation`}>Rotation</h2>
          <RadioGroup
            legend="Rotation"
            options={ROTATIONS}
            value={rotation}
            onChange={setRotation}
          />
          {rotation === 'relay' && (
            <div className="field-inline">
              <label className="label" htmlFor={`${id}-turns`}>
                Turns per rep
              </label>
              <input
                id={`${id}-turns`}
                className="input input-number"
                type="number"
                min={1}
                max={MAX_TURNS_PER_REP}
                value={turnsPerRep}
                onChange={(event) =>
                  setTurnsPerRep(
                    Math.min(
                      MAX_TURNS_PER_REP,
                      Math.max(1, Math.round(Number(event.target.value) || 1)),
                    ),
                  )
                }
              />
            </div>
          )}
          <div className="checkbox">
            <input
              id={`${id}-calling`}
              type="checkbox"
              checked={calling}
              onChange={(event) => setCalling(event.target.checked)}
            />
            <label htmlFor={`${id}-calling`}>
              The room calls each turn (Value, Neutral or Pitch) before the coach&apos;s call is
              shown
            </label>
          </div>
        </section>
      </div>
      <div className="report-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={starting || !chosen || undefined}
          onClick={() => {
            if (!starting && chosen) start();
          }}
        >
          {starting ? 'Starting…' : 'Start team roleplay'}
        </button>
        {startError && <ErrorAlert message={startError} />}
      </div>
      {rosters && rosters.progress.length > 0 && <RepProgressTable rosters={rosters} />}
    </>
  );
}

function RepProgressTable({
  rosters,
}: {
  readonly rosters: NonNullable<ReturnType<typeof useStore.getState>['teamRosters']>;
}) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>Progress per rep</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col" className="num">
              Roleplays
            </th>
            <th scope="col" className="num">
              Latest overall
            </th>
            <th scope="col" className="num">
              Average overall
            </th>
            <th scope="col">Overall, oldest to newest</th>
          </tr>
        </thead>
        <tbody>
          {rosters.progress.map((rep) => {
            const overalls = rep.roleplays.map((r) => r.overall);
            const average = Math.round(
              overalls.reduce((a, b) => a + b, 0) / Math.max(1, overalls.length),
            );
            return (
              <tr key={rep.name}>
                <th scope="row">{rep.name}</th>
                <td className="num">{rep.roleplays.length}</td>
                <td className="num">{overalls.at(-1)}</td>
                <td className="num">{average}</td>
                <td>{overalls.slice(-10).join(' → ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
