// The session host: owns every meeting in progress and everything stored. It
// runs in Electron's main process or in the browser-mode server, never in the
// page, so a UI crash or reload loses nothing. Each reply is journalled to
// disk before the buyer's answer is returned; a reply that cannot be saved is
// taken back, so the meeting stays live and the rep can send it again.
//
// Ending a meeting is safe at every step: the journal gets an `end` line (who
// ended it), then the session is stored (never over another), then the journal
// goes. Stopped after the first step, the next start stores it; after the
// second, the next start removes the journal. It never comes back as interrupted.
import { randomInt } from 'node:crypto';
import type {
  AppInfo,
  CallArgs,
  ExportFile,
  HistoryPage,
  HistoryRow,
  InterruptedSession,
  LogTail,
  ProgressSeries,
  ScenarioList,
  SessionRecord,
  SessionView,
  Settings,
  SpokenTiming,
} from '../contract/api';
import { PROGRESS_POINTS } from '../contract/api';
import { Meeting } from '../core/meeting/meeting';
import type { CompiledScenario } from '../core/scenarios/compile';
import type { BehaviorClassifier } from '../core/understanding/classifier';
import type { ScenarioLibrary } from '../services/scenario-library';
import type { LogFile } from '../services/log';
import type { SettingsStore } from '../services/settings';
import type {
  JournalContents,
  JournalHeader,
  JournalTurn,
  JournalWriter,
} from '../services/storage/journal';
import { newSessionId } from '../services/storage/session-record';
import type { SessionStore } from '../services/storage/session-store';
import { HostError, storageMessage } from './errors';
import type { MeetingClock } from './speech-host';
import { historyCsv, sessionJson } from './export';
import {
  scenarioCardOf,
  scenarioDigest as digestOf,
  sessionRecordOf,
  sessionViewOf,
  type LiveState,
} from './views';

export interface HostOptions {
  readonly shell: AppInfo['shell'];
  readonly version: string;
  readonly store: SessionStore;
  readonly settings: SettingsStore;
  /** The scenarios on offer now (the library is reloaded when the own folder changes). */
  readonly library: () => ScenarioLibrary;
  /** The folder for the organisation's own scenario files. */
  readonly ownScenarioDir: string;
  readonly classifier: BehaviorClassifier;
  readonly log: LogFile;
  readonly now?: () => Date;
  /** Rows History lists beside the stored sessions (team roleplays), newest first. */
  readonly otherRows?: () => readonly HistoryRow[];
  /**
   * Who is practising: their id, and whether they are the first learner (who
   * owns the sessions stored before learners existed). Undefined: no learners yet.
   */
  readonly learner?: () => { readonly id: string; readonly first: boolean } | undefined;
  /** A meeting drill ending: judge it, note the attempt, and return the record with its verdict. */
  readonly completeDrill?: (record: SessionRecord, header: JournalHeader) => SessionRecord;
  /** A session was stored (the xAPI host queues its statements). Must not throw. */
  readonly onSaved?: (record: SessionRecord) => void;
}

interface LiveSession extends LiveState {
  meeting: Meeting;
  journal: JournalWriter;
  turns: JournalTurn[];
  /** Who ended it, once the journal's `end` line is on disk. */
  endedBy?: SessionRecord['endedBy'];
}

const DEFAULT_REP = 'Rep';

export class SessionHost {
  private readonly live = new Map<string, LiveSession>();
  private readonly now: () => Date;

  constructor(private readonly options: HostOptions) {
    this.now = options.now ?? (() => new Date());
    this.storeEndedMeetings();
  }

  info(): Omit<AppInfo, 'interruptedTeams'> {
    const { store, settings } = this.options;
    return {
      shell: this.options.shell,
      version: this.options.version,
      dataDir: store.dataDir,
      interrupted: this.interrupted(),
      problems: [...store.problems, ...settings.problems],
      logFile: this.options.log.path,
    };
  }

  /** The folder for the organisation's own scenario files. */
  ownScenarioFolder(): string {
    return this.options.ownScenarioDir;
  }

  scenarios(): ScenarioList {
    const library = this.options.library();
    return {
      cards: library.list().map((s) => scenarioCardOf(s, library.sourceOf(s.file.id))),
      unusable: library.unusable(),
      ownFolder: this.options.ownScenarioDir,
    };
  }

