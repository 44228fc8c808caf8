// The session report: what happened (scenario, buyer, outcome), the three
// scores, the research checks, the buyer's meters over the meeting, a timeline
// of the rep's turns, each turn explained with a replay, and the buyer's signals;
// for spoken replies, how they were delivered (pace, fillers, pauses).
import { useId, type ReactNode } from 'react';
import type { SessionRecord } from '../../../src-main/contract/api';
import { countedGroup, endedText } from '../../../src-main/core/scoring/moment-view';
import { BuyerSignals } from '../components/BuyerSignals';
import { DeliveryPanel } from '../components/DeliveryPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeterChart } from '../components/MeterChart';
import { checkRows, MetricsTable } from '../components/MetricsTable';
import { MomentList } from '../components/MomentList';
import { ObjectiveList } from '../components/ObjectiveList';
import { ScoreCards } from '../components/ScoreCards';
import { ScreenTitle } from '../components/ScreenTitle';
import { Timeline } from '../components/Timeline';
import {
  DIFFICULTY_LABEL,
  MODE_LABEL,
  CALL_OUTCOME_TEXT,
  OUTCOME_TEXT,
  capitalise,
  formatDateTime,
} from '../lib/format';
import { useStore } from '../store';

export function Report() {
  const sessionId = useStore((s) => s.reportSessionId);
  const record = useStore((s) => s.record);
  const loading = useStore((s) => s.reportLoading);
  const error = useStore((s) => s.reportError);
  const openReport = useStore((s) => s.openReport);
  const current = record && record.id === sessionId ? record : null;
  return (
    <>
      <div className="screen-header">
        <ScreenTitle>Session report</ScreenTitle>
      </div>
      {loading && <p className="loading">Loading the report…</p>}
      {error && sessionId && (
        <ErrorAlert message={`Could not open this session: ${error}`}>
          <button type="button" className="button" onClick={() => void openReport(sessionId)}>
            Try again
          </button>
        </ErrorAlert>
      )}
      {!loading && !error && !current && <p>No report to show. Open one from History.</p>}
      {current && <ReportBody record={current} />}
    </>
  );
}

function ReportBody({ record }: { readonly record: SessionRecord }) {
  const { report, scenario, call } = record;
  // A rep's report from a team board: their turns, with no replay of a shared meeting.
  const fromTeam = useStore((s) => s.reportFrom === 'team');
  // A real call has a buyer side by name, no meters, and cannot be replayed.
  const buyerName = call
    ? call.buyers.length === 1
      ? (call.buyers[0] ?? 'The buyer')
      : 'The buyer side'
    : scenario.persona.name;
  return (
    <>
      {call ? <CallMeta record={record} call={call} /> : <MeetingMeta record={record} />}
      {record.drill && <DrillVerdict drill={record.drill} />}
      <Section title="Scores">
        <ScoreCards report={report} />
      </Section>
      <div className="panel">
        <MetricsTable caption="Metrics" rows={checkRows(report.checks)} />
      </div>
      {report.delivery && <DeliveryPanel delivery={report.delivery} />}
      {!call && (
        <Section title="How the buyer felt">
          <MeterChart record={record} />
        </Section>
      )}
      <Section title="Timeline">
        <p className="hint">
          Each block is one of {call ? "the rep's" : 'your'} turns. Choose one to jump to it.
        </p>
        {/* Coloured by the group each turn counted in, as its badge and the summary count it. */}
        <Timeline moments={report.moments.map((m) => ({ ...m, group: countedGroup(m) }))} />
      </Section>
      <Section title="Turn by turn">
        <MomentList
          moments={report.moments}
          turns={record.turns}
          buyerName={buyerName}
          replay={!call && !fromTeam}
        />
      </Section>
      <Section title="Buyer signals">
        <BuyerSignals signals={report.buyerSignals} />
      </Section>
      {call ? <ScoreAnotherCall /> : fromTeam ? <BackToBoard /> : <PractiseAgain record={record} />}
    </>
  );
}

