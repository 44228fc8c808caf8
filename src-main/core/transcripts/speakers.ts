// From cues to turns and speakers: a speaker's consecutive cues are one turn;
// each speaker is listed with how much they said; the likely rep is suggested
// with the reasons, for the user to confirm; the rep the user names is found.
import { tokenize, wordCount } from '../text/normalize';
import { REP_NAME } from './rep-buyer';
import {
  TranscriptError,
  type Cue,
  type Transcript,
  type TranscriptSpeaker,
  type TranscriptTurn,
} from './types';

export const UNKNOWN_SPEAKER = 'Unknown speaker';

/**
 * A merged turn longer than this starts a new turn of the same speaker (noted):
 * a webinar-length monologue stays readable, and a stored report stays under
 * the session store's 50,000-character limit per text.
 */
export const MAX_TURN_CHARACTERS = 40_000;

/**
 * Merges consecutive cues of one speaker into one turn. A cue that names
 * nobody continues the speaker before it (noted); cues before anyone is named
 * go to "Unknown speaker". Throws when no cue names anyone.
 */
export function mergeTurns(
  cues: readonly Cue[],
  fileName: string,
  notes: string[],
): TranscriptTurn[] {
  if (!cues.some((c) => c.speaker !== null))
    throw new TranscriptError(
      'no_speakers',
      fileName,
      cues[0]?.line ?? null,
      'no cue says who is speaking, so the rep and the buyer can\'t be told apart. Export the transcript with speaker names (Zoom and Teams include them when transcription names participants; in SRT, start each cue with "Name: "), or add them as "Name: words".',
    );
  const turns: {
    speaker: string;
    parts: string[];
    chars: number;
    startMs?: number;
    endMs?: number;
    spokenMs?: number;
    line: number;
  }[] = [];
  const unnamed: number[] = [];
  const split: number[] = [];
  for (const cue of cues) {
    const last = turns[turns.length - 1];
    let speaker = cue.speaker;
    if (speaker === null) {
      unnamed.push(cue.line);
      speaker = last?.speaker ?? UNKNOWN_SPEAKER;
    }
    const ms =
      cue.startMs !== undefined && cue.endMs !== undefined
        ? Math.max(0, cue.endMs - cue.startMs)
        : undefined;
    const full =
      last !== undefined &&
      last.speaker === speaker &&
      last.chars + 1 + cue.text.length > MAX_TURN_CHARACTERS;
    if (full) split.push(cue.line);
    if (last && last.speaker === speaker && !full) {
      last.parts.push(cue.text);
      last.chars += 1 + cue.text.length;
      if (cue.endMs !== undefined) last.endMs = Math.max(last.endMs ?? cue.endMs, cue.endMs);
      if (ms !== undefined) last.spokenMs = (last.spokenMs ?? 0) + ms;
    } else {
      turns.push({
        speaker,
        parts: [cue.text],
        chars: cue.text.length,
        line: cue.line,
        ...(cue.startMs !== undefined ? { startMs: cue.startMs } : {}),
        ...(cue.endMs !== undefined ? { endMs: cue.endMs } : {}),
        ...(ms !== undefined ? { spokenMs: ms } : {}),
      });
    }
  }
  if (unnamed.length > 0)
    notes.push(
      `${unnamed.length === 1 ? `The cue at line ${unnamed[0]} names` : `${unnamed.length} cues (from line ${unnamed[0]}) name`} no speaker; ${unnamed.length === 1 ? 'it was' : 'they were'} taken as the speaker before ${unnamed.length === 1 ? 'it' : 'them'} still talking.`,
    );
  if (split.length > 0)
    notes.push(
      `A turn ran over ${MAX_TURN_CHARACTERS.toLocaleString('en-US')} characters, so it was split where a cue starts (line ${split.join(', line ')}).`,
    );
  return turns.map(({ parts, chars: _chars, ...turn }) => ({ ...turn, text: parts.join(' ') }));
}

/** Each speaker in order of first appearance, with words, turns, seconds and questions. */
export function speakersOf(turns: readonly TranscriptTurn[], timed: boolean): TranscriptSpeaker[] {
  const by = new Map<string, { words: number; turns: number; ms: number; questions: number }>();
  for (const turn of turns) {
    const s = by.get(turn.speaker) ?? { words: 0, turns: 0, ms: 0, questions: 0 };
    s.words += wordCount(turn.text);
    s.turns++;
    s.ms += turn.spokenMs ?? 0;
    s.questions += questionsIn(turn.text);
    by.set(turn.speaker, s);
  }
  return [...by.entries()].map(([name, s]) => ({
    name,
    words: s.words,
    turns: s.turns,
    questions: s.questions,
    ...(timed ? { seconds: Math.round(s.ms / 100) / 10 } : {}),
  }));
}

