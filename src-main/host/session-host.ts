// The session host: owns every meeting in progress and everything stored. It
// runs in Electron's main process or in the browser-mode server, never in the
// page, so a UI crash or reload loses nothing. Each reply is journalled to
// disk before the buyer's answer is returned.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import type {
  AppInfo,
  CallArgs,
  ExportFile,
  HistoryPage,
  InterruptedSession,
  ProgressSeries,
  ScenarioCard,
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
import type { SettingsStore } from '../services/settings';
import {
  JournalWriter,
  type JournalContents,
  type JournalHeader,
  type JournalTurn,
} from '../services/storage/journal';
import type { SessionStore } from '../services/storage/session-store';
import { HostError } from './errors';
import type { MeetingClock } from './speech-host';
import { historyCsv, sessionJson } from './export';
import { scenarioCardOf, sessionRecordOf, sessionViewOf, type LiveState } from './views';

export interface HostOptions {
  readonly shell: AppInfo['shell'];
  readonly version: string;
  readonly store: SessionStore;
  readonly settings: SettingsStore;
  readonly library: ScenarioLibrary;
  readonly classifier: BehaviorClassifier;
  readonly now?: () => Date;
}

interface LiveSession extends LiveState {
  journal: JournalWriter;
  turns: JournalTurn[];
}

const DEFAULT_REP = 'Rep';

export class SessionHost {
  private readonly live = new Map<string, LiveSession>();
  private readonly now: () => Date;

  constructor(private readonly options: HostOptions) {
    this.now = options.now ?? (() => new Date());
  }

  info(): AppInfo {
    const { store, settings, library } = this.options;
    return {
      shell: this.options.shell,
      version: this.options.version,
      dataDir: store.dataDir,
      interrupted: this.interrupted(), // first: it sets aside unreadable journals as problems
      problems: [...store.problems, ...settings.problems],
      scenarioProblems: library.problems.map(
        (p) => `${p.file}:${p.line}:${p.column}: ${p.message}`,
      ),
    };
  }

  scenarios(): ScenarioCard[] {
    return this.options.library.list().map(scenarioCardOf);
  }

