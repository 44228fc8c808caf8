// The team-roleplay host: one live team roleplay, every action journalled
// before it is answered, resumed after a crash by replaying the journal, and
// stored with its board when the facilitator ends it. A turn that cannot be
// written is taken back (the roleplay is rebuilt from the journal as it is),
// so the room sees nothing the disk does not have.
import { randomInt } from 'node:crypto';
import type {
  CallArgs,
  ExportFile,
  HistoryRow,
  InterruptedTeam,
  RepProgress,
  SessionRecord,
  TeamBoardView,
  TeamRosters,
  TeamView,
} from '../contract/api';
import type { CompiledScenario } from '../core/scenarios/compile';
import { teamCsv, teamLabelledLines } from '../core/team/export';
import { TeamRoleplay } from '../core/team/roleplay';
import { checkRoster } from '../core/team/roster';
import { TeamError, type TeamAction } from '../core/team/types';
import type { BehaviorClassifier } from '../core/understanding/classifier';
import type { LogFile } from '../services/log';
import type { ScenarioLibrary } from '../services/scenario-library';
import { newSessionId, meterInfoOf } from '../services/storage/session-record';
import type { TeamJournalHeader, TeamRecord } from '../services/storage/team-record';
import type { TeamJournal, TeamStore } from '../services/storage/team-store';
import { HostError, storageMessage } from './errors';
import type { MeetingClock } from './speech-host';
import { repRecordOf, teamBoardViewOf, teamViewOf } from './team-views';
import { scenarioCardOf, scenarioDigest as digestOf } from './views';

export interface TeamHostOptions {
  readonly store: TeamStore;
  readonly library: () => ScenarioLibrary;
  readonly classifier: BehaviorClassifier;
  readonly log: LogFile;
  readonly now?: () => Date;
}

interface LiveTeam {
  readonly header: TeamJournalHeader;
  readonly scenario: CompiledScenario;
  roleplay: TeamRoleplay;
  journal: TeamJournal;
  readonly actions: TeamAction[];
  ended: boolean;
  notice?: string;
}

