// Score a call: the orchestration of a real call's transcript. The page sends
// the file's text in pieces (call.begin, call.text), asks for a preview (the
// format, the speakers, the likely rep), then scores it with the rep the user
// confirmed (call.score) and stores it in History as a real call. The text
// lives in memory only; a copy is written to the data folder only when the user
// asks to keep it.
import type { CallInfo, CallPreview, RecordTurn, SessionRecord } from '../contract/api';
import { GROUP_OF } from '../core/behaviors/taxonomy';
import { scoreCall, type CallReport } from '../core/scoring/transcript';
import {
  MAX_TRANSCRIPT_BYTES,
  previewTranscript,
  readTranscript,
  TranscriptError,
  type Transcript,
} from '../core/transcripts';
import type { BehaviorClassifier } from '../core/understanding/classifier';
import { keepCallFile } from '../services/storage/call-files';
import type { Disk } from '../services/storage/disk';
import { newSessionId } from '../services/storage/session-record';
import type { SessionStore } from '../services/storage/session-store';
import { HostError } from './errors';

/** The id History and progress group real calls under. */
export const REAL_CALL_SCENARIO = 'real-call';
/** Uploads kept at once; starting another drops the oldest. */
const MAX_UPLOADS = 3;

export interface CallHostOptions {
  readonly store: SessionStore;
  readonly classifier: BehaviorClassifier;
  readonly disk?: Disk;
  readonly now?: () => Date;
}

interface Upload {
  readonly fileName: string;
  readonly pieces: string[];
  chars: number;
  transcript?: Transcript;
}

export class CallHost {
  private readonly uploads = new Map<string, Upload>();
  private counter = 0;
  private readonly now: () => Date;

  constructor(private readonly options: CallHostOptions) {
    this.now = options.now ?? (() => new Date());
  }

  begin({ fileName, bytes }: { fileName: string; bytes: number }): { uploadId: string } {
    const name = baseName(fileName);
    if (bytes > MAX_TRANSCRIPT_BYTES) {
      throw new HostError(
        'invalid',
        `${name} is ${megabytes(bytes)} MB; a transcript can be at most ${megabytes(MAX_TRANSCRIPT_BYTES)} MB.`,
      );
    }
    while (this.uploads.size >= MAX_UPLOADS) {
      const oldest = this.uploads.keys().next().value as string;
      this.uploads.delete(oldest);
    }
    const uploadId = `c${this.now().getTime().toString(36)}-${(this.counter++).toString(36)}`;
    this.uploads.set(uploadId, { fileName: name, pieces: [], chars: 0 });
    return { uploadId };
  }

  text({ uploadId, seq, text }: { uploadId: string; seq: number; text: string }): null {
    const upload = this.upload(uploadId);
    if (seq !== upload.pieces.length) {
      this.uploads.delete(uploadId);
      throw new HostError(
        'invalid',
        `A piece of ${upload.fileName} arrived out of order; choose the file again.`,
      );
    }
    upload.chars += text.length;
    if (upload.chars > MAX_TRANSCRIPT_BYTES) {
      this.uploads.delete(uploadId);
      throw new HostError(
        'invalid',
        `${upload.fileName} is larger than ${megabytes(MAX_TRANSCRIPT_BYTES)} MB, the most a transcript can be.`,
      );
    }
    upload.pieces.push(text);
    upload.transcript = undefined;
    return null;
  }

  preview({ uploadId }: { uploadId: string }): CallPreview {
    const upload = this.upload(uploadId);
    const preview = previewTranscript(this.transcriptOf(upload));
    return {
      uploadId,
      fileName: preview.fileName,
      format: preview.format,
      timed: preview.timed,
      turns: preview.turns,
      speakers: preview.speakers.map((s) => ({
        name: s.name,
        turns: s.turns,
        words: s.words,
        ...(s.seconds !== undefined ? { seconds: s.seconds } : {}),
        questions: s.questions,
        share: s.share,
      })),
      suggestion: preview.suggestion,
      notes: preview.notes,
    };
  }