  /**
   * Starts a meeting. One meeting is live at a time: one still open is parked,
   * its journal kept, and offered as interrupted to resume later.
   */
  start(args: CallArgs<'session.start'>, drill?: JournalHeader['drill']): SessionView {
    const scenario = this.scenario(args.scenarioId);
    const repName = this.options.settings.get().repName.trim() || DEFAULT_REP;
    const learner = this.options.learner?.();
    const header = this.header(scenario, {
      difficulty: args.difficulty,
      mode: args.mode,
      seed: randomInt(1, 2 ** 31 - 1),
      reps: [repName],
      ...(learner ? { learnerId: learner.id } : {}),
      ...(drill ? { drill } : {}),
    });
    // The new journal first: if it cannot be made, the meeting in progress stays live.
    return sessionViewOf(this.open(header, scenario, []));
  }

  current(): SessionView | null {
    const sessions = [...this.live.values()];
    const latest = sessions[sessions.length - 1];
    return latest ? sessionViewOf(latest) : null;
  }

  /** A reply; a spoken one brings when it was said (`speech`, from the speech host). */
  reply(args: CallArgs<'session.reply'>, speech?: SpokenTiming): SessionView {
    const live = this.liveSession(args.sessionId);
    const started = Date.parse(live.header.startedAt);
    const turn = live.meeting.reply(args.text);
    const entry: JournalTurn = {
      type: 'turn',
      n: live.meeting.turns.length,
      rep: turn.rep,
      repName: live.header.reps[0] ?? DEFAULT_REP,
      source: args.source,
      at: Math.max(0, this.now().getTime() - started),
      buyer: turn.buyer,
      ...(speech ? { speech } : {}),
    };
    try {
      live.journal.append(entry);
    } catch (error) {
      // Not on disk means not acknowledged: the buyer has not heard it. The
      // journal is as it was; take the meeting back to it too.
      live.meeting = this.replayed(live.header, live.scenario, live.turns).meeting;
      this.options.log.write(`session.reply: journal ${live.header.id}: ${String(error)}`);
      throw new HostError('storage', storageMessage('session.reply', error));
    }
    live.turns.push(entry);
    return sessionViewOf(live);
  }

  /** When a live meeting started and when the buyer last spoke, to time a spoken reply. */
  clock(sessionId: string): MeetingClock {
    const live = this.liveSession(sessionId);
    if (live.meeting.ended) throw new HostError('conflict', 'The buyer has ended this meeting.');
    const startedAt = Date.parse(live.header.startedAt);
    const { sells, persona } = live.scenario.file;
    return {
      startedAt,
      buyerAt: startedAt + (live.turns.at(-1)?.at ?? 0),
      // For the speech engine: the words the rep's answer is likely to use.
      context: {
        buyerLines: [live.meeting.opening, ...live.turns.map((t) => t.buyer)],
        facts: Object.values(persona.facts ?? {}),
        product: sells ? [sells.name, sells.what, ...(sells.words ?? [])] : [],
      },
    };
  }

  /** Ends and stores the meeting; null when the rep said nothing (it is discarded). */
  end(args: CallArgs<'session.end'>): SessionRecord | null {
    const live = this.liveSession(args.sessionId);
    return this.finish(live, live.meeting.ended ? 'buyer' : 'rep');
  }

  private finish(live: LiveSession, endedBy: SessionRecord['endedBy']): SessionRecord | null {
    const id = live.header.id;
    if (live.turns.length === 0) {
      this.discardLive(live);
      return null;
    }
    if (this.options.store.has(id)) {
      throw new HostError('conflict', 'This meeting is stored already; it was not stored again.');
    }
    // Step 1: who ended it, on disk. A retry after a failed store keeps the first word.
    if (live.endedBy === undefined) {
      live.journal.end(endedBy);
      live.endedBy = endedBy;
    }
    // Step 2: the session, which is never written over another.
    const plain = sessionRecordOf(live, this.now(), live.endedBy);
    const record =
      live.header.drill && this.options.completeDrill
        ? this.options.completeDrill(plain, live.header)
        : plain;
    this.options.store.save(record);
    this.options.onSaved?.(record);
    // Step 3: the journal is no longer needed.
    this.dropLive(live);
    return record;
  }

