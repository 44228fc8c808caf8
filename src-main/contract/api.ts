// The one contract between the UI and the session host. Every call the
// renderer can make is listed here with its arguments and result; the preload
// (Electron) and the WebSocket client (browser mode) both implement exactly
// this map, and the host validates each call's arguments (validate.ts) before
// it runs. Types only, plus the list of call names: the renderer may import it.
import type { Behavior, BehaviorGroup } from '../core/behaviors/taxonomy';
import type { Difficulty, Outcome } from '../core/scenarios/schema';
import type { SessionReport } from '../core/scoring/report';
import type { DeliveryReport } from '../core/scoring/delivery';
import type { RepBoardRow, TeamMomentQuote } from '../core/team/board';
import type { ObjectiveResult, QuickResult } from '../core/drills/judge';
import type { Certificate } from '../core/tracks/certificate';
import type { ModuleProgress, TrackProgress } from '../core/tracks/progress';
import type { Rotation, Tally } from '../core/team/types';
import type { TranscriptFormat } from '../core/transcripts/types';

export type { Behavior, BehaviorGroup, DeliveryReport, Difficulty, Outcome, SessionReport };
/** Relay: one meeting, reps take turns; each: every rep holds the whole meeting. Tally: hands per call. */
export type { Rotation, Tally };
/** A rep's row on the team board, and the quote of a best or worst moment (core/team/board.ts). */
export type TeamBoardRep = RepBoardRow;
export type TeamQuote = TeamMomentQuote;
export type { Certificate, ModuleProgress, ObjectiveResult, TrackProgress };

/** Coach mode shows the buyer's meters live; exam mode hides them until the report. */
export type Mode = 'coach' | 'exam';
export type Theme = 'light' | 'dark' | 'system';
/** How a reply reached the host: typed, or a transcript of speech. */
export type ReplySource = 'typed' | 'spoken';

/** The speech engines the host knows (services/speech). */
export type SpeechEngineName = 'pocketsphinx' | 'whisper';
/** Hold to talk (button or Space), or hands-free (the app hears when the rep starts and stops). */
export type MicMode = 'push' | 'handsFree';

export interface Settings {
  readonly repName: string;
  readonly theme: Theme;
  readonly mode: Mode;
  /** Which engine transcribes speech: the best available, or one by name. */
  readonly speechEngine: 'auto' | SpeechEngineName;
  /** A whisper.cpp model file; empty means the first `.bin` in the models folder. */
  readonly whisperModel: string;
  readonly micMode: MicMode;
  /** Hands-free: this much silence (ms) ends the rep's turn, so a pause or an "um" does not. */
  readonly endOfTurnMs: number;
  /** Show the transcript in the reply box to edit before sending, instead of sending at once. */
  readonly reviewTranscript: boolean;
  /** Speak the buyer's lines with the system's voices (the text is always shown). */
  readonly buyerVoice: boolean;
  /** Send results to the organisation's learning record store (xAPI) when it is reachable. */
  readonly sendResults: boolean;
}

/** The bounds of the hands-free silence window, and its default. */
export const END_OF_TURN_MS = { min: 500, max: 5000, default: 1200 } as const;

/** One speech engine and whether it can be used here. */
export interface SpeechEngineStatus {
  readonly name: SpeechEngineName;
  readonly label: string;
  readonly available: boolean;
  /** What was found (library, model) or what is missing and how to get it. */
  readonly detail: string;
}

export interface SpeechStatus {
  readonly engines: readonly SpeechEngineStatus[];
  /** The engine that will transcribe, or null when none can (typing still works). */
  readonly active: SpeechEngineName | null;
  /** Where whisper.cpp model files go. */
  readonly modelsDir: string;
}

