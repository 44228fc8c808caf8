// The meeting in progress. Main owns the session; this slice keeps the last
// SessionView main returned, plus what only the UI knows: the reply on its way
// (shown at once), errors, and the buyer-ended status.
import { getApi } from '../bridge';
import type { Difficulty, Mode, ReplySource, SessionView } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import { NOTHING_SAID } from './app';
import type { PlacedError, Slice } from './types';

/** How long the buyer's last words stay on screen before the report opens. */
const BUYER_ENDED_PAUSE_MS = 1500;

export interface StartArgs {
  readonly scenarioId: string;
  readonly difficulty: Difficulty;
  readonly mode: Mode;
}

/** How a reply was made: typed (the default), or spoken, naming the utterance it was heard in. */
export interface ReplyOptions {
  readonly source: ReplySource;
  readonly utteranceId?: string;
}

export interface MeetingSlice {
  readonly view: SessionView | null;
  /** The rep's reply while main is answering it; null when nothing is in flight. */
  readonly pendingReply: string | null;
  readonly replyError: string | null;
  readonly meetingError: string | null;
  readonly ending: boolean;
  /** Set when the buyer ended the meeting, e.g. "Dana Kessler ended the meeting." */
  readonly endStatus: string | null;
  /** Where a start is in flight: a scenario id, or "report" for Practise again. */
  readonly starting: string | null;
  readonly startError: PlacedError | null;
  /**
   * Shows a meeting main handed over (started, replayed, resumed, or still live
   * after a reload). One the buyer has already ended only needs scoring.
   */
  openMeeting(view: SessionView): Promise<void>;
  startMeeting(args: StartArgs, where: string): Promise<void>;
  /** Resolves true when main accepted the reply, so the composer can clear. */
  sendReply(text: string, options?: ReplyOptions): Promise<boolean>;
  endMeeting(): Promise<void>;
}

export const meetingSlice: Slice<MeetingSlice> = (set, get) => ({
  view: null,
  pendingReply: null,
  replyError: null,
  meetingError: null,
  ending: false,
  endStatus: null,
  starting: null,
  startError: null,

  openMeeting: async (view) => {
    set({ view, pendingReply: null, replyError: null, meetingError: null, endStatus: null });
    if (view.ended) await get().endMeeting();
    else get().navigate('meeting');
  },

  startMeeting: async (args, where) => {
    set({ starting: where, startError: null });
    try {
      const view = await getApi().call('session.start', args);
      set({ starting: null });
      await get().openMeeting(view);
    } catch (error) {
      set({ starting: null, startError: { where, message: errorMessage(error) } });
    }
  },

  sendReply: async (text, options) => {
    const view = get().view;
    if (!view || view.ended || get().pendingReply !== null) return false;
    set({ pendingReply: text, replyError: null });
    try {
      const next = await getApi().call('session.reply', {
        sessionId: view.id,
        text,
        source: options?.source ?? 'typed',
        ...(options?.utteranceId !== undefined ? { utteranceId: options.utteranceId } : {}),
      });
      set({ view: next, pendingReply: null });
      if (next.ended) {
        set({ endStatus: `${next.scenario.persona.name} ended the meeting.` });
        // Let the buyer's last line be read (and announced) before the report replaces it.
        setTimeout(() => void get().endMeeting(), BUYER_ENDED_PAUSE_MS);
      }
      return true;
    } catch (error) {
      set({ pendingReply: null, replyError: errorMessage(error) });
      return false;
    }
  },

  endMeeting: async () => {
    const view = get().view;
    if (!view || get().ending) return;
    set({ ending: true, meetingError: null });
    try {
      const record = await getApi().call('session.end', { sessionId: view.id });
      set({ ending: false, view: null, pendingReply: null, endStatus: null });
      if (record) get().showRecord(record);
      else {
        get().pushToast({ message: NOTHING_SAID, tone: 'info' });
        get().navigate('gallery');
      }
    } catch (error) {
      set({ ending: false, meetingError: errorMessage(error) });
    }
  },
});
