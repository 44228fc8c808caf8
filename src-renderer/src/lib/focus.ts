// Moving focus for keyboard and screen-reader users: to the screen's heading
// after navigation, or to an element after the thing they were on went away.
import { prefersReducedMotion } from './media';

let headingFocusPending = false;

export function focusScreenHeading(): void {
  const heading = document.querySelector<HTMLElement>('#main h1');
  // A screen still loading its code has no heading yet: it takes focus when it
  // mounts, and until then its "Loading…" line holds focus, so focus is never
  // dropped to the page (where a screen reader loses its place).
  headingFocusPending = !heading;
  (heading ?? document.querySelector<HTMLElement>('#main [data-loading]'))?.focus({
    preventScroll: true,
  });
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

/**
 * Runs `run` once the element matching `selector` has focus (at once if it
 * already has), so what a screen reader says on the focus move cannot cut off
 * an announcement made just after it. If focus goes elsewhere instead, `run`
 * still happens after two frames: nothing is left unsaid. Returns a cancel.
 */
export function whenFocused(selector: string, run: () => void): () => void {
  const focused = () => document.activeElement?.matches(selector) ?? false;
  if (focused()) {
    run();
    return () => undefined;
  }
  let frame = 0;
  const onFocus = () => {
    if (focused()) finish();
  };
  const stop = () => {
    document.removeEventListener('focusin', onFocus);
    cancelAnimationFrame(frame);
  };
  const finish = () => {
    stop();
    run();
  };
  document.addEventListener('focusin', onFocus);
  frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(finish);
  });
  return stop;
}
