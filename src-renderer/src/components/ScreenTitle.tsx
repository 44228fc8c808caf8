// A screen's h1. It takes focus (programmatically only) after navigation, so
// screen readers announce the new screen and Tab starts from the top of it.
import type { ReactNode } from 'react';

export function ScreenTitle({ children }: { readonly children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
