// Start-up and whatever main told us about the app: version and data folder,
// meetings interrupted by a crash, data files it had to move aside.
import { getApi } from '../bridge';
import type { AppInfo, InterruptedSession } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { PlacedError, Slice } from './types';

export interface AppSlice {
  readonly info: AppInfo | null;
  /** True once every start-up call has answered (or failed). */
  readonly booted: boolean;
  readonly bootErrors: readonly string[];
  readonly interrupted: readonly InterruptedSession[];
  readonly problemsDismissed: boolean;
  /** A Resume or Score it that failed, by session id. */
  readonly recoveryError: PlacedError | null;
  readonly recoveryBusy: string | null;
  boot(): Promise<void>;
  resumeInterrupted(sessionId: string): Promise<void>;
  scoreInterrupted(sessionId: string): Promise<void>;
  discardInterrupted(sessionId: string): Promise<void>;
  dismissProblems(): void;
}

let bootStarted = false;

/** When a meeting with no replies is ended: nothing to score, nothing stored. */
export const NOTHING_SAID =
  'You had not replied yet, so there was nothing to score; the meeting was not stored.';

export const appSlice: Slice<AppSlice> = (set, get) => ({
  info: null,
  booted: false,
  bootErrors: [],
  interrupted: [],
  problemsDismissed: false,
  recoveryError: null,
  recoveryBusy: null,

  boot: async () => {
    // React's strict mode runs effects twice in development; start once.
    if (bootStarted) return;
    bootStarted = true;
    const api = getApi();
    // Independent calls: one failing must not hide what the others returned.
    const [info, settings, scenarios, current, team] = await Promise.allSettled([
      api.call('app.info'),
      api.call('settings.get'),
      api.call('scenarios.list'),
      api.call('session.current'),
      api.call('team.current'),
    ]);
    const errors: string[] = [];
    if (info.status === 'fulfilled')
      set({
        info: info.value,
        interrupted: info.value.interrupted,
        interruptedTeams: info.value.interruptedTeams,
      });
    else errors.push(`Could not read the app's status: ${errorMessage(info.reason)}`);
    if (settings.status === 'fulfilled') set({ settings: settings.value });
    else errors.push(`Could not read your settings: ${errorMessage(settings.reason)}`);
    if (scenarios.status === 'fulfilled') get().showScenarios(scenarios.value);
    else set({ scenariosError: errorMessage(scenarios.reason) });
    set({ booted: true, bootErrors: errors, scenariosLoaded: true });

    // A meeting or a team roleplay still live in main after a reload.
    if (current.status === 'fulfilled' && current.value) await get().openMeeting(current.value);
    else if (team.status === 'fulfilled' && team.value) {
      set({ teamView: team.value });
      get().navigate('teamRoleplay');
    }
  },

  resumeInterrupted: async (sessionId) => {
    set({ recoveryBusy: sessionId, recoveryError: null });
    try {
      const view = await getApi().call('recovery.resume', { sessionId });
      set((s) => ({
        interrupted: s.interrupted.filter((i) => i.id !== sessionId),
        recoveryBusy: null,
      }));
      await get().openMeeting(view);
    } catch (error) {
      set({
        recoveryBusy: null,
        recoveryError: { where: sessionId, message: errorMessage(error) },
      });
    }
  },

  scoreInterrupted: async (sessionId) => {
    set({ recoveryBusy: sessionId, recoveryError: null });
    try {
      const record = await getApi().call('recovery.score', { sessionId });
      set((s) => ({
        interrupted: s.interrupted.filter((i) => i.id !== sessionId),
        recoveryBusy: null,
      }));
      if (record) get().showRecord(record);
      else get().pushToast({ message: NOTHING_SAID, tone: 'info' });
    } catch (error) {
      set({
        recoveryBusy: null,
        recoveryError: { where: sessionId, message: errorMessage(error) },
      });
    }
  },

  discardInterrupted: async (sessionId) => {
    set({ recoveryBusy: sessionId, recoveryError: null });
    try {
      await getApi().call('recovery.discard', { sessionId });
      set((s) => ({
        interrupted: s.interrupted.filter((i) => i.id !== sessionId),
        recoveryBusy: null,
      }));
      get().pushToast({ message: 'The interrupted meeting was discarded.', tone: 'info' });
    } catch (error) {
      set({
        recoveryBusy: null,
        recoveryError: { where: sessionId, message: errorMessage(error) },
      });
    }
  },

  dismissProblems: () => set({ problemsDismissed: true }),
});
