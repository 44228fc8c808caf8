// Where team roleplays live, beside the sessions in the data folder:
//
//   teams/ID.json           one finished team roleplay each (written atomically)
//   teams/journal/ID.jsonl  team roleplays in progress: a start line, one line per action
//   teams/rosters.json      the teams used before, to pick again
//
// The journal has every action acknowledged to the page (each line flushed
// before the answer returns); a line cut short by a crash was never
// acknowledged and is dropped. Unreadable files are set aside through the
// session store, with a message naming the file and line, and never stop the app.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { teamBoard } from '../../core/team/board';
import { MAX_REPS, MAX_REP_NAME } from '../../core/team/roster';
import type { TeamAction } from '../../core/team/types';
import { readTextFile } from '../files';
import { isLeftoverTemp, writeFileAtomic } from './atomic';
import { describe, JournalError, journalLine, journalLines, LineLog } from './journal';
import { ConflictError, NotFoundError, type SessionStore } from './session-store';
import {
  teamJournalAction,
  teamJournalEnd,
  teamJournalHeader,
  teamRecordSchema,
  type TeamJournalHeader,
  type TeamRecord,
} from './team-record';

const TEAM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_TEAM_BYTES = 64 * 1024 * 1024;
const MAX_ROSTERS = 20;

export interface TeamJournalContents {
  readonly header: TeamJournalHeader;
  readonly actions: readonly TeamAction[];
  readonly tornTail: boolean;
  /** End roleplay was pressed: the roleplay is over even if it was not stored yet. */
  readonly ended: boolean;
}

/** A stored team roleplay as History and progress need it. */
export interface TeamSummary {
  readonly id: string;
  readonly startedAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly difficulty: TeamRecord['state']['setup']['difficulty'];
  readonly mode: TeamRecord['state']['setup']['mode'];
  readonly rotation: TeamRecord['state']['setup']['rotation'];
  readonly reps: readonly {
    readonly name: string;
    readonly turns: number;
    readonly valueCreation: number;
    readonly pitching: number;
    readonly overall: number;
  }[];
  readonly turns: number;
  readonly outcome: TeamRecord['state']['meetings'][number]['outcome'];
}

const rostersSchema = z.strictObject({
  version: z.literal(1),
  rosters: z
    .array(
      z.strictObject({
        reps: z.array(z.string().min(1).max(MAX_REP_NAME)).min(2).max(MAX_REPS),
        usedAt: z.string().max(64),
      }),
    )
    .max(MAX_ROSTERS * 2),
});
export type SavedRoster = z.infer<typeof rostersSchema>['rosters'][number];

/** Reads a team journal's text; throws a JournalError naming the file and line for anything but a torn last line. */
export function readTeamJournal(text: string, file: string): TeamJournalContents {
  const { lines, tornTail } = journalLines(text, file);
  let header: TeamJournalHeader | undefined;
  let ended = false;
  const actions: TeamAction[] = [];
  for (const { value, where, index } of lines) {
    if (index === 0) {
      header = journalLine(teamJournalHeader, value, where);
      continue;
    }
    if (ended) throw new JournalError(`${where}: a line after the roleplay ended`);
    if (teamJournalEnd.safeParse(value).success) {
      ended = true;
      continue;
    }
    const line = journalLine(teamJournalAction, value, where);
    if (line.n !== actions.length + 1)
      throw new JournalError(
        `${where}: action ${line.n} where action ${actions.length + 1} was expected`,
      );
    actions.push(line.action as TeamAction);
  }
  if (!header) throw new JournalError(`${file}:1: no start line`);
  return { header, actions, tornTail, ended };
}

/** Appends to one team roleplay's journal; each append is on disk when it returns, or throws and changes nothing. */
export class TeamJournal {
  private count: number;

  constructor(
    private readonly log: LineLog,
    actions: number,
  ) {
    this.count = actions;
  }

  append(action: TeamAction): void {
    this.log.append(teamJournalAction.parse({ type: 'action', n: this.count + 1, action }));
    this.count++;
  }

  end(): void {
    this.log.append({ type: 'end' });
  }

  close(): void {
    this.log.close();
  }
}

export class TeamStore {
  private summaries: Map<string, TeamSummary> | undefined;
  private readonly dir: string;

  constructor(private readonly store: SessionStore) {
    this.dir = join(store.dataDir, 'teams');
  }

