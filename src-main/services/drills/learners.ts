// The learners on this machine (learners.json in the data folder) and each
// one's drill attempts (learners/ID/attempts.jsonl, one line per attempt,
// flushed before the result is shown) and certificates. A learner's name is
// 1-60 characters of text, unique ignoring case. Sessions stay in the session
// store, marked with their learner; those from before learners existed belong
// to the first learner.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { attemptSchema } from '../../core/drills/bundle';
import type { Certificate } from '../../core/tracks/certificate';
import type { DrillAttempt, Learner, TrackCompletion } from '../../core/drills/types';
import { readTextFile } from '../files';
import { writeFileAtomic } from '../storage/atomic';
import { nodeDisk, type Disk } from '../storage/disk';
import { describe, JournalError, journalLine, journalLines, LineLog } from '../storage/journal';

export const MAX_LEARNER_NAME = 60;

export class LearnerError extends Error {
  override readonly name = 'LearnerError';
}

const learnerSchema = z.strictObject({
  id: z.string().regex(/^l-[a-z0-9-]{1,60}$/),
  name: z.string().min(1).max(MAX_LEARNER_NAME),
  createdAt: z.string().max(64),
});
const learnersFile = z.strictObject({
  version: z.literal(1),
  learners: z.array(learnerSchema).max(10_000),
  active: z.string().nullable(),
  /** How many drills each learner wants a day, by id (absent: the default). */
  dailySize: z.record(z.string(), z.number().int().min(1).max(100)).optional(),
});