/** Audio the renderer streams: 16 kHz, mono, 16-bit little-endian PCM. */
export const SPEECH_SAMPLE_RATE = 16_000;
/** The longest utterance the host keeps; audio beyond it is dropped and the rep told. */
export const MAX_UTTERANCE_SECONDS = 180;
/** The most audio one `speech.audio` call may carry (one second). */
export const MAX_CHUNK_BYTES = SPEECH_SAMPLE_RATE * 2;
/**
 * A transcript travels in pieces of at most this many characters, so each
 * message stays well under the 1 MB a message may carry, whatever it holds.
 */
export const MAX_CALL_PIECE_CHARS = 128 * 1024;
/** The largest results bundle the app imports in one go (larger ones: `cli results import`). */
export const MAX_BUNDLE_CHARS = 900 * 1024;

/** What the engine heard in one utterance. */
export interface Transcript {
  readonly utteranceId: string;
  readonly text: string;
  readonly engine: SpeechEngineName;
  readonly audioSeconds: number;
  readonly decodeSeconds: number;
  /** Something wrong with the audio the rep should hear about (silence, clipping, too long, unsure words). */
  readonly problem?: string;
  /** The engine is unsure of the words: they go to the reply box to check, never straight to the buyer. */
  readonly unsure?: true;
}

/** When a spoken reply was said, measured from the audio, in ms from the start of the meeting. */
export interface SpokenTiming {
  readonly startMs: number;
  readonly endMs: number;
  /** The pause between the buyer finishing and the rep starting to speak, when known. */
  readonly patienceMs: number | null;
  readonly engine: SpeechEngineName;
}

export interface MeterInfo {
  readonly name: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

export interface ScenarioCard {
  readonly id: string;
  readonly title: string;
  readonly brief: string;
  readonly persona: {
    readonly name: string;
    readonly role: string;
    readonly company: string;
    readonly caresAbout: readonly string[];
  };
  readonly difficulties: readonly { readonly level: Difficulty; readonly note: string }[];
  readonly meters: readonly MeterInfo[];
  /** Shipped with the app, or the organisation's own (the data folder's scenarios folder). */
  readonly source: 'built-in' | 'own';
}

/** A scenario file that cannot be used, with every problem as `file:line:column: message`. */
export interface UnusableScenario {
  readonly file: string;
  readonly source: 'built-in' | 'own';
  readonly problems: readonly string[];
}

/** What the gallery shows: the buyers on offer, the files that could not be used, and where own ones go. */
export interface ScenarioList {
  readonly cards: readonly ScenarioCard[];
  readonly unusable: readonly UnusableScenario[];
  /** The folder for the organisation's own scenario files (watched: changes show up within a second or two). */
  readonly ownFolder: string;
}

/** One rep turn and the buyer's answer, as the meeting screen shows it. */
export interface LiveTurn {
  /** 1 for the rep's first reply. */
  readonly n: number;
  readonly rep: string;
  readonly repName: string;
  readonly source: ReplySource;
  /** Milliseconds from the start of the meeting to the reply. */
  readonly at: number;
  /** The buyer's answer; empty when the buyer ended the meeting without a word. */
  readonly buyer: string;
  /** Coach mode only: how the reply was read, and the meters after it. */
  readonly behavior?: Behavior;
  readonly group?: BehaviorGroup;
  readonly meters?: Readonly<Record<string, number>>;
  /** Spoken replies only: when the rep spoke. */
  readonly speech?: SpokenTiming;
}

export interface SessionView {
  readonly id: string;
  readonly scenario: ScenarioCard;
  readonly difficulty: Difficulty;
  readonly mode: Mode;
  /** Everyone who practised in this session; turns name which of them replied. */
  readonly reps: readonly string[];
  readonly startedAt: string;
  readonly opening: string;
  readonly turns: readonly LiveTurn[];
  /** Coach mode only: the buyer's meters now. */
  readonly meters?: Readonly<Record<string, number>>;
  /** Coach mode only: the buyer's meters at the opening, before any reply. */
  readonly openingMeters?: Readonly<Record<string, number>>;
  readonly ended: boolean;
  readonly outcome: Outcome;
  /** Set when this meeting replays an earlier one from a turn. */
  readonly replayOf?: { readonly sessionId: string; readonly fromTurn: number };
  /** Something the rep should know about this session (for example a replay that diverged). */
  readonly notice?: string;
}

/** One rep turn in a finished session: a live turn with its coaching always present. */
export interface RecordTurn extends Omit<LiveTurn, 'behavior' | 'group' | 'meters'> {
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
  readonly meters: Readonly<Record<string, number>>;
}

export interface SessionRecord {
  readonly version: 1;
  readonly id: string;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly persona: { readonly name: string; readonly role: string; readonly company: string };
  };
  readonly difficulty: Difficulty;
  readonly mode: Mode;
  readonly reps: readonly string[];
  readonly seed: number;
  readonly startedAt: string;
  readonly endedAt: string;
  /** Who ended it: the buyer (an outcome state), the rep (End meeting), or recovery after a crash. */
  readonly endedBy: 'buyer' | 'rep' | 'recovery';
  readonly opening: string;
  readonly meterInfo: readonly MeterInfo[];
  /** The buyer's meters at the opening, before any rep turn. */
  readonly openingMeters: Readonly<Record<string, number>>;
  readonly turns: readonly RecordTurn[];
  readonly outcome: Outcome;
  readonly report: SessionReport;
  readonly replayOf?: { readonly sessionId: string; readonly fromTurn: number };
  /** A real call scored from its transcript (Score a call), not a practice meeting. */
  readonly call?: CallInfo;
  /** The learner who practised (sessions from before learners existed have none: they are the first learner's). */
  readonly learnerId?: string;
  /** A meeting drill: which, and how it was judged. */
  readonly drill?: MeetingDrillResult;
}