  /**
   * Starts a meeting. One meeting is live at a time: one still open is parked,
   * its journal kept, and offered as interrupted to resume later.
   */
  start(args: CallArgs<'session.start'>): SessionView {
    const scenario = this.scenario(args.scenarioId);
    this.park();
    const repName = this.options.settings.get().repName.trim() || DEFAULT_REP;
    const header = this.header(scenario, {
      difficulty: args.difficulty,
      mode: args.mode,
      seed: randomInt(1, 2 ** 31 - 1),
      reps: [repName],
    });
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
      // Not on disk means not acknowledged: go back to what the journal holds.
      this.reload(live);
      throw new HostError(
        'internal',
        `Your reply could not be saved (${(error as Error).message}), so the buyer has not heard it. Try again.`,
      );
    }
    live.turns.push(entry);
    return sessionViewOf(live);
  }

  /** When a live meeting started and when the buyer last spoke, to time a spoken reply. */
  clock(sessionId: string): MeetingClock {
    const live = this.liveSession(sessionId);
    if (live.meeting.ended) throw new HostError('conflict', 'The buyer has ended this meeting.');
    const startedAt = Date.parse(live.header.startedAt);
    return { startedAt, buyerAt: startedAt + (live.turns.at(-1)?.at ?? 0) };
  }

  end(args: CallArgs<'session.end'>, endedBy?: SessionRecord['endedBy']): SessionRecord {
    const live = this.liveSession(args.sessionId);
    const record = sessionRecordOf(
      live,
      this.now(),
      endedBy ?? (live.meeting.ended ? 'buyer' : 'rep'),
    );
    this.options.store.save(record);
    live.journal.close();
    this.options.store.finishJournal(record.id);
    this.live.delete(record.id);
    return record;
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
    this.park();
    const header = this.header(scenario, {
      difficulty: record.difficulty,
      mode: record.mode,
      seed: record.seed,
      reps: record.reps.length > 0 ? [...record.reps] : [DEFAULT_REP],
      replayOf: { sessionId: record.id, fromTurn: args.fromTurn },
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

  /** Scores an interrupted meeting as it stood, and stores it; a live meeting carries on. */
  score(args: CallArgs<'recovery.score'>): SessionRecord {
    this.revive(args.sessionId, { park: false });
    return this.end(args, 'recovery');
  }

  private revive(sessionId: string, options: { readonly park: boolean }): LiveSession {
    const existing = this.live.get(sessionId);
    if (existing) return existing;
    const path = this.options.store.journalPath(sessionId);
    if (!existsSync(path)) {
      throw new HostError(
        'not_found',
        `No interrupted meeting "${sessionId}"; it may have been scored already.`,
      );
    }
    const contents = this.options.store.readJournalFile(path);
    if (!contents) {
      const problem = this.options.store.problems.at(-1);
      throw new HostError(
        'not_found',
        `That meeting could not be read: ${problem?.message ?? 'its journal is damaged'}`,
      );
    }
    const live = this.rebuild(contents, (kept) =>
      JournalWriter.rewrite(path, contents.header, kept),
    );
    if (options.park) this.park();
    this.live.set(live.header.id, live);
    return live;
  }

  history(args: CallArgs<'history.list'>): HistoryPage {
    const rows = this.options.store.list();
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
    const mine = this.options.store.list().filter((row) => row.scenarioId === scenarioId);
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

  /** Closes every journal; meetings in progress stay on disk to resume next time. */
  close(): void {
    this.park();
  }

  private park(): void {
    for (const live of this.live.values()) live.journal.close();
    this.live.clear();
  }

  private interrupted(): InterruptedSession[] {
    return this.options.store
      .interrupted((id) => !this.live.has(id))
      .map(({ contents }) => ({
        id: contents.header.id,
        scenarioTitle: contents.header.scenarioTitle,
        difficulty: contents.header.difficulty,
        startedAt: contents.header.startedAt,
        turns: contents.turns.length,
      }));
  }

  private scenario(id: string): CompiledScenario {
    const scenario = this.options.library.get(id);
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
    fields: Pick<JournalHeader, 'difficulty' | 'mode' | 'seed' | 'reps' | 'replayOf'>,
  ): JournalHeader {
    const now = this.now();
    const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const { replayOf, ...rest } = fields;
    return {
      type: 'start',
      version: 1,
      id: `${stamp}-${randomBytes(4).toString('hex')}`,
      scenarioId: scenario.file.id,
      scenarioTitle: scenario.file.title,
      scenarioDigest: digestOf(scenario),
      startedAt: now.toISOString(),
      ...rest,
      ...(replayOf ? { replayOf } : {}),
    };
  }

  /** Starts a journal and a meeting (replaying `earlier` turns for a replay) and makes it live. */
  private open(
    header: JournalHeader,
    scenario: CompiledScenario,
    earlier: JournalTurn[],
  ): LiveSession {
    const path = this.options.store.journalPath(header.id);
    const live = this.rebuild({ header, turns: earlier, tornTail: false }, (kept) => {
      const journal = JournalWriter.create(path, header);
      try {
        for (const turn of kept) journal.append(turn);
      } catch (error) {
        journal.close();
        throw error;
      }
      return journal;
    });
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
    const meeting = Meeting.start({
      scenario,
      classifier: this.options.classifier,
      difficulty: header.difficulty,
      seed: header.seed,
    });
    const openingMeters = meeting.meters;
    const kept: JournalTurn[] = [];
    let diverged = false;
    for (const turn of contents.turns) {
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
      if (answer.buyer !== turn.buyer) diverged = true;
      kept.push({ ...turn, n: kept.length + 1, rep: answer.rep, buyer: answer.buyer });
    }
    const notices: string[] = [];
    if (diverged || digestOf(scenario) !== header.scenarioDigest) {
      notices.push(
        `The scenario "${scenario.file.title}" has changed since this meeting was held, so the buyer now answers as the current version does.`,
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
      meeting,
      journal: writeJournal(kept),
      turns: kept,
      openingMeters,
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }

  private reload(live: LiveSession): void {
    live.journal.close();
    this.live.delete(live.header.id);
    this.resume({ sessionId: live.header.id });
  }

  private liveSession(id: string): LiveSession {
    const live = this.live.get(id);
    if (live) return live;
    if (this.interrupted().some((s) => s.id === id)) {
      throw new HostError('conflict', 'This meeting was interrupted: resume it first.');
    }
    throw new HostError('not_found', `No meeting in progress with id "${id}"; it may have ended.`);
  }
}

function digestOf(scenario: CompiledScenario): string {
  return createHash('sha256').update(JSON.stringify(scenario.file)).digest('hex').slice(0, 16);
}