export const completionSchema = z.strictObject({
  id: z.string().min(1).max(120),
  learnerId: z.string().min(1).max(80),
  trackId: z.string().min(1).max(80),
  completedAt: z.string().max(64),
  moduleScores: z.array(z.strictObject({ moduleId: z.string().max(80), score: z.number() })),
  verificationCode: z.string().max(64),
}) satisfies z.ZodType<TrackCompletion, unknown>;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A name as kept, or the problem with it. */
export function learnerNameProblem(raw: string, learners: readonly Learner[]): string | undefined {
  const name = raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length === 0) return 'Type the learner’s name.';
  if (name.length > MAX_LEARNER_NAME)
    return `A name can be at most ${MAX_LEARNER_NAME} characters; this one has ${name.length}.`;
  const same = learners.find((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (same) return `${same.name} is a learner already; choose them from the list.`;
  return undefined;
}

export class LearnerStore {
  private learnerList: Learner[] = [];
  private activeId: string | null = null;
  private dailySizes: Record<string, number> = {};
  private readonly attemptCache = new Map<string, DrillAttempt[]>();
  private readonly logs = new Map<string, LineLog>();
  /** What could not be read, each with its file's path. */
  readonly problems: string[] = [];

  constructor(
    readonly dataDir: string,
    private readonly disk: Disk = nodeDisk,
    /** Moves an unreadable file aside with a message (the session store's). */
    private readonly setAside: (path: string, message: string) => void = () => undefined,
  ) {
    this.load();
  }

  get learners(): readonly Learner[] {
    return this.learnerList;
  }

  /** The learner practising now: the one chosen last, else the first. */
  get active(): Learner | undefined {
    return this.learnerList.find((l) => l.id === this.activeId) ?? this.learnerList[0];
  }

  /** The learner who owns sessions stored before learners existed. */
  get first(): Learner | undefined {
    return this.learnerList[0];
  }

  byName(name: string): Learner | undefined {
    const key = name.trim().toLocaleLowerCase();
    return this.learnerList.find((l) => l.name.toLocaleLowerCase() === key);
  }

  get(id: string): Learner | undefined {
    return this.learnerList.find((l) => l.id === id);
  }

  add(rawName: string, now: Date): Learner {
    const problem = learnerNameProblem(rawName, this.learnerList);
    if (problem) throw new LearnerError(problem);
    const name = rawName
      .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const learner: Learner = { id: `l-${randomUUID()}`, name, createdAt: now.toISOString() };
    this.write([...this.learnerList, learner], this.activeId ?? learner.id);
    return learner;
  }

  /** Adds learners made on another machine (a results bundle), with their ids. */
  addExisting(learners: readonly Learner[]): void {
    this.write([...this.learnerList, ...learners], this.activeId ?? learners[0]?.id ?? null);
  }

  choose(id: string): Learner {
    const learner = this.get(id);
    if (!learner) throw new LearnerError('That learner is not on this machine.');
    this.write(this.learnerList, id);
    return learner;
  }

  /** Every attempt of a learner, oldest first. */
  attempts(learnerId: string): readonly DrillAttempt[] {
    const cached = this.attemptCache.get(learnerId);
    if (cached) return cached;
    const path = this.attemptsPath(learnerId);
    const attempts: DrillAttempt[] = [];
    if (existsSync(path)) {
      try {
        const { lines } = journalLines(readTextFile(path, 256 * 1024 * 1024), path);
        for (const { value, where } of lines)
          attempts.push(journalLine(attemptSchema, value, where));
      } catch (error) {
        if (!(error instanceof JournalError)) throw error;
        // A torn or damaged file: keep it aside and say so; never drop it silently.
        this.problems.push(error.message);
        this.setAside(path, error.message);
      }
    }
    this.attemptCache.set(learnerId, attempts);
    return attempts;
  }

  /** Records an attempt; it is on disk when this returns, or throws and nothing changed. */
  record(attempt: DrillAttempt): void {
    const checked = attemptSchema.parse(attempt);
    const attempts = [...this.attempts(attempt.learnerId)];
    if (attempts.some((a) => a.id === attempt.id)) return;
    this.logFor(attempt.learnerId).append(checked);
    attempts.push(checked);
    this.attemptCache.set(attempt.learnerId, attempts);
  }

  completions(learnerId: string): TrackCompletion[] {
    return this.certificates(learnerId).map((c) => completionOf(learnerId, c));
  }

  certificates(learnerId: string): Certificate[] {
    const dir = join(this.learnerDir(learnerId), 'certificates');
    if (!existsSync(dir)) return [];
    const out: Certificate[] = [];
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      try {
        out.push(JSON.parse(readTextFile(join(dir, name), 1024 * 1024)) as Certificate);
      } catch (error) {
        this.problems.push(`${join(dir, name)}: ${String(error)}`);
      }
    }
    return out;
  }

  saveCertificate(learnerId: string, certificate: Certificate): void {
    const dir = join(this.learnerDir(learnerId), 'certificates');
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(
      join(dir, `${certificate.track.id}.json`),
      JSON.stringify(certificate, null, 1),
      this.disk,
    );
  }

  close(): void {
    for (const log of this.logs.values()) log.close();
    this.logs.clear();
  }

  private learnerDir(learnerId: string): string {
    if (!/^l-[a-z0-9-]{1,60}$/.test(learnerId)) throw new LearnerError('That is not a learner id.');
    return join(this.dataDir, 'learners', learnerId);
  }

  private attemptsPath(learnerId: string): string {
    return join(this.learnerDir(learnerId), 'attempts.jsonl');
  }

  private logFor(learnerId: string): LineLog {
    const open = this.logs.get(learnerId);
    if (open) return open;
    const path = this.attemptsPath(learnerId);
    mkdirSync(join(this.learnerDir(learnerId)), { recursive: true });
    const existing = this.attempts(learnerId);
    const log = LineLog.rewrite(path, existing, this.disk);
    this.logs.set(learnerId, log);
    return log;
  }

  private load(): void {
    const path = join(this.dataDir, 'learners.json');
    if (!existsSync(path)) return;
    try {
      const parsed = learnersFile.safeParse(JSON.parse(readTextFile(path, 16 * 1024 * 1024)));
      if (!parsed.success) {
        const message = `learners.json: ${describe(parsed.error)}`;
        this.problems.push(`${path}: ${describe(parsed.error)}`);
        this.setAside(path, message);
        return;
      }
      this.learnerList = parsed.data.learners;
      this.activeId = parsed.data.active;
      this.dailySizes = parsed.data.dailySize ?? {};
    } catch (error) {
      const message = `learners.json: not valid JSON (${String(error)})`;
      this.problems.push(`${path}: not valid JSON (${String(error)})`);
      this.setAside(path, message);
    }
  }

  /** How many drills a day the learner chose, if they did. */
  dailySize(learnerId: string): number | undefined {
    return this.dailySizes[learnerId];
  }

  setDailySize(learnerId: string, size: number): void {
    if (this.dailySizes[learnerId] === size) return;
    this.write(this.learnerList, this.activeId, { ...this.dailySizes, [learnerId]: size });
  }

  private write(
    learners: Learner[],
    active: string | null,
    dailySize: Record<string, number> = this.dailySizes,
  ): void {
    writeFileAtomic(
      join(this.dataDir, 'learners.json'),
      JSON.stringify({ version: 1, learners, active, dailySize }, null, 1),
      this.disk,
    );
    this.learnerList = learners;
    this.activeId = active;
    this.dailySizes = dailySize;
  }
}

/** A certificate as a completion record (what bundles and statements carry). */
export function completionOf(learnerId: string, c: Certificate): TrackCompletion {
  return {
    id: `c-${learnerId}-${c.track.id}`,
    learnerId,
    trackId: c.track.id,
    completedAt: `${c.date}T00:00:00.000Z`,
    moduleScores: c.modules.map((m) => ({ moduleId: m.id, score: m.score })),
    verificationCode: c.verificationCode,
  };
}
