// A drill's objectives, each met or not, with why: a quick drill's result and
// a meeting drill's verdict on its report.
import type { ObjectiveResult } from '../../../src-main/contract/api';

export function ObjectiveList({ objectives }: { readonly objectives: readonly ObjectiveResult[] }) {
  return (
    <ul className="objectives">
      {objectives.map((o) => (
        <li key={o.name}>
          <strong>
            {o.met ? '✓' : '✗'} {o.name}
          </strong>
          : {o.why}
        </li>
      ))}
    </ul>
  );
}
