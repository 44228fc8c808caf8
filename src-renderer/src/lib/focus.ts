// Moving focus for keyboard and screen-reader users: to the screen's heading
// after navigation, or to an element after the thing they were on went away.
import { prefersReducedMotion } from './media';

let headingFocusPending = false;

export function focusScreenHeading(): void {
  const heading = document.querySelector<HTMLElement>('#main h1');
  // A screen still loading its code has no heading yet: it takes focus when it mounts.
  headingFocusPending = !heading;
  heading?.focus({ preventScroll: true });
}

/** Called by a screen heading as it mounts: focuses it if navigation asked for that. */
export function claimHeadingFocus(heading: HTMLElement | null): void {
  if (!headingFocusPending || !heading) return;
  headingFocusPending = false;
  heading.focus({ preventScroll: true });
}

/**
 * Scrolls an element into view (smoothly only when motion is welcome) and
 * focuses it, or the element inside it that should take focus.
 */
export function revealAndFocus(
  element: HTMLElement | null,
  focusTarget?: HTMLElement | null,
): void {
  if (!element) return;
  element.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
  (focusTarget ?? element).focus({ preventScroll: true });
}
