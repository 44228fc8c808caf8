// A screen's h1. It takes focus (programmatically only) after navigation, so
// screen readers announce the new screen and Tab starts from the top of it.
import { useEffect, useRef, type ReactNode } from 'react';
import { claimHeadingFocus } from '../lib/focus';

export function ScreenTitle({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => claimHeadingFocus(ref.current), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
