// The UI's one store, built from slices. It holds UI state only: the session's
// truth lives in main, and after every call we keep what main returned.
import { create } from 'zustand';
import { appSlice } from './app';
import { callsSlice } from './calls';
import { historySlice } from './history';
import { meetingSlice } from './meeting';
import { navigationSlice } from './navigation';
import { reportSlice } from './report';
import { scenariosSlice } from './scenarios';
import { settingsSlice } from './settings';
import { speechSlice } from './speech';
import { teamSlice } from './team';
import { drillsSlice } from './drills';
import { toastSlice } from './toasts';
import type { Store } from './types';

export const useStore = create<Store>()((...a) => ({
  ...navigationSlice(...a),
  ...appSlice(...a),
  ...scenariosSlice(...a),
  ...meetingSlice(...a),
  ...reportSlice(...a),
  ...historySlice(...a),
  ...settingsSlice(...a),
  ...speechSlice(...a),
  ...toastSlice(...a),
  ...callsSlice(...a),
  ...teamSlice(...a),
  ...drillsSlice(...a),
}));

export type { Store, PlacedError } from './types';
export type { Screen } from './navigation';
export type { MicPhase, SpeechNotice } from './speech';
export { HISTORY_PAGE_SIZE } from './history';