/** A meeting drill's verdict, stored with its session. */
export interface MeetingDrillResult {
  readonly drillId: string;
  readonly title: string;
  readonly trackId?: string;
  readonly moduleId?: string;
  readonly passed: boolean;
  readonly score: number;
  readonly objectives: readonly ObjectiveResult[];
}

/** What a real call's record says about the call itself. */
export interface CallInfo {
  readonly fileName: string;
  readonly format: TranscriptFormat;
  /** The speaker who was the rep. */
  readonly rep: string;
  /** The buyer side by name (a buying committee may be several). */
  readonly buyers: readonly string[];
  /** Whether talk share, monologues and pauses were measured from the file's times or estimated from words. */
  readonly timings: 'measured' | 'estimated';
  readonly timingSource: string;
  readonly speakers: readonly {
    readonly name: string;
    readonly role: 'rep' | 'buyer';
    readonly turns: number;
    readonly words: number;
    readonly seconds?: number;
  }[];
  /** Where a copy of the file was kept, relative to the data folder, when the user asked to keep it. */
  readonly keptAs?: string;
}

/** What a transcript holds, shown before scoring so the user can confirm who the rep is. */
export interface CallPreview {
  readonly uploadId: string;
  readonly fileName: string;
  readonly format: TranscriptFormat;
  readonly timed: boolean;
  readonly turns: number;
  /** In order of first appearance, with each one's share of the talk (time when timed, else words). */
  readonly speakers: readonly {
    readonly name: string;
    readonly turns: number;
    readonly words: number;
    readonly seconds?: number;
    readonly questions: number;
    readonly share: number;
  }[];
  /** The speaker most likely to be the rep, why, and whether another is close. */
  readonly suggestion: {
    readonly name: string;
    readonly reasons: readonly string[];
    readonly confident: boolean;
  };
  /** What was read leniently (cues with no speaker, start-only times). */
  readonly notes: readonly string[];
}

/** One line of the history list. */
export interface HistoryRow {
  readonly id: string;
  /** For a real call: the transcript's file name (History marks the row as a real call). */
  readonly call?: string;
  /** For a team roleplay: its rotation (History marks the row and opens its board; scores are the team's average). */
  readonly team?: Rotation;
  readonly learnerId?: string;
  /** A meeting drill's id (History marks the row). */
  readonly drill?: string;
  readonly startedAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly difficulty: Difficulty;
  readonly mode: Mode;
  readonly reps: readonly string[];
  readonly turns: number;
  readonly outcome: Outcome;
  readonly valueCreation: number;
  readonly pitching: number;
  readonly overall: number;
}