  private ensureFolders(): void {
    mkdirSync(join(this.dir, 'journal'), { recursive: true });
  }

  /** Starts the journal of a new team roleplay; never over another. */
  createJournal(header: TeamJournalHeader): TeamJournal {
    this.ensureFolders();
    const log = LineLog.create(
      this.journalPath(header.id),
      teamJournalHeader.parse(header),
      this.store.disk,
    );
    return new TeamJournal(log, 0);
  }

  /** Replaces a journal with the actions that still apply, atomically, and goes on from there. */
  rewriteJournal(
    header: TeamJournalHeader,
    actions: readonly TeamAction[],
    ended = false,
  ): TeamJournal {
    const lines: unknown[] = [
      teamJournalHeader.parse(header),
      ...actions.map((action, i) => teamJournalAction.parse({ type: 'action', n: i + 1, action })),
      ...(ended ? [{ type: 'end' }] : []),
    ];
    return new TeamJournal(
      LineLog.rewrite(this.journalPath(header.id), lines, this.store.disk),
      actions.length,
    );
  }

  /** Team roleplays left in progress, oldest first; a journal that cannot be read is set aside. */
  interrupted(include: (id: string) => boolean = () => true): TeamJournalContents[] {
    const dir = join(this.dir, 'journal');
    if (!existsSync(dir)) return [];
    const found: TeamJournalContents[] = [];
    for (const name of readdirSync(dir).sort()) {
      if (isLeftoverTemp(name) || !name.endsWith('.jsonl')) continue;
      const id = name.slice(0, -'.jsonl'.length);
      if (!TEAM_ID.test(id) || !include(id)) continue;
      if (this.has(id)) {
        // Stored already: the ending stopped before the journal went.
        this.finishJournal(id);
        continue;
      }
      const contents = this.readJournal(id);
      if (contents) found.push(contents);
    }
    return found;
  }

  hasJournal(id: string): boolean {
    return TEAM_ID.test(id) && existsSync(this.journalPath(id));
  }

  readJournal(id: string): TeamJournalContents | undefined {
    const path = this.journalPath(id);
    try {
      return readTeamJournal(readTextFile(path, MAX_TEAM_BYTES), this.store.nameOf(path));
    } catch (error) {
      this.store.setAside(path, this.store.wordsOf(error));
      return undefined;
    }
  }

  /** The roleplay is stored or thrown away: its journal goes. A failure is reported, not thrown (nothing is lost). */
  finishJournal(id: string): string | undefined {
    try {
      this.store.disk.rmSync(this.journalPath(id), { force: true });
      return undefined;
    } catch (error) {
      return this.store.wordsOf(error);
    }
  }

  has(id: string): boolean {
    return this.index().has(id);
  }

  /** Stores a finished team roleplay; a stored one is never overwritten. */
  save(record: TeamRecord): void {
    const checked = teamRecordSchema.parse(record);
    const path = this.recordPath(record.id);
    if (this.index().has(record.id) || existsSync(path))
      throw new ConflictError(`The team roleplay "${record.id}" is stored already.`);
    this.ensureFolders();
    writeFileAtomic(path, JSON.stringify(checked), this.store.disk);
    this.index().set(record.id, summaryOf(record));
  }

  get(id: string): TeamRecord {
    if (!this.index().has(id)) throw new NotFoundError(`No team roleplay "${id}"`);
    const record = this.read(this.recordPath(id));
    if (!record) {
      this.index().delete(id);
      throw new NotFoundError(
        'That team roleplay could not be read: its file is damaged, so it was set aside (Settings lists what was set aside).',
      );
    }
    return record;
  }

  /** Every stored team roleplay, newest first. */
  list(): TeamSummary[] {
    return [...this.index().values()].sort((a, b) =>
      a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1,
    );
  }

  /** Moves a stored roleplay to the trash; `undoDelete` brings it back until the app restarts. */
  delete(id: string): void {
    if (!this.index().has(id)) throw new NotFoundError(`No team roleplay "${id}"`);
    this.store.disk.renameSync(this.recordPath(id), this.trashPath(id));
    this.index().delete(id);
  }

  undoDelete(id: string): boolean {
    const trashed = this.trashPath(id);
    if (!existsSync(trashed)) return false;
    const record = this.read(trashed);
    if (!record)
      throw new NotFoundError('That team roleplay could not be restored: its file is damaged.');
    this.store.disk.renameSync(trashed, this.recordPath(id));
    this.index().set(id, summaryOf(record));
    return true;
  }

