// The drills host: who is practising, their Drills screen (today's set, their
// tracks with progress and certificates, the library), a quick drill answered
// and judged, and meeting drills started from a track's module and judged when
// the meeting is stored. Every attempt is on disk before its result is shown.
import type {
  CallArgs,
  CallName,
  CallResult,
  ExportFile,
  DrillsOverview,
  LearnersView,
  MeetingDrillResult,
  QuickDrillView,
  QuickResultView,
  SessionRecord,
  SessionView,
} from '../contract/api';
import { BundleError } from '../core/drills/bundle';
import { judgeMeetingDrill, judgeQuickDrill } from '../core/drills/judge';
import { exportBundle, importBundle } from '../services/drills/bundle';
import { cardsOf, DEFAULT_DAILY, todaysDrills } from '../core/drills/leitner';
import { dayOf, type Clock, type DrillAttempt, type TrackCompletion } from '../core/drills/types';
import { certificateFor } from '../core/tracks/certificate';
import { trackProgress } from '../core/tracks/progress';
import type { BehaviorClassifier } from '../core/understanding/classifier';
import type { DrillLibrary } from '../services/drills/library';
import { completionOf, LearnerError, sha256, type LearnerStore } from '../services/drills/learners';
import type { LogFile } from '../services/log';
import type { JournalHeader } from '../services/storage/journal';
import { HostError, storageMessage } from './errors';
import type { SessionHost } from './session-host';
import type { MeetingClock } from './speech-host';

export interface DrillsHostOptions {
  readonly learners: LearnerStore;
  readonly library: () => DrillLibrary;
  readonly classifier: BehaviorClassifier;
  readonly sessions: () => SessionHost;
  readonly clock: Clock;
  readonly log: LogFile;
  /** An attempt is on disk (the xAPI host queues its statements). Must not throw. */
  readonly onAttempt?: (attempt: DrillAttempt) => void;
  /** A track was passed and its certificate is on disk. Must not throw. */
  readonly onCompletion?: (completion: TrackCompletion) => void;
}

export class DrillsHost {
  constructor(private readonly options: DrillsHostOptions) {}

  learners(): LearnersView {
    const { learners } = this.options;
    return {
      learners: learners.learners.map((l) => ({ id: l.id, name: l.name })),
      active: learners.active?.id ?? null,
    };
  }

  addLearner({ name }: CallArgs<'learners.add'>): LearnersView {
    const learner = this.attempt('learners.add', () =>
      this.options.learners.add(name, this.options.clock.now()),
    );
    this.attempt('learners.add', () => this.options.learners.choose(learner.id));
    return this.learners();
  }

  chooseLearner({ learnerId }: CallArgs<'learners.choose'>): LearnersView {
    this.attempt('learners.choose', () => this.options.learners.choose(learnerId));
    return this.learners();
  }

  /**
   * A spoken answer to a quick drill is recorded under `drill-ID`: its clock
   * starts when the rep starts to speak (there is no meeting to time it in).
   */
  speechClock(id: string): MeetingClock | undefined {
    const drillId = /^drill-([a-z][a-z0-9-]*)$/.exec(id)?.[1];
    if (!drillId || !this.options.library().bank.quick(drillId)) return undefined;
    const now = this.options.clock.now().getTime();
    return { startedAt: now, buyerAt: now };
  }

  /** Who is practising, for the session host: undefined before anyone is added. */
  activeLearner(): { id: string; first: boolean } | undefined {
    const { active, first } = this.options.learners;
    return active ? { id: active.id, first: active.id === first?.id } : undefined;
  }