/** One page of the history list, newest first, with what the page controls need. */
export interface HistoryPage {
  readonly rows: readonly HistoryRow[];
  readonly offset: number;
  readonly total: number;
  /** Every scenario in the history, the most recently practised first. */
  readonly scenarios: readonly {
    readonly id: string;
    readonly title: string;
    readonly sessions: number;
  }[];
}

/** Scores over time on one scenario: its most recent sessions, oldest first. */
export interface ProgressSeries {
  readonly scenarioId: string;
  readonly rows: readonly HistoryRow[];
  /** All sessions of this scenario (rows holds at most PROGRESS_POINTS of them). */
  readonly total: number;
}

export const PROGRESS_POINTS = 100;
export const MAX_HISTORY_PAGE = 500;

/** A meeting that was in progress when the app stopped (a crash, a kill, a power cut). */
export interface InterruptedSession {
  readonly id: string;
  readonly scenarioTitle: string;
  readonly difficulty: Difficulty;
  readonly startedAt: string;
  /** Every acknowledged turn is kept. */
  readonly turns: number;
}

/** A data file that could not be read and was moved aside instead of crashing the app. */
export interface DataProblem {
  readonly file: string;
  readonly movedTo: string;
  readonly message: string;
}

export interface AppInfo {
  readonly shell: 'electron' | 'browser';
  readonly version: string;
  readonly dataDir: string;
  readonly problems: readonly DataProblem[];
  readonly interrupted: readonly InterruptedSession[];
  readonly interruptedTeams: readonly InterruptedTeam[];
  /** Where the host writes what went wrong in detail (errors on the page are in words only). */
  readonly logFile: string;
}

/** The end of the log file, for Settings. */
export interface LogTail {
  readonly path: string;
  readonly text: string;
  /** True when the log is longer than `text`. */
  readonly truncated: boolean;
}

export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

export type RoomCallGroup = BehaviorGroup;

/** How the team roleplay is set up; `team.start` takes it. */
export interface TeamSetupArgs {
  readonly scenarioId: string;
  readonly difficulty: Difficulty;
  readonly mode: Mode;
  readonly rotation: Rotation;
  /** Relay: turns each rep takes before handing over (1 by default). */
  readonly turnsPerRep: number;
  readonly reps: readonly string[];
  /** The room calls each turn before the coach's call is shown. */
  readonly calling: boolean;
}

/** What the facilitator or the current rep does; the host stamps the time. */
export type TeamActionArgs =
  | {
      readonly type: 'turn';
      readonly text: string;
      readonly source: ReplySource;
      readonly utteranceId?: string;
    }
  | { readonly type: 'skip' }
  | { readonly type: 'next' }
  | { readonly type: 'event'; readonly id: string }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | {
      readonly type: 'call';
      readonly turn: number;
      readonly call?: RoomCallGroup;
      readonly tally?: Tally;
    }
  | { readonly type: 'note'; readonly turn: number; readonly text: string }
  | {
      readonly type: 'override';
      readonly turn: number;
      readonly behavior: Behavior;
      readonly reason: string;
    };

/** One turn of a team roleplay as the presenter and the board show it. */
export interface TeamTurnView {
  readonly n: number;
  readonly rep: string;
  /** Which meeting (0 in a relay; the rep's place in One meeting each) and the turn's number in it. */
  readonly meeting: number;
  readonly meetingTurn: number;
  readonly text: string;
  readonly source: ReplySource;
  readonly at: number;
  readonly buyer: string;
  /**
   * The coach's call: present once revealed (after the room's call, at once
   * when calling is off, on the board always; exam mode hides it until the board).
   */
  readonly coach?: { readonly behavior: Behavior; readonly group: BehaviorGroup };
  /** The facilitator's change of behaviour, with the reason; the coach's call stays beside it. */
  readonly override?: {
    readonly behavior: Behavior;
    readonly group: BehaviorGroup;
    readonly reason: string;
  };
  /** The room's call: one call or a tally, the group it comes to (null on a tied tally), and its agreement with the coach once revealed. */
  readonly room?: {
    readonly call?: RoomCallGroup;
    readonly tally?: Tally;
    readonly group: RoomCallGroup | null;
    readonly agreement?: number;
  };
  readonly notes: readonly string[];
  /** Coach mode: the buyer's meters after the turn. */
  readonly meters?: Readonly<Record<string, number>>;
}

