// The buyers on offer, as main lists them: the built-in scenarios and the
// organisation's own, the files that could not be used, and where own files go.
// The gallery asks again every few seconds, so a saved file shows up without a restart.
import { getApi } from '../bridge';
import type { ScenarioCard, ScenarioList, UnusableScenario } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { Slice } from './types';

export interface ScenariosSlice {
  readonly scenarios: readonly ScenarioCard[];
  readonly unusableScenarios: readonly UnusableScenario[];
  readonly ownScenarioFolder: string | null;
  readonly scenariosLoaded: boolean;
  readonly scenariosError: string | null;
  loadScenarios(): Promise<void>;
  /** Asks again in the background: a failure keeps what is shown (the next call says what is wrong). */
  refreshScenarios(): Promise<void>;
  showScenarios(list: ScenarioList): void;
}

export const scenariosSlice: Slice<ScenariosSlice> = (set, get) => ({
  scenarios: [],
  unusableScenarios: [],
  ownScenarioFolder: null,
  scenariosLoaded: false,
  scenariosError: null,
  loadScenarios: async () => {
    try {
      get().showScenarios(await getApi().call('scenarios.list'));
    } catch (error) {
      set({ scenariosError: errorMessage(error), scenariosLoaded: true });
    }
  },
  refreshScenarios: async () => {
    try {
      get().showScenarios(await getApi().call('scenarios.list'));
    } catch {
      // Quiet: the buyers already shown stay, and any action says why it failed.
    }
  },
  showScenarios: (list) => {
    const same =
      JSON.stringify([get().scenarios, get().unusableScenarios]) ===
      JSON.stringify([list.cards, list.unusable]);
    // Keep the same arrays when nothing changed, so the gallery does not re-render every poll.
    if (!same) set({ scenarios: list.cards, unusableScenarios: list.unusable });
    set({ ownScenarioFolder: list.ownFolder, scenariosLoaded: true, scenariosError: null });
  },
});