  private discardLive(live: LiveSession): void {
    this.dropLive(live);
  }

  private dropLive(live: LiveSession): void {
    live.journal.close();
    this.live.delete(live.header.id);
    const problem = this.options.store.finishJournal(live.header.id);
    if (problem) this.options.log.write(`finishing journal ${live.header.id}: ${problem}`);
  }

  /** A new meeting that starts where a finished one stood before `fromTurn`. */
  replay(args: CallArgs<'session.replay'>): SessionView {
    const record = this.options.store.get(args.sessionId);
    if (args.fromTurn > record.turns.length) {
      throw new HostError(
        'invalid',
        `That session has ${record.turns.length} turns; there is no turn ${args.fromTurn} to replay from.`,
      );
    }
    const scenario = this.scenario(record.scenario.id);
    const header = this.header(scenario, {
      difficulty: record.difficulty,
      mode: record.mode,
      seed: record.seed,
      reps: record.reps.length > 0 ? [...record.reps] : [DEFAULT_REP],
      replayOf: { sessionId: record.id, fromTurn: args.fromTurn },
      ...(record.learnerId ? { learnerId: record.learnerId } : {}),
    });
    const earlier = record.turns.slice(0, args.fromTurn - 1).map((t): JournalTurn => ({
      type: 'turn',
      n: t.n,
      rep: t.rep,
      repName: t.repName,
      source: t.source,
      at: t.at,
      buyer: t.buyer,
      ...(t.speech ? { speech: t.speech } : {}),
    }));
    return sessionViewOf(this.open(header, scenario, earlier));
  }

  resume(args: CallArgs<'recovery.resume'>): SessionView {
    return sessionViewOf(this.revive(args.sessionId, { park: true }));
  }

  /**
   * Scores an interrupted meeting as it stood, and stores it; a live meeting
   * carries on. Who ended it is what the journal says, or the buyer if the
   * replay ends it, or "recovery" when nobody did.
   */
  score(args: CallArgs<'recovery.score'>): SessionRecord | null {
    const live = this.revive(args.sessionId, { park: false });
    return this.finish(live, live.endedBy ?? (live.meeting.ended ? 'buyer' : 'recovery'));
  }

  /** Throws an interrupted meeting away. */
  discard(args: CallArgs<'recovery.discard'>): void {
    const live = this.live.get(args.sessionId);
    if (live) {
      this.discardLive(live);
      return;
    }
    if (!this.options.store.hasJournal(args.sessionId)) {
      throw new HostError('not_found', 'There is no interrupted meeting with that id.');
    }
    const problem = this.options.store.finishJournal(args.sessionId);
    if (problem) {
      this.options.log.write(`discarding journal ${args.sessionId}: ${problem}`);
      throw new HostError('storage', storageMessage('recovery.discard', { code: 'EACCES' }));
    }
  }

  /** At start: meetings whose ending stopped after its first step are stored now. */
  private storeEndedMeetings(): void {
    for (const summary of this.options.store.interrupted()) {
      if (summary.endedBy === undefined) continue;
      try {
        this.score({ sessionId: summary.header.id });
      } catch (error) {
        this.options.log.write(`storing ended meeting ${summary.header.id}: ${String(error)}`);
      }
    }
  }

  private revive(sessionId: string, options: { readonly park: boolean }): LiveSession {
    const existing = this.live.get(sessionId);
    if (existing) return existing;
    const { store } = this.options;
    if (store.has(sessionId)) {
      throw new HostError('conflict', 'That meeting has been scored and stored already.');
    }
    if (!store.hasJournal(sessionId)) {
      throw new HostError(
        'not_found',
        'There is no interrupted meeting with that id; it may have been scored already.',
      );
    }
    const contents = store.readJournalOf(sessionId);
    if (!contents) {
      const problem = store.problems.at(-1);
      throw new HostError(
        'not_found',
        `That meeting could not be read: ${problem?.message ?? 'its journal is damaged'}`,
      );
    }
    const live = this.rebuild(contents, (kept) => store.rewriteJournal(contents, kept));
    if (options.park) this.park(live.header.id);
    this.live.set(live.header.id, live);
    return live;
  }