  overview(args: CallArgs<'drills.overview'>): DrillsOverview {
    const learner = this.learner();
    // Attempts recorded elsewhere (the command line, an imported bundle) may have passed a track.
    this.awardCertificates(learner.id);
    const library = this.options.library();
    const attempts = this.options.learners.attempts(learner.id);
    const today = dayOf(this.options.clock.now());
    const quickIds = library.bank.quickDrills.map((d) => d.id);
    const cards = cardsOf(attempts);
    // A size asked for is the learner's choice from now on.
    if (args.dailySize !== undefined)
      this.attempt('drills.overview', () =>
        this.options.learners.setDailySize(learner.id, args.dailySize as number),
      );
    const size = args.dailySize ?? this.options.learners.dailySize(learner.id) ?? DEFAULT_DAILY;
    const set = todaysDrills(cards, quickIds, today, size);
    const due = new Set(set.due);
    const certificates = this.options.learners.certificates(learner.id);
    return {
      learner: { id: learner.id, name: learner.name },
      date: today,
      today: set.today.map((id) => ({
        id,
        title: library.bank.quick(id)?.title ?? id,
        due: due.has(id),
      })),
      dailySize: size,
      tracks: library.tracks.map(({ track }) => ({
        ...trackProgress(track, library.bank, attempts),
        certificate: certificates.find((c) => c.track.id === track.id) ?? null,
      })),
      library: [
        ...library.bank.quickDrills.map((d) => ({
          id: d.id,
          kind: 'quick' as const,
          title: d.title,
          target: d.target.say,
          skill: d.skill,
          track: library.trackOf(d.id) ?? null,
        })),
        ...library.bank.meetingDrills.map((d) => ({
          id: d.id,
          kind: 'meeting' as const,
          title: d.title,
          target: `Overall ${d.passMark} or more in ${d.maxAttempts} attempts`,
          track: library.trackOf(d.id) ?? null,
        })),
      ],
      problems: library.problems,
    };
  }

  quick({ drillId }: CallArgs<'drills.quick'>): QuickDrillView {
    const drill = this.options.library().bank.quick(drillId);
    if (!drill) throw new HostError('not_found', `There is no quick drill "${drillId}".`);
    return {
      id: drill.id,
      title: drill.title,
      skill: drill.skill,
      buyer: drill.buyer,
      say: drill.target.say,
    };
  }