export interface TeamEventView {
  readonly id: string;
  readonly label: string;
  readonly meeting: number;
  readonly afterMeetingTurn: number;
  readonly buyer: string;
}

export interface TeamView {
  readonly id: string;
  readonly scenario: ScenarioCard;
  readonly setup: Omit<TeamSetupArgs, 'scenarioId'>;
  readonly startedAt: string;
  /** Each meeting held so far: its opening line and how it stands. */
  readonly meetings: readonly {
    readonly rep: string | null;
    readonly opening: string;
    readonly outcome: Outcome;
    readonly ended: boolean;
  }[];
  readonly turns: readonly TeamTurnView[];
  readonly events: readonly TeamEventView[];
  /** Who speaks now; null when the roleplay is complete. */
  readonly current: string | null;
  /** Relay: turns the current rep has left before handing over. */
  readonly turnsLeft: number;
  readonly paused: boolean;
  /** For the turn clock, in ms of wall time since startedAt: pauses so far, when the current one began, when this turn began (pauses excluded). */
  readonly pausedMs: number;
  readonly pausedAt: number | null;
  readonly turnStartedAt: number;
  /** Coach mode: the buyer's meters now, and what they are. */
  readonly meters?: Readonly<Record<string, number>>;
  /** The turn the room is asked to call now, if any. */
  readonly awaitingCall: number | null;
  readonly availableEvents: readonly { readonly id: string; readonly label: string }[];
  /** Nothing more can be said: end the roleplay to see the board. */
  readonly complete: boolean;
  readonly notice?: string;
}

/** The board of a finished team roleplay (stored; History opens it again). */
export interface TeamBoardView {
  readonly id: string;
  readonly scenario: SessionRecord['scenario'];
  readonly setup: Omit<TeamSetupArgs, 'scenarioId'>;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly reps: readonly TeamBoardRep[];
  readonly agreement: number | null;
  readonly called: number;
  readonly overrides: number;
  /** Relay: how the meeting ended. */
  readonly outcome?: Outcome;
  readonly openings: readonly string[];
  readonly turns: readonly TeamTurnView[];
  readonly events: readonly TeamEventView[];
}

/** A rep's scores across team roleplays, oldest first. */
export interface RepProgress {
  readonly name: string;
  readonly roleplays: readonly {
    readonly teamId: string;
    readonly startedAt: string;
    readonly scenarioTitle: string;
    readonly rotation: Rotation;
    readonly turns: number;
    readonly valueCreation: number;
    readonly pitching: number;
    readonly overall: number;
  }[];
}

export interface TeamRosters {
  /** Teams used before, most recent first. */
  readonly saved: readonly { readonly reps: readonly string[]; readonly usedAt: string }[];
  readonly progress: readonly RepProgress[];
}

/** A team roleplay that was in progress when the app stopped. */
export interface InterruptedTeam {
  readonly id: string;
  readonly scenarioTitle: string;
  readonly rotation: Rotation;
  readonly reps: readonly string[];
  readonly startedAt: string;
  /** Every acknowledged action is kept (turns, calls, notes, overrides). */
  readonly turns: number;
}

/** The learners on this machine and who is practising (null: nobody yet; the app asks). */
export interface LearnersView {
  readonly learners: readonly { readonly id: string; readonly name: string }[];
  readonly active: string | null;
}

