// The buyers on offer, as main listed them at start-up.
import { getApi } from '../bridge';
import type { ScenarioCard } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { Slice } from './types';

export interface ScenariosSlice {
  readonly scenarios: readonly ScenarioCard[];
  readonly scenariosLoaded: boolean;
  readonly scenariosError: string | null;
  loadScenarios(): Promise<void>;
}

export const scenariosSlice: Slice<ScenariosSlice> = (set) => ({
  scenarios: [],
  scenariosLoaded: false,
  scenariosError: null,
  loadScenarios: async () => {
    set({ scenariosError: null });
    try {
      const scenarios = await getApi().call('scenarios.list');
      set({ scenarios, scenariosLoaded: true });
    } catch (error) {
      set({ scenariosError: errorMessage(error), scenariosLoaded: true });
    }
  },
});