  answer(args: CallArgs<'drills.answer'>): QuickResultView {
    const learner = this.learner();
    const drill = this.options.library().bank.quick(args.drillId);
    if (!drill) throw new HostError('not_found', `There is no quick drill "${args.drillId}".`);
    const answer = args.answer.replace(/\s+/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(answer))
      throw new HostError('invalid', 'Type or say an answer first.');
    const startedAt = this.options.clock.now();
    const result = judgeQuickDrill(drill, answer, this.options.classifier);
    const attempt: DrillAttempt = {
      id: `a-${startedAt.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      learnerId: learner.id,
      drillId: drill.id,
      kind: 'quick',
      ...(args.trackId ? { trackId: args.trackId } : {}),
      ...(args.moduleId ? { moduleId: args.moduleId } : {}),
      startedAt: startedAt.toISOString(),
      durationMs: 0,
      passed: result.passed,
      score: result.score,
      objectives: result.objectives,
      answer,
    };
    this.store('drills.answer', attempt);
    const card = cardsOf(this.options.learners.attempts(learner.id)).get(drill.id);
    this.awardCertificates(learner.id);
    return {
      drill: drill.id,
      passed: result.passed,
      score: result.score,
      objectives: result.objectives,
      answer,
      behavior: result.behavior,
      group: result.group,
      models: drill.models,
      ...(drill.tip ? { tip: drill.tip } : {}),
      nextDue: card?.due ?? dayOf(startedAt),
    };
  }

  startMeeting(args: CallArgs<'drills.startMeeting'>): SessionView {
    const learner = this.learner();
    const library = this.options.library();
    const drill = library.bank.meeting(args.drillId);
    const track = library.track(args.trackId);
    const module = track?.modules.find((m) => m.id === args.moduleId);
    if (!drill || !track || !module || !(module.meeting ?? []).includes(drill.id))
      throw new HostError('not_found', 'That meeting drill is not in that track module.');
    const progress = trackProgress(track, library.bank, this.options.learners.attempts(learner.id));
    const place = progress.modules.find((m) => m.id === module.id);
    if (place?.locked)
      throw new HostError('conflict', `${module.title} opens once the module before it is passed.`);
    if ((place?.meeting.find((m) => m.id === drill.id)?.attemptsLeft ?? 0) === 0)
      throw new HostError(
        'conflict',
        `You have used all ${drill.maxAttempts} attempts at ${drill.title}.`,
      );
    return this.options
      .sessions()
      .start(
        { scenarioId: drill.scenario, difficulty: drill.difficulty, mode: 'coach' },
        { drillId: drill.id, trackId: track.id, moduleId: module.id },
      );
  }

  exportResults({ everyone }: CallArgs<'results.export'>): ExportFile {
    const learner = everyone ? undefined : this.learner();
    const bundle = exportBundle(this.options.learners, this.options.clock, learner?.id);
    const who = learner ? learner.name.replace(/[^\w-]+/g, '-').toLowerCase() : 'everyone';
    return {
      fileName: `first-meeting-results-${who}-${dayOf(this.options.clock.now())}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(bundle, null, 1)}\n`,
    };
  }

  importResults({ fileName, text }: CallArgs<'results.import'>): CallResult<'results.import'> {
    try {
      return importBundle(this.options.learners, text, fileName);
    } catch (error) {
      if (error instanceof BundleError) throw new HostError('invalid', error.message);
      this.options.log.write(`results.import: ${String(error)}`);
      throw new HostError('storage', storageMessage('results.import', error));
    }
  }

  /** A meeting drill was ended: judge it from its report, record the attempt, keep the verdict with the session. */
  completeDrill(record: SessionRecord, header: JournalHeader): SessionRecord {
    const spec = header.drill;
    const drill = spec ? this.options.library().bank.meeting(spec.drillId) : undefined;
    if (!spec || !drill) return record;
    const judged = judgeMeetingDrill(drill, record.report);
    const learnerId = header.learnerId ?? this.options.learners.active?.id;
    if (learnerId) {
      this.store('session.end', {
        // The session's id makes the attempt's: a retried ending records it once.
        id: `a-${record.id}`,
        learnerId,
        drillId: drill.id,
        kind: 'meeting',
        ...(spec.trackId ? { trackId: spec.trackId } : {}),
        ...(spec.moduleId ? { moduleId: spec.moduleId } : {}),
        startedAt: record.startedAt,
        durationMs: Math.max(0, Date.parse(record.endedAt) - Date.parse(record.startedAt)),
        passed: judged.passed,
        score: judged.score,
        objectives: judged.objectives,
        answer: '',
        sessionId: record.id,
        valueCreation: record.report.valueCreation,
        pitching: record.report.pitching,
        outcome: record.report.outcome,
      });
      this.awardCertificates(learnerId);
    }
    const verdict: MeetingDrillResult = {
      drillId: drill.id,
      title: drill.title,
      ...(spec.trackId ? { trackId: spec.trackId } : {}),
      ...(spec.moduleId ? { moduleId: spec.moduleId } : {}),
      passed: judged.passed,
      score: judged.score,
      objectives: judged.objectives,
    };
    return { ...record, drill: verdict };
  }

  /** Every track the learner has now passed gets its certificate, once. */
  private awardCertificates(learnerId: string): void {
    const { learners } = this.options;
    const learner = learners.get(learnerId);
    if (!learner) return;
    const library = this.options.library();
    const have = new Set(learners.certificates(learnerId).map((c) => c.track.id));
    for (const { track } of library.tracks) {
      if (have.has(track.id)) continue;
      const progress = trackProgress(track, library.bank, learners.attempts(learnerId));
      const certificate = certificateFor(
        progress,
        learner,
        dayOf(this.options.clock.now()),
        sha256,
      );
      if (!certificate) continue;
      try {
        learners.saveCertificate(learnerId, certificate);
        this.options.onCompletion?.(completionOf(learnerId, certificate));
      } catch (error) {
        // The attempts that earned it are on disk: it is issued again next time.
        this.options.log.write(`certificate for ${track.id}: ${String(error)}`);
      }
    }
  }

  private learner() {
    const learner = this.options.learners.active;
    if (!learner) throw new HostError('conflict', 'Who is practising? Add a learner first.');
    return learner;
  }

  private store(call: CallName, attempt: DrillAttempt): void {
    try {
      this.options.learners.record(attempt);
    } catch (error) {
      this.options.log.write(`${call}: recording attempt ${attempt.id}: ${String(error)}`);
      throw new HostError('storage', storageMessage(call, error));
    }
    this.options.onAttempt?.(attempt);
  }

  private attempt<T>(call: CallName, step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof LearnerError) throw new HostError('invalid', error.message);
      if (error instanceof HostError) throw error;
      this.options.log.write(`${call}: ${String(error)}`);
      throw new HostError('storage', storageMessage(call, error));
    }
  }
}