function MeetingMeta({ record }: { readonly record: SessionRecord }) {
  const { scenario } = record;
  const { persona } = scenario;
  const fromTeam = useStore((s) => s.reportFrom === 'team');
  return (
    <Section title="The meeting">
      <dl className="report-meta">
        {fromTeam && (
          <>
            <dt>Rep</dt>
            <dd>{record.reps[0]}, in a team roleplay (only their turns are scored)</dd>
          </>
        )}
        <dt>Scenario</dt>
        <dd>{scenario.title}</dd>
        <dt>Buyer</dt>
        <dd>
          {persona.name}, {persona.role} at {persona.company}
        </dd>
        <dt>Date</dt>
        <dd>{formatDateTime(record.startedAt)}</dd>
        <dt>Difficulty</dt>
        <dd>{DIFFICULTY_LABEL[record.difficulty]}</dd>
        <dt>Mode</dt>
        <dd>{MODE_LABEL[record.mode]}</dd>
        <dt>Outcome</dt>
        <dd>
          {/* "Ended by you" would be wrong for a meeting the app lost mid-way. */}
          {record.outcome === 'open' && record.endedBy === 'recovery'
            ? 'Stopped before an outcome'
            : OUTCOME_TEXT[record.outcome]}
        </dd>
        <dt>Ended</dt>
        <dd>{endedText(record.outcome, record.endedBy, persona.name)}</dd>
        {record.replayOf && (
          <>
            <dt>Replay</dt>
            <dd>Replayed from turn {record.replayOf.fromTurn} of an earlier meeting</dd>
          </>
        )}
      </dl>
    </Section>
  );
}

/** A real call: who spoke, how it was timed, what was kept. */
function CallMeta({
  record,
  call,
}: {
  readonly record: SessionRecord;
  readonly call: NonNullable<SessionRecord['call']>;
}) {
  return (
    <Section title="The call">
      <dl className="report-meta">
        <dt>Real call</dt>
        <dd>{call.fileName}</dd>
        <dt>Rep</dt>
        <dd>{call.rep}</dd>
        <dt>Buyer side</dt>
        <dd>{call.buyers.join(', ')}</dd>
        <dt>Scored</dt>
        <dd>{formatDateTime(record.startedAt)}</dd>
        <dt>Timings</dt>
        <dd>{capitalise(call.timingSource)}</dd>
        <dt>Outcome</dt>
        <dd>{CALL_OUTCOME_TEXT[record.outcome]}</dd>
        {call.keptAs && (
          <>
            <dt>File kept</dt>
            <dd>{call.keptAs} in the data folder</dd>
          </>
        )}
      </dl>
    </Section>
  );
}

/** A meeting drill's verdict: passed or not, and each objective with why. */
function DrillVerdict({ drill }: { readonly drill: NonNullable<SessionRecord['drill']> }) {
  const openTrack = useStore((s) => s.openTrack);
  return (
    <Section title={`Meeting drill: ${drill.passed ? 'passed' : 'not passed'}`}>
      <p>{drill.title}</p>
      <ObjectiveList objectives={drill.objectives} />
      {drill.trackId && (
        <button
          type="button"
          className="button"
          onClick={() => drill.trackId && openTrack(drill.trackId)}
        >
          Back to the track
        </button>
      )}
    </Section>
  );
}

function BackToBoard() {
  const navigate = useStore((s) => s.navigate);
  return (
    <div className="report-actions">
      <button type="button" className="button button-primary" onClick={() => navigate('teamBoard')}>
        Back to the team board
      </button>
    </div>
  );
}

function ScoreAnotherCall() {
  const navigate = useStore((s) => s.navigate);
  return (
    <div className="report-actions">
      <button type="button" className="button button-primary" onClick={() => navigate('call')}>
        Score another call
      </button>
    </div>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PractiseAgain({ record }: { readonly record: SessionRecord }) {
  const starting = useStore((s) => s.starting);
  const startError = useStore((s) => s.startError);
  const startMeeting = useStore((s) => s.startMeeting);
  return (
    <div className="report-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={starting !== null}
        onClick={() =>
          void startMeeting(
            { scenarioId: record.scenario.id, difficulty: record.difficulty, mode: record.mode },
            'report',
          )
        }
      >
        Practise again
      </button>
      {startError?.where === 'report' && <ErrorAlert message={startError.message} />}
    </div>
  );
}
