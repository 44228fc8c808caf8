// The screen-reader channel of a meeting: a hidden polite log that receives
// only the buyer's new lines (the opening of a fresh meeting, then each
// answer), so the rep hears the buyer without the rest of the screen.
import { useState } from 'react';
import type { SessionView } from '../../../src-main/contract/api';

const KEEP = 5;

export function BuyerLog({ view }: { readonly view: SessionView }) {
  // Lines already on screen when the log appeared (after a reload) are not news.
  const [baseline] = useState(() => view.turns.length);
  const lines: { key: string; text: string }[] = [];
  if (baseline === 0) lines.push({ key: 'opening', text: view.opening });
  for (const turn of view.turns.slice(baseline))
    if (turn.buyer) lines.push({ key: `turn-${turn.n}`, text: turn.buyer });
  return (
    <div role="log" aria-live="polite" className="visually-hidden">
      {lines.slice(-KEEP).map((line) => (
        <p key={line.key}>{line.text}</p>
      ))}
    </div>
  );
}
