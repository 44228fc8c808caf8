// The meeting in progress. Main owns the session; this slice keeps the last
// SessionView main returned, plus what only the UI knows: the reply on its way
// (shown at once), errors, and a meeting the buyer ended. When the buyer ends the
// meeting it is stored at once, but the report opens only when the rep presses
// See report: no timer cuts the buyer's last words off.
import { getApi } from '../bridge';
import type {
  Difficulty,
  Mode,
  ReplySource,
  SessionRecord,
  SessionView,
} from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import { NOTHING_SAID } from './app';
import type { PlacedError, Slice } from './types';

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
  /** The stored session of a meeting the buyer ended, waiting for See report. */
  readonly endedRecord: SessionRecord | null;
  /** The rep pressed See report before the meeting was stored: show it once it is. */
  readonly reportWanted: boolean;
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
  /** See report, after the buyer ended the meeting: the report now, or as soon as it is stored. */
  seeReport(): Promise<void>;
}

export const meetingSlice: Slice<MeetingSlice> = (set, get) => {
  /** Leaves the meeting for its report (or the gallery, when nothing was said). */
  function show(record: SessionRecord | null): void {
    set({
      ending: false,
      view: null,
      pendingReply: null,
      endedRecord: null,
      reportWanted: false,
    });
    if (record) get().showRecord(record);
    else {
      get().pushToast({ message: NOTHING_SAID, tone: 'info' });
      get().navigate('gallery');
    }
  }

  /** Stores a meeting the buyer ended, keeping the rep on the meeting screen. */
  async function storeEnded(sessionId: string): Promise<void> {
    set({ ending: true, meetingError: null });
    try {
      const record = await getApi().call('session.end', { sessionId });
      // Another meeting may have been opened meanwhile.
      if (get().view?.id !== sessionId) return;
      if (get().reportWanted) show(record);
      else set({ ending: false, endedRecord: record });
    } catch (error) {
      if (get().view?.id === sessionId)
        set({ ending: false, reportWanted: false, meetingError: errorMessage(error) });
    }
  }

  return {
    view: null,
    pendingReply: null,
    replyError: null,
    meetingError: null,
    ending: false,
    endedRecord: null,
    reportWanted: false,
    starting: null,
    startError: null,

    openMeeting: async (view) => {
      set({
        view,
        pendingReply: null,
        replyError: null,
        meetingError: null,
        endedRecord: null,
        reportWanted: false,
      });
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
        // The buyer ended it: store it now; the rep reads the last line and moves on with See report.
        if (next.ended) void storeEnded(next.id);
        return true;
      } catch (error) {
        set({ pendingReply: null, replyError: errorMessage(error) });
        return false;
      }
    },

    endMeeting: async () => {
      const view = get().view;
      if (!view || get().ending) return;
      if (view.ended && get().endedRecord) return get().seeReport();
      set({ ending: true, meetingError: null });
      try {
        const record = await getApi().call('session.end', { sessionId: view.id });
        show(record);
      } catch (error) {
        set({ ending: false, meetingError: errorMessage(error) });
      }
    },

    seeReport: async () => {
      const record = get().endedRecord;
      if (record) return show(record);
      set({ reportWanted: true });
      // Still being stored: it opens when that finishes. Storing failed: try again.
      if (!get().ending) {
        const view = get().view;
        if (view) await storeEnded(view.id);
      }
    },
  };
};