/** Questions asked in a turn: sentences ending in a question mark. */
export function questionsIn(text: string): number {
  return text.match(/[\p{L}\p{N}'")\]]\s*\?+/gu)?.length ?? 0;
}

/** Throws the one-speaker error when only one person speaks. */
export function requireTwoSpeakers(transcript: Transcript): void {
  if (transcript.speakers.length >= 2) return;
  const only = transcript.speakers[0]?.name ?? 'nobody';
  throw new TranscriptError(
    'one_speaker',
    transcript.fileName,
    transcript.turns[0]?.line ?? null,
    `only one speaker (${only}) was found; a meeting needs the rep and at least one buyer. If two people share that name in the file, rename one of them.`,
  );
}

export interface RepSuggestion {
  readonly name: string;
  /** Why this speaker, in words, for the preview. */
  readonly reasons: readonly string[];
  /** False when another speaker is close: the user should look before confirming. */
  readonly confident: boolean;
}

/** Words a seller uses about their own offer. */
const SELLER =
  /\b(our|my) (product|platform|solution|tool|software|offering|customers|clients|pricing|demo|team can)\b|\bwe help\b|\bwe (offer|provide|built|work with)\b|\b(demo|trial|proposal|next steps?)\b/gi;

/**
 * The speaker most likely to be the rep: who asks the most questions, says
 * "you"/"your" most (a rep talks about the buyer's world) and talks about
 * "our product", demos and next steps. REP: lines name the rep outright.
 */
export function suggestRep(transcript: Transcript): RepSuggestion {
  if (transcript.format === 'rep-buyer')
    return {
      name: REP_NAME,
      reasons: ['the file marks the rep\'s lines with "REP:"'],
      confident: true,
    };
  const stats = transcript.speakers.map((s) => {
    const text = transcript.turns
      .filter((t) => t.speaker === s.name)
      .map((t) => t.text)
      .join(' ');
    const tokens = tokenize(text);
    const you = tokens.filter(
      (t) => t === 'you' || t === 'your' || t === "you're" || t === 'yours',
    ).length;
    const seller = text.match(SELLER)?.length ?? 0;
    return { s, you, seller, youRate: you / Math.max(s.words, 1) };
  });
  const total = (f: (x: (typeof stats)[number]) => number) =>
    Math.max(
      stats.reduce((sum, x) => sum + f(x), 0),
      1e-9,
    );
  const qTotal = total((x) => x.s.questions);
  const youTotal = total((x) => x.youRate);
  const sellerTotal = total((x) => x.seller);
  const scored = stats
    .map((x) => ({
      ...x,
      score: (2 * x.s.questions) / qTotal + x.youRate / youTotal + x.seller / sellerTotal,
    }))
    .sort((a, b) => b.score - a.score || b.s.questions - a.s.questions);
  const best = scored[0];
  if (!best) return { name: '', reasons: [], confident: false };
  const second = scored[1];
  const reasons: string[] = [];
  const most = (key: 'questions' | 'you' | 'seller') =>
    scored.every((x) =>
      key === 'questions'
        ? x.s.questions <= best.s.questions
        : key === 'you'
          ? x.youRate <= best.youRate
          : x.seller <= best.seller,
    );
  if (best.s.questions > 0)
    reasons.push(
      `asked ${best.s.questions} question${best.s.questions === 1 ? '' : 's'}${most('questions') ? ', the most of anyone' : ''}`,
    );
  if (best.you > 0)
    reasons.push(
      `said "you" or "your" ${best.you} time${best.you === 1 ? '' : 's'} (${Math.round(best.youRate * 1000)} per 1,000 words${most('you') ? ', the most of anyone' : ''})`,
    );
  if (best.seller > 0)
    reasons.push(
      `talked about their own offer, a demo or next steps ${best.seller} time${best.seller === 1 ? '' : 's'}`,
    );
  if (reasons.length === 0) reasons.push('nobody stood out: this is only a guess');
  return {
    name: best.s.name,
    reasons,
    confident: best.score > 0 && (second === undefined || best.score >= 1.5 * second.score),
  };
}

/**
 * The speaker the user named as the rep: the exact name (any case), or the one
 * speaker whose name starts with it ("Jane" for "Jane Doe"). Throws with the
 * speakers' names otherwise.
 */
export function findSpeaker(transcript: Transcript, name: string): string {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const names = transcript.speakers.map((s) => s.name);
  const exact = names.find((n) => n.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const partial =
    wanted === ''
      ? []
      : names.filter(
          (n) =>
            n.toLowerCase().split(/\s+/).includes(wanted) ||
            n.toLowerCase().startsWith(`${wanted} `),
        );
  if (partial.length === 1) return partial[0] as string;
  const list = names.map((n) => `"${n}"`).join(', ');
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  throw new TranscriptError(
    'unknown_rep',
    transcript.fileName,
    null,
    partial.length > 1
      ? `"${shown}" could be ${partial.map((n) => `"${n}"`).join(' or ')}; give the full name. The speakers are: ${list}.`
      : `no speaker called "${shown}" in this transcript. The speakers are: ${list}.`,
  );
}

/** What the app and the command line show before scoring: who spoke, how much, and the likely rep. */
export interface TranscriptPreview {
  readonly fileName: string;
  readonly format: Transcript['format'];
  readonly timed: boolean;
  /** Each speaker's share of the talk: of speaking time when timed, else of words. */
  readonly speakers: readonly (TranscriptSpeaker & { readonly share: number })[];
  readonly turns: number;
  readonly suggestion: RepSuggestion;
  readonly notes: readonly string[];
}

export function previewTranscript(transcript: Transcript): TranscriptPreview {
  const amount = (s: TranscriptSpeaker) => (transcript.timed ? (s.seconds ?? 0) : s.words);
  const total = Math.max(
    transcript.speakers.reduce((sum, s) => sum + amount(s), 0),
    1e-9,
  );
  return {
    fileName: transcript.fileName,
    format: transcript.format,
    timed: transcript.timed,
    speakers: transcript.speakers.map((s) => ({
      ...s,
      share: Math.round((100 * amount(s)) / total) / 100,
    })),
    turns: transcript.turns.length,
    suggestion: suggestRep(transcript),
    notes: transcript.notes,
  };
}
