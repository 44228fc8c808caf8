// What the buyer gave away during the meeting (needs, objections, checking
// out), each with the words that showed it and when.
import type { SessionReport } from '../../../src-main/contract/api';

type Signal = SessionReport['buyerSignals'][number];

const KIND_LABEL: Readonly<Record<Signal['kind'], string>> = {
  explicit_need: 'Explicit need',
  implied_need: 'Implied need',
  objection: 'Objection',
  disengagement: 'Checking out',
};

export function BuyerSignals({ signals }: { readonly signals: readonly Signal[] }) {
  if (signals.length === 0)
    return (
      <p>The buyer did not state a need or raise an objection in words the report could read.</p>
    );
  return (
    <ul className="signals">
      {signals.map((signal, i) => (
        <li key={i}>
          <strong>{KIND_LABEL[signal.kind] ?? signal.kind}</strong>: <q>{signal.cue}</q> (
          {signal.afterTurn === 0 ? 'in the opening' : `after turn ${signal.afterTurn}`})
        </li>
      ))}
    </ul>
  );
}
