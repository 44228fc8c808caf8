// Live answers to media queries (reduced motion, dark colour scheme), so charts
// and scrolling follow the system setting the moment it changes.
import { useSyncExternalStore } from 'react';
import type { Theme } from '../../../src-main/contract/api';

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}

/** The theme actually showing: "system" resolved against the OS preference. */
export function useResolvedTheme(theme: Theme): 'light' | 'dark' {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

/** Reads the preference outside React (for one-off scroll calls). */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