  /** The stored sessions of whoever is practising, newest first. */
  private mine(): readonly HistoryRow[] {
    const rows = this.options.store.list();
    const learner = this.options.learner?.();
    if (!learner) return rows;
    return rows.filter((r) =>
      r.learnerId === undefined ? learner.first : r.learnerId === learner.id,
    );
  }

  history(args: CallArgs<'history.list'>): HistoryPage {
    const others = this.options.otherRows?.() ?? [];
    const rows =
      others.length === 0
        ? this.mine()
        : [...this.mine(), ...others].sort((a, b) =>
            a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1,
          );
    const scenarios = new Map<string, { id: string; title: string; sessions: number }>();
    for (const row of rows) {
      const seen = scenarios.get(row.scenarioId);
      if (seen) seen.sessions++;
      else
        scenarios.set(row.scenarioId, {
          id: row.scenarioId,
          title: row.scenarioTitle,
          sessions: 1,
        });
    }
    return {
      rows: rows.slice(args.offset, args.offset + args.limit),
      offset: args.offset,
      total: rows.length,
      scenarios: [...scenarios.values()],
    };
  }

  progress(scenarioId: string): ProgressSeries {
    const mine = this.mine().filter((row) => row.scenarioId === scenarioId);
    return { scenarioId, rows: mine.slice(0, PROGRESS_POINTS).reverse(), total: mine.length };
  }

  record(sessionId: string): SessionRecord {
    return this.options.store.get(sessionId);
  }

  deleteSession(sessionId: string): void {
    this.options.store.delete(sessionId);
  }

  undoDelete(sessionId: string): void {
    this.options.store.undoDelete(sessionId);
  }

  exportSession(sessionId: string): ExportFile {
    return sessionJson(this.options.store.get(sessionId));
  }

  exportCsv(): ExportFile {
    return historyCsv(this.options.store.list(), this.now());
  }

  settings(): Settings {
    return this.options.settings.get();
  }

  updateSettings(patch: Partial<Settings>): Settings {
    return this.options.settings.set(patch);
  }

  logTail(): LogTail {
    return this.options.log.tail();
  }

  /** Closes every journal; meetings in progress stay on disk to resume next time. */
  close(): void {
    this.park();
  }

  /** Puts every live meeting but `keep` aside, to be offered as interrupted. */
  private park(keep?: string): void {
    for (const live of [...this.live.values()]) {
      if (live.header.id === keep) continue;
      live.journal.close();
      this.live.delete(live.header.id);
      this.options.store.noteJournal({
        header: live.header,
        turns: live.turns.length,
        ...(live.endedBy ? { endedBy: live.endedBy } : {}),
      });
    }
  }

  private interrupted(): InterruptedSession[] {
    return this.options.store
      .interrupted((id) => !this.live.has(id))
      .map(({ header, turns }) => ({
        id: header.id,
        scenarioTitle: header.scenarioTitle,
        difficulty: header.difficulty,
        startedAt: header.startedAt,
        turns,
      }));
  }

  private scenario(id: string): CompiledScenario {
    const scenario = this.options.library().get(id);
    if (!scenario) {
      throw new HostError(
        'not_found',
        `The scenario "${id}" is not in the scenario folder (was it renamed or removed?).`,
      );
    }
    return scenario;
  }

  private header(
    scenario: CompiledScenario,
    fields: Pick<
      JournalHeader,
      'difficulty' | 'mode' | 'seed' | 'reps' | 'replayOf' | 'learnerId' | 'drill'
    >,
  ): JournalHeader {
    const now = this.now();
    const { replayOf, learnerId, drill, ...rest } = fields;
    return {
      type: 'start',
      version: 1,
      id: newSessionId(now),
      scenarioId: scenario.file.id,
      scenarioTitle: scenario.file.title,
      scenarioDigest: digestOf(scenario),
      startedAt: now.toISOString(),
      ...rest,
      ...(replayOf ? { replayOf } : {}),
      ...(learnerId ? { learnerId } : {}),
      ...(drill ? { drill } : {}),
    };
  }