/** One drill in the library. */
export interface DrillSummary {
  readonly id: string;
  readonly kind: 'quick' | 'meeting';
  readonly title: string;
  /** What the drill asks of the rep. */
  readonly target: string;
  readonly skill?: string;
  readonly track: string | null;
}

/** A quick drill as the rep sees it before answering (the model answers come with the result). */
export interface QuickDrillView {
  readonly id: string;
  readonly title: string;
  readonly skill: string;
  readonly buyer: string;
  readonly say: string;
}

/** A quick drill judged (core/drills/judge.ts), with the tip and when it comes back. */
export interface QuickResultView extends QuickResult {
  readonly tip?: string;
  /** When this drill comes back (YYYY-MM-DD). */
  readonly nextDue: string;
}

/** The Drills screen: today's set, the learner's tracks with progress and certificates, the library. */
export interface DrillsOverview {
  readonly learner: { readonly id: string; readonly name: string };
  /** Today's date as the app's clock has it (YYYY-MM-DD). */
  readonly date: string;
  readonly today: readonly {
    readonly id: string;
    readonly title: string;
    readonly due: boolean;
  }[];
  readonly dailySize: number;
  readonly tracks: readonly (TrackProgress & { readonly certificate: Certificate | null })[];
  readonly library: readonly DrillSummary[];
  /** Drill and track files that could not be used, as file:line:column: message. */
  readonly problems: readonly string[];
}

