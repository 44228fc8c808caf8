// Drills: who is practising, the Drills screen's overview (today's set, the
// tracks with progress, the library), the quick drill being answered and its
// result, the track and the certificate on show. Main judges and keeps every
// attempt; this slice keeps what main returned.
import { getApi } from '../bridge';
import type {
  Certificate,
  DrillsOverview,
  LearnersView,
  QuickDrillView,
  QuickResultView,
} from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { Slice } from './types';

export interface QuickContext {
  readonly trackId?: string;
  readonly moduleId?: string;
}

export interface DrillsSlice {
  readonly learnersView: LearnersView | null;
  readonly learnerError: string | null;
  readonly drillsOverview: DrillsOverview | null;
  readonly drillsError: string | null;
  readonly drillsLoading: boolean;
  /** Today's set size chosen on this screen, until main says the learner's own. */
  readonly dailySize: number | null;
  readonly quickDrill: (QuickDrillView & QuickContext) | null;
  readonly quickResult: QuickResultView | null;
  readonly quickBusy: boolean;
  readonly quickError: string | null;
  readonly trackOnShow: string | null;
  readonly certificateOnShow: Certificate | null;
  loadLearners(): Promise<void>;
  addLearner(name: string): Promise<boolean>;
  chooseLearner(learnerId: string): Promise<void>;
  loadDrills(): Promise<void>;
  setDailySize(size: number): Promise<void>;
  openQuickDrill(drillId: string, context?: QuickContext): Promise<void>;
  answerQuickDrill(answer: string, source?: 'typed' | 'spoken'): Promise<boolean>;
  startMeetingDrill(drillId: string, trackId: string, moduleId: string): Promise<void>;
  openTrack(trackId: string): void;
  openCertificate(certificate: Certificate): void;
}

export const drillsSlice: Slice<DrillsSlice> = (set, get) => ({
  learnersView: null,
  learnerError: null,
  drillsOverview: null,
  drillsError: null,
  drillsLoading: false,
  dailySize: null,
  quickDrill: null,
  quickResult: null,
  quickBusy: false,
  quickError: null,
  trackOnShow: null,
  certificateOnShow: null,

  loadLearners: async () => {
    try {
      set({ learnersView: await getApi().call('learners.list') });
    } catch (error) {
      set({ learnerError: errorMessage(error) });
    }
  },

  addLearner: async (name) => {
    set({ learnerError: null });
    try {
      set({ learnersView: await getApi().call('learners.add', { name }) });
      await get().loadDrills();
      return true;
    } catch (error) {
      set({ learnerError: errorMessage(error) });
      return false;
    }
  },

  chooseLearner: async (learnerId) => {
    set({ learnerError: null });
    try {
      set({ learnersView: await getApi().call('learners.choose', { learnerId }) });
      await get().loadDrills();
    } catch (error) {
      set({ learnerError: errorMessage(error) });
    }
  },

  loadDrills: async () => {
    if (!get().learnersView?.active) {
      set({ drillsOverview: null, drillsLoading: false });
      return;
    }
    set({ drillsLoading: true, drillsError: null });
    try {
      const size = get().dailySize;
      const overview = await getApi().call(
        'drills.overview',
        size === null ? {} : { dailySize: size },
      );
      set({ drillsOverview: overview, drillsLoading: false, dailySize: null });
    } catch (error) {
      set({ drillsLoading: false, drillsError: errorMessage(error) });
    }
  },

  setDailySize: async (size) => {
    set({ dailySize: size });
    await get().loadDrills();
  },

  openQuickDrill: async (drillId, context = {}) => {
    set({ quickDrill: null, quickResult: null, quickError: null });
    get().navigate('quickDrill');
    try {
      const view = await getApi().call('drills.quick', { drillId });
      set({ quickDrill: { ...view, ...context } });
    } catch (error) {
      set({ quickError: errorMessage(error) });
    }
  },

  answerQuickDrill: async (answer, source = 'typed') => {
    const drill = get().quickDrill;
    if (!drill || get().quickBusy) return false;
    set({ quickBusy: true, quickError: null });
    try {
      const result = await getApi().call('drills.answer', {
        drillId: drill.id,
        answer,
        source,
        ...(drill.trackId ? { trackId: drill.trackId } : {}),
        ...(drill.moduleId ? { moduleId: drill.moduleId } : {}),
      });
      set({ quickResult: result, quickBusy: false });
      void get().loadDrills();
      return true;
    } catch (error) {
      set({ quickBusy: false, quickError: errorMessage(error) });
      return false;
    }
  },

  startMeetingDrill: async (drillId, trackId, moduleId) => {
    set({ drillsError: null });
    try {
      const view = await getApi().call('drills.startMeeting', { drillId, trackId, moduleId });
      await get().openMeeting(view);
    } catch (error) {
      set({ drillsError: errorMessage(error) });
    }
  },

  openTrack: (trackId) => {
    set({ trackOnShow: trackId });
    get().navigate('track');
  },

  openCertificate: (certificate) => {
    set({ certificateOnShow: certificate });
    get().navigate('certificate');
  },
});