  /** Starts a journal and a meeting (replaying `earlier` turns for a replay) and makes it live. */
  private open(
    header: JournalHeader,
    scenario: CompiledScenario,
    earlier: JournalTurn[],
  ): LiveSession {
    const { store } = this.options;
    const live = this.rebuild({ header, turns: earlier, tornTail: false }, (kept) => {
      const journal = store.createJournal(header);
      try {
        for (const turn of kept) journal.append(turn);
      } catch (error) {
        journal.close();
        store.finishJournal(header.id);
        throw error;
      }
      return journal;
    });
    this.park(header.id);
    this.live.set(header.id, live);
    return live;
  }

  /**
   * Builds a live meeting from a journal by replaying its replies with the
   * same seed: the persona is deterministic, so this restores the exact state
   * after the last acknowledged turn. Only the rep's words are taken from the
   * file, so a hand-edited journal cannot put the engine in an impossible state.
   */
  private rebuild(
    contents: JournalContents,
    writeJournal: (kept: readonly JournalTurn[]) => JournalWriter,
  ): LiveSession {
    const { header } = contents;
    const scenario = this.scenario(header.scenarioId);
    const changed = digestOf(scenario) !== header.scenarioDigest;
    // An unchanged scenario that answers differently means the file was edited:
    // keep only what still matches what the buyer really said.
    const { meeting, openingMeters, kept, diverged } = this.replayed(
      header,
      scenario,
      contents.turns,
      { stopAtMismatch: !changed },
    );
    const notices: string[] = [];
    if (changed) {
      notices.push(
        `The scenario "${scenario.file.title}" has changed since this meeting was held, so the buyer now answers as the current version does.`,
      );
    } else if (diverged) {
      notices.push(
        `This meeting's saved turns were changed outside the app, so it continues from turn ${kept.length}, the last one that still matches.`,
      );
    }
    if (contents.tornTail) {
      notices.push(
        'Your last reply was cut off when the app stopped, before the buyer answered; it is not part of the meeting.',
      );
    }
    return {
      header,
      scenario,
      source: this.options.library().sourceOf(header.scenarioId),
      meeting,
      journal: writeJournal(kept),
      turns: kept,
      openingMeters,
      ...(contents.endedBy ? { endedBy: contents.endedBy } : {}),
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }

  /**
   * Replays the rep's words with the session's seed, in memory. `kept` are the
   * turns that replayed; `diverged` is set when the buyer's answer no longer
   * matches what was recorded, or a reply is no longer accepted.
   */
  private replayed(
    header: JournalHeader,
    scenario: CompiledScenario,
    turns: readonly JournalTurn[],
    options: { readonly stopAtMismatch: boolean } = { stopAtMismatch: false },
  ): {
    meeting: Meeting;
    openingMeters: Readonly<Record<string, number>>;
    kept: JournalTurn[];
    diverged: boolean;
  } {
    let meeting = this.meetingFor(header, scenario);
    const openingMeters = meeting.meters;
    const kept: JournalTurn[] = [];
    let diverged = false;
    for (const turn of turns) {
      if (meeting.ended) {
        diverged = true;
        break;
      }
      let answer;
      try {
        answer = meeting.reply(turn.rep);
      } catch {
        // A reply the meeting no longer accepts (edited by hand): stop there.
        diverged = true;
        break;
      }
      if (answer.buyer !== turn.buyer) {
        diverged = true;
        if (options.stopAtMismatch) {
          // The meeting has heard this turn; replay the ones kept without it.
          meeting = this.meetingFor(header, scenario);
          for (const good of kept) meeting.reply(good.rep);
          break;
        }
      }
      kept.push({ ...turn, n: kept.length + 1, rep: answer.rep, buyer: answer.buyer });
    }
    return { meeting, openingMeters, kept, diverged };
  }

  private meetingFor(header: JournalHeader, scenario: CompiledScenario): Meeting {
    return Meeting.start({
      scenario,
      classifier: this.options.classifier,
      difficulty: header.difficulty,
      seed: header.seed,
    });
  }

  private liveSession(id: string): LiveSession {
    const live = this.live.get(id);
    if (live) return live;
    if (this.options.store.hasJournal(id)) {
      throw new HostError('conflict', 'This meeting was interrupted: resume it first.');
    }
    throw new HostError('not_found', `No meeting in progress with id "${id}"; it may have ended.`);
  }
}