  private trashPath(id: string): string {
    return join(this.store.dataDir, 'trash', `${checkId(id)}.team.json`);
  }

  /** The teams used before, most recent first. */
  rosters(): SavedRoster[] {
    const path = join(this.dir, 'rosters.json');
    if (!existsSync(path)) return [];
    try {
      const parsed = rostersSchema.safeParse(JSON.parse(readTextFile(path, 1024 * 1024)));
      if (parsed.success) return parsed.data.rosters.slice(0, MAX_ROSTERS);
      this.store.setAside(path, `teams/rosters.json: ${describe(parsed.error)}`);
    } catch (error) {
      this.store.setAside(path, `teams/rosters.json: ${this.store.wordsOf(error)}`);
    }
    return [];
  }

  /** Remembers a roster (the same names again move it to the top). */
  rememberRoster(reps: readonly string[], at: Date): void {
    const key = (r: readonly string[]) => r.map((n) => n.toLocaleLowerCase()).join('\n');
    const others = this.rosters().filter((r) => key(r.reps) !== key(reps));
    const rosters = [{ reps: [...reps], usedAt: at.toISOString() }, ...others].slice(
      0,
      MAX_ROSTERS,
    );
    this.ensureFolders();
    writeFileAtomic(
      join(this.dir, 'rosters.json'),
      JSON.stringify({ version: 1, rosters }, null, 1),
      this.store.disk,
    );
  }

  private index(): Map<string, TeamSummary> {
    if (this.summaries) return this.summaries;
    const summaries = new Map<string, TeamSummary>();
    if (existsSync(this.dir)) {
      for (const name of readdirSync(this.dir)) {
        if (!name.endsWith('.json') || name === 'rosters.json' || isLeftoverTemp(name)) continue;
        const id = name.slice(0, -'.json'.length);
        const path = join(this.dir, name);
        if (!TEAM_ID.test(id)) {
          this.store.setAside(path, `teams/${name}: not a team roleplay file name`);
          continue;
        }
        const record = this.read(path);
        if (record) summaries.set(id, summaryOf(record));
      }
    }
    this.summaries = summaries;
    return summaries;
  }

  private read(path: string): TeamRecord | undefined {
    const name = this.store.nameOf(path);
    let value: unknown;
    try {
      value = JSON.parse(readTextFile(path, MAX_TEAM_BYTES));
    } catch (error) {
      this.store.setAside(
        path,
        error instanceof SyntaxError ? `${name}: not valid JSON` : this.store.wordsOf(error),
      );
      return undefined;
    }
    const parsed = teamRecordSchema.safeParse(value);
    if (!parsed.success) {
      this.store.setAside(path, `${name}: ${describe(parsed.error)}`);
      return undefined;
    }
    if (parsed.data.id !== basename(path).replace(/(\.team)?\.json$/, '')) {
      this.store.setAside(path, `${name}: field "id" is "${parsed.data.id}", not the file's name`);
      return undefined;
    }
    return parsed.data as unknown as TeamRecord;
  }

  private journalPath(id: string): string {
    return join(this.dir, 'journal', `${checkId(id)}.jsonl`);
  }

  private recordPath(id: string): string {
    return join(this.dir, `${checkId(id)}.json`);
  }
}

function checkId(id: string): string {
  if (!TEAM_ID.test(id)) throw new NotFoundError(`"${id}" is not a team roleplay id`);
  return id;
}

export function summaryOf(record: TeamRecord): TeamSummary {
  const board = teamBoard(record.state);
  const { setup } = record.state;
  const outcome =
    setup.rotation === 'relay'
      ? (record.state.meetings[0]?.outcome ?? 'open')
      : (board.reps.find((r) => r.rank === 1)?.outcome ?? 'open');
  return {
    id: record.id,
    startedAt: record.startedAt,
    scenarioId: record.scenario.id,
    scenarioTitle: record.scenario.title,
    difficulty: setup.difficulty,
    mode: setup.mode,
    rotation: setup.rotation,
    reps: board.reps.map((r) => ({
      name: r.name,
      turns: r.turns,
      valueCreation: r.valueCreation,
      pitching: r.pitching,
      overall: r.overall,
    })),
    turns: record.state.turns.length,
    outcome,
  };
}
