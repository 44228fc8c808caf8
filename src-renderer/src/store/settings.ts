// The rep's settings as main last returned them, and whether a save just
// happened (for the "Saved" status) or failed. Changing the speech engine or
// the whisper model asks the host again which engine can run.
import { getApi } from '../bridge';
import type { Settings } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { Slice } from './types';

export interface SettingsSlice {
  readonly settings: Settings | null;
  readonly settingsStatus: 'idle' | 'saving' | 'saved';
  readonly settingsError: string | null;
  saveSettings(change: Partial<Settings>): Promise<void>;
}

export const settingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  settingsStatus: 'idle',
  settingsError: null,
  saveSettings: async (change) => {
    set({ settingsStatus: 'saving', settingsError: null });
    try {
      const settings = await getApi().call('settings.set', change);
      set({ settings, settingsStatus: 'saved' });
      if ('speechEngine' in change || 'whisperModel' in change) await get().loadSpeechStatus();
    } catch (error) {
      set({ settingsStatus: 'idle', settingsError: errorMessage(error) });
    }
  },
});
