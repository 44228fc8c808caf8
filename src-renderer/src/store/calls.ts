// Score a call: the chosen transcript file goes to the host in pieces, its
// preview (format, speakers, the likely rep) is shown for the user to confirm,
// then the call is scored and its report opened like any session's.
import { getApi } from '../bridge';
import { MAX_CALL_PIECE_CHARS, type CallPreview } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { Slice } from './types';

export type CallPhase = 'idle' | 'reading' | 'preview' | 'scoring';

export interface CallsSlice {
  readonly callPhase: CallPhase;
  readonly callPreview: CallPreview | null;
  /** Why the last file or score was refused, in words. */
  readonly callError: string | null;
  /** Sends a file to the host and asks for its preview. */
  chooseCallFile(file: File): Promise<void>;
  /** Scores the previewed call with `rep` as the rep; opens its report. */
  scoreCall(rep: string, keepFile: boolean): Promise<void>;
  /** Drops the file (Choose another file). */
  resetCall(): void;
}

export const callsSlice: Slice<CallsSlice> = (set, get) => ({
  callPhase: 'idle',
  callPreview: null,
  callError: null,

  chooseCallFile: async (file) => {
    const previous = get().callPreview;
    if (previous)
      void getApi()
        .call('call.cancel', { uploadId: previous.uploadId })
        .catch(() => {});
    set({ callPhase: 'reading', callPreview: null, callError: null });
    try {
      const { uploadId } = await getApi().call('call.begin', {
        fileName: file.name,
        bytes: file.size,
      });
      const text = await file.text();
      for (let i = 0, seq = 0; i < text.length || seq === 0; i += MAX_CALL_PIECE_CHARS, seq++) {
        await getApi().call('call.text', {
          uploadId,
          seq,
          text: text.slice(i, i + MAX_CALL_PIECE_CHARS),
        });
      }
      const preview = await getApi().call('call.preview', { uploadId });
      set({ callPhase: 'preview', callPreview: preview });
    } catch (error) {
      set({ callPhase: 'idle', callError: errorMessage(error) });
    }
  },

  scoreCall: async (rep, keepFile) => {
    const preview = get().callPreview;
    if (!preview) return;
    set({ callPhase: 'scoring', callError: null });
    try {
      const record = await getApi().call('call.score', {
        uploadId: preview.uploadId,
        rep,
        keepFile,
      });
      set({ callPhase: 'idle', callPreview: null });
      get().showRecord(record);
    } catch (error) {
      set({ callPhase: 'preview', callError: errorMessage(error) });
    }
  },

  resetCall: () => {
    const preview = get().callPreview;
    if (preview)
      void getApi()
        .call('call.cancel', { uploadId: preview.uploadId })
        .catch(() => {});
    set({ callPhase: 'idle', callPreview: null, callError: null });
  },
});