/** Every call: its arguments and its result. */
export interface Calls {
  'app.info': { args: undefined; result: AppInfo };
  'app.log': { args: undefined; result: LogTail };
  /** Desktop app only: opens the folder for the organisation's own scenarios in the file manager. */
  'app.openScenarioFolder': { args: undefined; result: null };
  /** Desktop app only: saves the page on show as a PDF where the user chooses; the path, or null when cancelled. */
  'app.printToPdf': { args: { fileName: string }; result: string | null };
  'scenarios.list': { args: undefined; result: ScenarioList };
  'session.start': {
    args: { scenarioId: string; difficulty: Difficulty; mode: Mode };
    result: SessionView;
  };
  /** The live meeting, if any: the UI asks after a reload. */
  'session.current': { args: undefined; result: SessionView | null };
  /**
   * A reply, typed or spoken. A spoken reply names the utterance it was heard
   * in (speech.finish), so the turn keeps when it was said; the rep may have
   * edited the text.
   */
  'session.reply': {
    args: { sessionId: string; text: string; source: ReplySource; utteranceId?: string };
    result: SessionView;
  };
  /**
   * The rep ends the meeting (or it has ended): score it and store it. Null
   * when the rep had not said anything: there is nothing to score, and the
   * meeting is discarded.
   */
  'session.end': { args: { sessionId: string }; result: SessionRecord | null };
  /** Start a new meeting from a finished one's state before `fromTurn`, to answer differently. */
  'session.replay': { args: { sessionId: string; fromTurn: number }; result: SessionView };
  'recovery.resume': { args: { sessionId: string }; result: SessionView };
  /** Scores an interrupted meeting as it stood; null (and discarded) when it has no turns. */
  'recovery.score': { args: { sessionId: string }; result: SessionRecord | null };
  /** Throws an interrupted meeting away: its journal is removed. */
  'recovery.discard': { args: { sessionId: string }; result: null };
  'history.list': { args: { offset: number; limit: number }; result: HistoryPage };
  'history.progress': { args: { scenarioId: string }; result: ProgressSeries };
  'history.get': { args: { sessionId: string }; result: SessionRecord };
  'history.delete': { args: { sessionId: string }; result: null };
  'history.undoDelete': { args: { sessionId: string }; result: null };
  'history.exportSession': { args: { sessionId: string }; result: ExportFile };
  'history.exportCsv': { args: undefined; result: ExportFile };
  'speech.status': { args: undefined; result: SpeechStatus };
  /**
   * The rep starts speaking in a meeting. `sinceBuyerMs`: how long ago the
   * buyer finished (their line shown, or their voice done), for patience.
   */
  'speech.begin': {
    args: { sessionId: string; sinceBuyerMs?: number };
    result: { utteranceId: string };
  };
  /** The next piece of audio, base64 of 16-bit PCM at 16 kHz; `seq` counts from 0. */
  'speech.audio': { args: { utteranceId: string; seq: number; pcm: string }; result: null };
  /** The rep stopped speaking: transcribe what was heard. */
  'speech.finish': { args: { utteranceId: string }; result: Transcript };
  'speech.cancel': { args: { utteranceId: string }; result: null };
  'settings.get': { args: undefined; result: Settings };
  'settings.set': { args: Partial<Settings>; result: Settings };
  /**
   * Score a call: a transcript file's text is sent in pieces (a call can be
   * far larger than one message), then previewed, then scored.
   */
  'call.begin': { args: { fileName: string; bytes: number }; result: { uploadId: string } };
  /** The next piece of the file's text; `seq` counts from 0. */
  'call.text': { args: { uploadId: string; seq: number; text: string }; result: null };
  /** Reads the whole file: its format, speakers and the likely rep. */
  'call.preview': { args: { uploadId: string }; result: CallPreview };
  /** Scores the call with `rep` as the rep and stores it in History; the file is kept only if asked. */
  'call.score': {
    args: { uploadId: string; rep: string; keepFile: boolean };
    result: SessionRecord;
  };
  'call.cancel': { args: { uploadId: string }; result: null };
  /** Starts a team roleplay (one live at a time; a solo meeting in progress is left as it is). */
  'team.start': { args: TeamSetupArgs; result: TeamView };
  /** The live team roleplay, if any: the UI asks after a reload. */
  'team.current': { args: undefined; result: TeamView | null };
  /** A turn, a facilitator control, the room's call, a note or an override; journalled before it is answered. */
  'team.act': { args: { teamId: string; action: TeamActionArgs }; result: TeamView };
  /** Ends the roleplay and stores it; its board. Null when no turn was taken (it is discarded). */
  'team.end': { args: { teamId: string }; result: TeamBoardView | null };
  /** A stored roleplay's board. */
  'team.board': { args: { teamId: string }; result: TeamBoardView };
  /** One rep's report from a stored roleplay: their meeting, or their turns of the relay. */
  'team.repReport': { args: { teamId: string; rep: string }; result: SessionRecord };
  'team.rosters': { args: undefined; result: TeamRosters };
  'team.resume': { args: { teamId: string }; result: TeamView };
  'team.discard': { args: { teamId: string }; result: null };
  /** One row per rep and one per turn. */
  'team.exportCsv': { args: { teamId: string }; result: ExportFile };
  /** The room's calls and the overrides as labelled lines for `cli eval`. */
  'team.exportLabels': { args: { teamId: string }; result: ExportFile };
  'learners.list': { args: undefined; result: LearnersView };
  /** Adds a learner (1-60 characters, unique) and makes them the one practising. */
  'learners.add': { args: { name: string }; result: LearnersView };
  'learners.choose': { args: { learnerId: string }; result: LearnersView };
  'drills.overview': { args: { dailySize?: number }; result: DrillsOverview };
  'drills.quick': { args: { drillId: string }; result: QuickDrillView };
  /** The rep's answer to a quick drill: judged, recorded for the learner, and explained. */
  'drills.answer': {
    args: {
      drillId: string;
      answer: string;
      source: ReplySource;
      trackId?: string;
      moduleId?: string;
    };
    result: QuickResultView;
  };
  /** A results bundle of the learner practising now, or of everyone. */
  'results.export': { args: { everyone: boolean }; result: ExportFile };
  /** Merges a results bundle by result id; a damaged or newer one is refused and nothing changes. */
  'results.import': {
    args: { fileName: string; text: string };
    result: { learnersAdded: number; attemptsAdded: number; certificatesAdded: number };
  };
  /** Starts a meeting drill from a track's module: a meeting judged when it is ended. */
  'drills.startMeeting': {
    args: { drillId: string; trackId: string; moduleId: string };
    result: SessionView;
  };
  /** The learning record store: what is set up (never the secret), what waits, the last error. */
  'lrs.status': { args: undefined; result: LrsStatus };
  /** Saves the store's endpoint, key and secret; an omitted secret keeps the saved one. */
  'lrs.save': {
    args: { endpoint: string; key: string; secret?: string; baseIri?: string };
    result: LrsStatus;
  };
  /** A real request to the store with the saved credentials. */
  'lrs.test': { args: undefined; result: { ok: boolean; message: string } };
  /** Sends what is waiting now, whatever the backoff (Send results must be on). */
  'lrs.sendNow': { args: undefined; result: LrsStatus };
}

