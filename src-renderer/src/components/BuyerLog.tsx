// The screen-reader channel of a meeting: a hidden polite log, present (and
// empty) from the start of the app, that receives only what the rep should
// hear of the buyer. A meeting that opens is introduced once its heading has
// focus (so the heading's announcement does not cut it off): a fresh meeting
// with the buyer's opening, a replay with "Replay from turn N" and the buyer's
// last line, a meeting come back to with where it stands. Then each new answer
// is added as it arrives; the walk-out line waits until See report has focus.
import { useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../../src-main/contract/api';
import { whenFocused } from '../lib/focus';
import { useStore } from '../store';

const KEEP = 5;
const HEADING = '#main h1';
const SEE_REPORT = '[data-see-report]';

interface Line {
  readonly key: number;
  readonly text: string;
}

/** What the rep hears when a meeting comes on screen. */
export function introduction(view: SessionView): string[] {
  const last = [...view.turns].reverse().find((t) => t.buyer)?.buyer ?? view.opening;
  if (view.replayOf) return [`Replay from turn ${view.replayOf.fromTurn}.`, last];
  if (view.turns.length === 0) return [view.opening];
  return [`The meeting continues at turn ${view.turns.length + 1}.`, last];
}

export function BuyerLog() {
  const view = useStore((s) => (s.screen === 'meeting' ? s.view : null));
  const [lines, setLines] = useState<readonly Line[]>([]);
  /** The meeting on show and how many of its turns have been announced (or queued). */
  const heard = useRef<{ id: string; turns: number } | null>(null);
  const nextKey = useRef(0);
  const pending = useRef<(() => void)[]>([]);

  useEffect(() => {
    const add = (id: string, texts: readonly string[]) => {
      if (heard.current?.id !== id) return;
      setLines((now) =>
        [...now, ...texts.map((text) => ({ key: nextKey.current++, text }))].slice(-KEEP),
      );
    };
    const later = (selector: string, id: string, texts: readonly string[]) =>
      pending.current.push(whenFocused(selector, () => add(id, texts)));

    if (!view) {
      heard.current = null;
      pending.current.splice(0).forEach((cancel) => cancel());
      setLines([]);
      return;
    }
    if (heard.current?.id !== view.id) {
      pending.current.splice(0).forEach((cancel) => cancel());
      heard.current = { id: view.id, turns: view.turns.length };
      setLines([]);
      later(HEADING, view.id, introduction(view));
      return;
    }
    const fresh = view.turns.slice(heard.current.turns).flatMap((t) => (t.buyer ? [t.buyer] : []));
    heard.current = { id: view.id, turns: view.turns.length };
    if (fresh.length === 0) return;
    if (view.ended) later(SEE_REPORT, view.id, fresh);
    else add(view.id, fresh);
  }, [view]);

  useEffect(() => () => pending.current.forEach((cancel) => cancel()), []);

  return (
    <div role="log" aria-live="polite" aria-label="What the buyer says" className="visually-hidden">
      {lines.map((line) => (
        <p key={line.key}>{line.text}</p>
      ))}
    </div>
  );
}