  score({
    uploadId,
    rep,
    keepFile,
  }: {
    uploadId: string;
    rep: string;
    keepFile: boolean;
  }): SessionRecord {
    const upload = this.upload(uploadId);
    const transcript = this.transcriptOf(upload);
    let report: CallReport;
    try {
      report = scoreCall(transcript, rep, this.options.classifier);
    } catch (error) {
      if (error instanceof TranscriptError) throw new HostError('invalid', inWords('score', error));
      throw error;
    }
    const now = this.now();
    const id = newSessionId(now);
    const keptAs = keepFile ? this.keep(id, upload) : undefined;
    const record = callRecord(id, now, report, keptAs);
    this.options.store.save(record);
    this.uploads.delete(uploadId);
    return record;
  }

  cancel({ uploadId }: { uploadId: string }): null {
    this.uploads.delete(uploadId);
    return null;
  }

  private upload(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) {
      throw new HostError(
        'not_found',
        'That file is no longer open here (another was chosen, or the app restarted); choose it again.',
      );
    }
    return upload;
  }

  private transcriptOf(upload: Upload): Transcript {
    if (upload.transcript) return upload.transcript;
    try {
      upload.transcript = readTranscript(upload.pieces.join(''), upload.fileName);
    } catch (error) {
      if (error instanceof TranscriptError) throw new HostError('invalid', inWords('read', error));
      throw error;
    }
    return upload.transcript;
  }

  private keep(id: string, upload: Upload): string {
    return keepCallFile(
      this.options.store.dataDir,
      id,
      upload.fileName,
      upload.pieces.join(''),
      this.options.disk,
    );
  }
}

/** A real call as a History record: the rep's turns, each with what the buyer side said next. */
export function callRecord(
  id: string,
  now: Date,
  report: CallReport,
  keptAs: string | undefined,
): SessionRecord {
  const { call } = report;
  const turns: RecordTurn[] = [];
  let opening: string[] = [];
  for (const t of call.turns) {
    if (t.role === 'rep') {
      const moment = report.moments[turns.length];
      const behavior = moment?.behavior ?? 'rapport';
      turns.push({
        n: turns.length + 1,
        rep: t.text,
        repName: t.speaker,
        source: 'spoken',
        at: t.startMs ?? 0,
        buyer: '',
        behavior,
        group: GROUP_OF[behavior],
        meters: {},
      });
    } else {
      const said = call.buyers.length > 1 ? `${t.speaker}: ${t.text}` : t.text;
      const last = turns[turns.length - 1];
      if (!last) opening = [...opening, said];
      else
        turns[turns.length - 1] = { ...last, buyer: last.buyer ? `${last.buyer}\n${said}` : said };
    }
  }
  const info: CallInfo = {
    fileName: call.fileName,
    format: call.format,
    rep: call.rep,
    buyers: call.buyers,
    timings: report.metrics.timings,
    timingSource: report.metrics.timingSource,
    speakers: call.speakers.map((s) => ({
      name: s.name,
      role: s.role,
      turns: s.turns,
      words: s.words,
      ...(s.seconds !== undefined ? { seconds: s.seconds } : {}),
    })),
    ...(keptAs !== undefined ? { keptAs } : {}),
  };
  const stamp = now.toISOString();
  return {
    version: 1,
    id,
    scenario: {
      id: REAL_CALL_SCENARIO,
      // Every real call is one "scenario" in History's progress chart.
      title: 'Real calls',
      persona: { name: call.buyers.join(', ').slice(0, 500), role: 'Buyer side', company: '' },
    },
    difficulty: 'normal',
    mode: 'coach',
    reps: [call.rep],
    seed: 0,
    startedAt: stamp,
    endedAt: stamp,
    endedBy: 'rep',
    opening: opening.join('\n'),
    meterInfo: [],
    openingMeters: {},
    turns,
    outcome: report.outcome,
    report,
    call: info,
  };
}

/** "Could not read call.vtt (line 12): ...": a sentence the screen can show as it is. */
function inWords(verb: 'read' | 'score', error: TranscriptError): string {
  const where = error.line === null ? '' : ` (line ${error.line})`;
  return `Could not ${verb} ${error.fileName}${where}: ${error.reason}`;
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return (parts[parts.length - 1] ?? fileName).trim() || 'transcript';
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}