/** What Settings shows of the learning record store. */
export interface LrsStatus {
  /** Empty when none is set up. */
  readonly endpoint: string;
  /** The key masked to its last four characters at most. */
  readonly keyHint: string;
  readonly hasSecret: boolean;
  /** Activity ids and learners' accounts sit under it. */
  readonly baseIri: string;
  /** Whether the secret is encrypted with the system's keychain (desktop app) or kept in a file only this user can read. */
  readonly secretKept: 'encrypted' | 'userOnlyFile';
  readonly sendResults: boolean;
  /** Statements in the outbox, not yet taken by the store. */
  readonly waiting: number;
  /** Statements the store refused, kept with its message. */
  readonly setAside: number;
  /** In words; null when the last round went well. */
  readonly lastError: string | null;
  readonly lastSentAt: string | null;
}

export type CallName = keyof Calls;
export type CallArgs<K extends CallName> = Calls[K]['args'];
export type CallResult<K extends CallName> = Calls[K]['result'];

export const CALL_NAMES = [
  'app.info',
  'app.log',
  'app.openScenarioFolder',
  'app.printToPdf',
  'scenarios.list',
  'session.start',
  'session.current',
  'session.reply',
  'session.end',
  'session.replay',
  'recovery.resume',
  'recovery.score',
  'recovery.discard',
  'history.list',
  'history.progress',
  'history.get',
  'history.delete',
  'history.undoDelete',
  'history.exportSession',
  'history.exportCsv',
  'speech.status',
  'speech.begin',
  'speech.audio',
  'speech.finish',
  'speech.cancel',
  'settings.get',
  'settings.set',
  'call.begin',
  'call.text',
  'call.preview',
  'call.score',
  'call.cancel',
  'team.start',
  'team.current',
  'team.act',
  'team.end',
  'team.board',
  'team.repReport',
  'team.rosters',
  'team.resume',
  'team.discard',
  'team.exportCsv',
  'team.exportLabels',
  'learners.list',
  'learners.add',
  'learners.choose',
  'drills.overview',
  'drills.quick',
  'drills.answer',
  'drills.startMeeting',
  'lrs.status',
  'lrs.save',
  'lrs.test',
  'lrs.sendNow',
  'results.export',
  'results.import',
] as const satisfies readonly CallName[];

// Compile-time check that CALL_NAMES lists every call.
type Missing = Exclude<CallName, (typeof CALL_NAMES)[number]>;
const everyCallListed: Missing extends never ? true : Missing = true;
void everyCallListed;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
}

/** Why a call failed, so the UI can say the right thing. */
/**
 * `storage`: the data folder could not be written (a full or read-only disk);
 * nothing was changed and the same call can be tried again.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'storage' | 'internal';

/** What crosses the wire: a call never throws across it, it answers with one of these. */
export type Envelope<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly kind: ErrorKind; readonly message: string } };

/**
 * What the preload exposes and the WebSocket client implements: one function
 * per call, each answering with an envelope.
 */
export type Bridge = {
  readonly [K in CallName]: (args: CallArgs<K>) => Promise<Envelope<CallResult<K>>>;
};

/** The name the preload exposes the bridge under (`window.firstMeeting`). */
export const BRIDGE_KEY = 'firstMeeting';