export class TeamHost {
  private live: LiveTeam | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: TeamHostOptions) {
    this.now = options.now ?? (() => new Date());
    this.storeEnded();
  }

  start(args: CallArgs<'team.start'>): TeamView {
    const roster = checkRoster(args.reps);
    if ('problem' in roster) throw new HostError('invalid', roster.problem.message);
    const scenario = this.scenario(args.scenarioId);
    const now = this.now();
    const header: TeamJournalHeader = {
      type: 'team',
      version: 1,
      id: `team-${newSessionId(now)}`,
      scenarioTitle: scenario.file.title,
      scenarioDigest: digestOf(scenario),
      startedAt: now.toISOString(),
      setup: {
        scenarioId: args.scenarioId,
        difficulty: args.difficulty,
        mode: args.mode,
        rotation: args.rotation,
        turnsPerRep: args.turnsPerRep,
        reps: [...roster.reps],
        seed: randomInt(1, 2 ** 31 - 1),
        calling: args.calling,
      },
    };
    const roleplay = this.attempt(
      () => new TeamRoleplay(header.setup, scenario, this.options.classifier),
    );
    // The new journal first: if it cannot be made, the roleplay in progress stays live.
    const journal = this.options.store.createJournal(header);
    this.park();
    this.live = { header, scenario, roleplay, journal, actions: [], ended: false };
    try {
      this.options.store.rememberRoster(roster.reps, now);
    } catch (error) {
      // The roster list is a convenience; the roleplay itself is on disk.
      this.options.log.write(`team.start: remembering the roster: ${String(error)}`);
    }
    return this.view(this.live);
  }

  current(): TeamView | null {
    return this.live ? this.view(this.live) : null;
  }

  hasLive(id: string): boolean {
    return this.live?.header.id === id;
  }

  /** When the roleplay started and when the buyer last spoke, to time a spoken turn. */
  clock(id: string): MeetingClock {
    const live = this.liveTeam(id);
    const started = Date.parse(live.header.startedAt);
    const state = live.roleplay.state();
    return { startedAt: started, buyerAt: started + state.turnStartedAt + state.pausedMs };
  }

  act(args: CallArgs<'team.act'>): TeamView {
    const live = this.liveTeam(args.teamId);
    if (live.ended) throw new HostError('conflict', 'This roleplay has ended; its board is ready.');
    const at = Math.max(0, this.now().getTime() - Date.parse(live.header.startedAt));
    const { action: a } = args;
    const action: TeamAction =
      a.type === 'turn'
        ? { type: 'turn', text: a.text, source: a.source, at }
        : a.type === 'skip' || a.type === 'next' || a.type === 'pause' || a.type === 'resume'
          ? { type: a.type, at }
          : a.type === 'event'
            ? { type: 'event', id: a.id, at }
            : a;
    this.attempt(() => live.roleplay.apply(action));
    try {
      live.journal.append(action);
    } catch (error) {
      // Not on disk means not acknowledged: rebuild the roleplay from the journal as it is.
      live.roleplay = TeamRoleplay.replay(
        live.header.setup,
        live.actions,
        live.scenario,
        this.options.classifier,
      ).roleplay;
      this.options.log.write(`team.act: journal ${live.header.id}: ${String(error)}`);
      throw new HostError('storage', storageMessage('team.act', error));
    }
    live.actions.push(action);
    delete live.notice;
    return this.view(live);
  }

  /** Ends and stores the roleplay; null (and discarded) when no rep took a turn. */
  end(args: CallArgs<'team.end'>): TeamBoardView | null {
    const live = this.liveTeam(args.teamId);
    return this.finish(live);
  }

  private finish(live: LiveTeam): TeamBoardView | null {
    const { store } = this.options;
    const state = live.roleplay.state();
    if (state.turns.length === 0) {
      this.drop(live);
      return null;
    }
    if (store.has(live.header.id))
      throw new HostError('conflict', 'This roleplay is stored already; it was not stored again.');
    // Step 1: ended, on disk. Step 2: the record, never over another. Step 3: the journal goes.
    if (!live.ended) {
      live.journal.end();
      live.ended = true;
    }
    const record: TeamRecord = {
      version: 1,
      id: live.header.id,
      scenario: {
        id: live.scenario.file.id,
        title: live.scenario.file.title,
        persona: {
          name: live.scenario.file.persona.name,
          role: live.scenario.file.persona.role,
          company: live.scenario.file.persona.company,
        },
      },
      meterInfo: meterInfoOf(live.scenario),
      startedAt: live.header.startedAt,
      endedAt: this.now().toISOString(),
      actions: [...live.actions],
      state,
    };
    store.save(record);
    this.drop(live);
    return teamBoardViewOf(record);
  }

  private drop(live: LiveTeam): void {
    live.journal.close();
    if (this.live === live) this.live = undefined;
    const problem = this.options.store.finishJournal(live.header.id);
    if (problem) this.options.log.write(`finishing team journal ${live.header.id}: ${problem}`);
  }

  board(teamId: string): TeamBoardView {
    return teamBoardViewOf(this.record(teamId));
  }

  repReport(args: CallArgs<'team.repReport'>): SessionRecord {
    const record = repRecordOf(this.record(args.teamId), args.rep);
    if (!record)
      throw new HostError('not_found', `${args.rep} did not take part in that team roleplay.`);
    return record;
  }

  exportCsv(teamId: string): ExportFile {
    const record = this.record(teamId);
    return {
      fileName: `first-meeting-team-${record.scenario.id}-${record.startedAt.slice(0, 10)}-${record.id}.csv`,
      mimeType: 'text/csv',
      content: teamCsv(record.state),
    };
  }

  exportLabels(teamId: string): ExportFile {
    const record = this.record(teamId);
    return {
      fileName: `first-meeting-team-labels-${record.startedAt.slice(0, 10)}-${record.id}.tsv`,
      mimeType: 'text/tab-separated-values',
      content: teamLabelledLines(record.state),
    };
  }

  rosters(): TeamRosters {
    const byName = new Map<
      string,
      { name: string; roleplays: RepProgress['roleplays'][number][] }
    >();
    for (const summary of [...this.options.store.list()].reverse()) {
      for (const rep of summary.reps) {
        const key = rep.name.toLocaleLowerCase();
        const entry = byName.get(key) ?? { name: rep.name, roleplays: [] };
        entry.roleplays.push({
          teamId: summary.id,
          startedAt: summary.startedAt,
          scenarioTitle: summary.scenarioTitle,
          rotation: summary.rotation,
          turns: rep.turns,
          valueCreation: rep.valueCreation,
          pitching: rep.pitching,
          overall: rep.overall,
        });
        byName.set(key, entry);
      }
    }
    return {
      saved: this.options.store.rosters(),
      progress: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** Stored team roleplays as History rows: the team's average scores, marked with the rotation. */
  historyRows(): HistoryRow[] {
    return this.options.store.list().map((s) => {
      const mean = (f: (r: (typeof s.reps)[number]) => number) =>
        s.reps.length === 0 ? 0 : Math.round(s.reps.reduce((t, r) => t + f(r), 0) / s.reps.length);
      return {
        id: s.id,
        team: s.rotation,
        startedAt: s.startedAt,
        scenarioId: s.scenarioId,
        scenarioTitle: s.scenarioTitle,
        difficulty: s.difficulty,
        mode: s.mode,
        reps: s.reps.map((r) => r.name),
        turns: s.turns,
        outcome: s.outcome,
        valueCreation: mean((r) => r.valueCreation),
        pitching: mean((r) => r.pitching),
        overall: mean((r) => r.overall),
      };
    });
  }

  has(teamId: string): boolean {
    return this.options.store.has(teamId);
  }

  delete(teamId: string): void {
    this.options.store.delete(teamId);
  }

  /** Brings a deleted roleplay back; false when the id is not a deleted team roleplay. */
  undoDelete(teamId: string): boolean {
    return this.options.store.undoDelete(teamId);
  }

  interrupted(): InterruptedTeam[] {
    return this.options.store
      .interrupted((id) => !this.hasLive(id))
      .filter((c) => !c.ended)
      .map((c) => ({
        id: c.header.id,
        scenarioTitle: c.header.scenarioTitle,
        rotation: c.header.setup.rotation,
        reps: c.header.setup.reps,
        startedAt: c.header.startedAt,
        turns: c.actions.filter((a) => a.type === 'turn').length,
      }));
  }

  resume(args: CallArgs<'team.resume'>): TeamView {
    if (this.live?.header.id === args.teamId) return this.view(this.live);
    const live = this.revive(args.teamId);
    this.park();
    this.live = live;
    return this.view(live);
  }

  discard(args: CallArgs<'team.discard'>): void {
    if (this.live?.header.id === args.teamId) {
      this.drop(this.live);
      return;
    }
    if (!this.options.store.hasJournal(args.teamId))
      throw new HostError('not_found', 'There is no interrupted team roleplay with that id.');
    const problem = this.options.store.finishJournal(args.teamId);
    if (problem) {
      this.options.log.write(`discarding team journal ${args.teamId}: ${problem}`);
      throw new HostError('storage', storageMessage('team.discard', { code: 'EACCES' }));
    }
  }

  /** Closes the journal; a roleplay in progress stays on disk to resume next time. */
  close(): void {
    this.park();
  }

  private park(): void {
    if (!this.live) return;
    this.live.journal.close();
    this.live = undefined;
  }

  /** At start: roleplays whose ending stopped after its first step are stored now. */
  private storeEnded(): void {
    for (const contents of this.options.store.interrupted()) {
      if (!contents.ended) continue;
      try {
        const live = this.revive(contents.header.id);
        this.finish(live);
      } catch (error) {
        this.options.log.write(
          `storing ended team roleplay ${contents.header.id}: ${String(error)}`,
        );
      }
    }
  }

  private revive(teamId: string): LiveTeam {
    const { store } = this.options;
    if (store.has(teamId))
      throw new HostError('conflict', 'That team roleplay has been stored already.');
    if (!store.hasJournal(teamId))
      throw new HostError('not_found', 'There is no interrupted team roleplay with that id.');
    const contents = store.readJournal(teamId);
    if (!contents)
      throw new HostError(
        'not_found',
        'That team roleplay could not be read: its journal is damaged and was set aside.',
      );
    const scenario = this.scenario(contents.header.setup.scenarioId);
    const { roleplay, kept } = TeamRoleplay.replay(
      contents.header.setup,
      contents.actions,
      scenario,
      this.options.classifier,
    );
    const actions = contents.actions.slice(0, kept);
    const notices: string[] = [];
    if (digestOf(scenario) !== contents.header.scenarioDigest)
      notices.push(
        `The scenario "${scenario.file.title}" has changed since this roleplay began, so the buyer now answers as the current version does.`,
      );
    if (kept < contents.actions.length)
      notices.push(
        `Action ${kept + 1} of the saved roleplay no longer applies, so it continues from the ${kept} before it.`,
      );
    if (contents.tornTail)
      notices.push(
        'The last action was cut off when the app stopped, before it was answered; it is not part of the roleplay.',
      );
    const journal = store.rewriteJournal(contents.header, actions, contents.ended);
    return {
      header: contents.header,
      scenario,
      roleplay,
      journal,
      actions,
      ended: contents.ended,
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }

  private record(teamId: string): TeamRecord {
    try {
      return this.options.store.get(teamId);
    } catch (error) {
      throw new HostError('not_found', (error as Error).message);
    }
  }

  private view(live: LiveTeam): TeamView {
    const library = this.options.library();
    return teamViewOf({
      id: live.header.id,
      startedAt: live.header.startedAt,
      state: live.roleplay.state(),
      scenario: live.scenario,
      card: scenarioCardOf(live.scenario, library.sourceOf(live.scenario.file.id)),
      ...(live.notice ? { notice: live.notice } : {}),
    });
  }

  private liveTeam(id: string): LiveTeam {
    if (this.live?.header.id === id) return this.live;
    if (this.options.store.hasJournal(id))
      throw new HostError('conflict', 'This team roleplay was interrupted: resume it first.');
    throw new HostError(
      'not_found',
      'No team roleplay in progress with that id; it may have ended.',
    );
  }

  private scenario(id: string): CompiledScenario {
    const scenario = this.options.library().get(id);
    if (!scenario)
      throw new HostError(
        'not_found',
        `The scenario "${id}" is not in the scenario folder (was it renamed or removed?).`,
      );
    return scenario;
  }

  /** Runs a core step, turning its refusal into words for the page. */
  private attempt<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof TeamError) throw new HostError('invalid', error.message);
      throw error;
    }
  }
}
