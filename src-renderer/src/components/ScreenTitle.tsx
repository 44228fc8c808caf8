// A screen's h1. It takes focus (programmatically only) after navigation, so
// screen readers announce the new screen and Tab starts from the top of it.
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { claimHeadingFocus } from '../lib/focus';

export function ScreenTitle({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Before paint, so focus does not rest on the page between the loading line and the heading.
  useLayoutEffect(() => claimHeadingFocus(ref.current), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
