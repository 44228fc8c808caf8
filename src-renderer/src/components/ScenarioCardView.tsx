// One buyer in the gallery: who they are, what they care about, and the
// choices (difficulty, mode) for a meeting with them. Given the width (a
// window too narrow for three cards side by side), the choices and Start sit
// beside the description, so Start is in view with the card.
import { useId, useState } from 'react';
import type { Difficulty, Mode, ScenarioCard } from '../../../src-main/contract/api';
import { DIFFICULTY_LABEL, MODE_LABEL } from '../lib/format';
import { useStore } from '../store';
import { ErrorAlert } from './ErrorAlert';

const MODES: readonly Mode[] = ['coach', 'exam'];

function defaultDifficulty(card: ScenarioCard): Difficulty {
  return card.difficulties.some((d) => d.level === 'normal')
    ? 'normal'
    : (card.difficulties[0]?.level ?? 'normal');
}

export function ScenarioCardView({ card }: { readonly card: ScenarioCard }) {
  const id = useId();
  const defaultMode = useStore((s) => s.settings?.mode ?? 'coach');
  const starting = useStore((s) => s.starting);
  const startError = useStore((s) => s.startError);
  const startMeeting = useStore((s) => s.startMeeting);
  const [difficulty, setDifficulty] = useState<Difficulty>(() => defaultDifficulty(card));
  // Null until the rep picks one here, so a change of the default in Settings shows up.
  const [mode, setMode] = useState<Mode | null>(null);
  const chosenMode = mode ?? defaultMode;
  const note = card.difficulties.find((d) => d.level === difficulty)?.note;
  const { persona } = card;

  return (
    <article className="panel scenario-card" aria-labelledby={`${id}-title`}>
      <div className="scenario-layout">
        <div className="scenario-info">
          <h2 id={`${id}-title`}>{card.title}</h2>
          {card.source === 'own' && <p className="tag own-tag">Your organisation&apos;s</p>}
          <p className="persona">
            <strong>{persona.name}</strong>, {persona.role} at {persona.company}
          </p>
          <p>{card.brief}</p>
          {persona.caresAbout.length > 0 && (
            <>
              <h3>What they care about</h3>
              <ul>
                {persona.caresAbout.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="scenario-choose">
          <div className="choices">
            <div className="field">
              <label htmlFor={`${id}-difficulty`}>Difficulty</label>
              <select
                id={`${id}-difficulty`}
                className="select"
                value={difficulty}
                aria-describedby={note ? `${id}-note` : undefined}
                onChange={(event) => setDifficulty(event.target.value as Difficulty)}
              >
                {card.difficulties.map((d) => (
                  <option key={d.level} value={d.level}>
                    {DIFFICULTY_LABEL[d.level]}
                  </option>
                ))}
              </select>
              {note && (
                <p id={`${id}-note`} className="difficulty-note">
                  {note}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-mode`}>Mode</label>
              <select
                id={`${id}-mode`}
                className="select"
                value={chosenMode}
                onChange={(event) => setMode(event.target.value as Mode)}
              >
                {MODES.map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABEL[m]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="start-row">
            <button
              type="button"
              className="button button-primary"
              disabled={starting !== null}
              aria-describedby={starting === card.id ? `${id}-starting` : undefined}
              onClick={() =>
                void startMeeting({ scenarioId: card.id, difficulty, mode: chosenMode }, card.id)
              }
            >
              Start
            </button>
            {starting === card.id && (
              <span id={`${id}-starting`} className="hint" role="status">
                Starting the meeting…
              </span>
            )}
          </div>
          {startError?.where === card.id && <ErrorAlert message={startError.message} />}
        </div>
      </div>
    </article>
  );
}
