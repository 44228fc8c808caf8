// Which screen is showing. `navSeq` changes on every navigation, even to the
// same screen, so the shell knows when to move focus to the new screen's heading.
import type { Slice } from './types';

export type Screen =
  | 'gallery'
  | 'meeting'
  | 'report'
  | 'history'
  | 'settings'
  | 'call'
  | 'team'
  | 'teamRoleplay'
  | 'teamBoard'
  | 'drills'
  | 'quickDrill'
  | 'track'
  | 'certificate';

export interface NavigationSlice {
  readonly screen: Screen;
  /** The session the report screen shows. */
  readonly reportSessionId: string | null;
  readonly navSeq: number;
  navigate(screen: Screen): void;
  /** Practise: back to the live meeting if there is one, else the gallery. */
  goPractise(): void;
}

export const navigationSlice: Slice<NavigationSlice> = (set, get) => ({
  screen: 'gallery',
  reportSessionId: null,
  navSeq: 0,
  navigate: (screen) => set((s) => ({ screen, navSeq: s.navSeq + 1 })),
  goPractise: () => {
    const view = get().view;
    get().navigate(view && !view.ended ? 'meeting' : 'gallery');
  },
});
