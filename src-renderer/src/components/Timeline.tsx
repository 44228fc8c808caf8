// The rep's turns as a strip of coloured segments, one per turn, coloured by
// behaviour group with a legend, a letter and (for pitch) stripes, so the group
// reads without colour. Each segment jumps to that turn's moment in the report.
import type { BehaviorGroup, SessionReport } from '../../../src-main/contract/api';
import { GROUP_LABEL, behaviorLabel } from '../lib/format';
import { revealAndFocus } from '../lib/focus';

const LETTER: Readonly<Record<BehaviorGroup, string>> = { value: 'V', neutral: 'N', pitch: 'P' };
const GROUPS: readonly BehaviorGroup[] = ['value', 'neutral', 'pitch'];

export function momentAnchor(turn: number): string {
  return `moment-${turn}`;
}

export function Timeline({ moments }: { readonly moments: SessionReport['moments'] }) {
  return (
    <>
      <ul className="legend" aria-label="Legend">
        {GROUPS.map((g) => (
          <li key={g}>
            <span className={`swatch g-${g}`} aria-hidden="true">
              {LETTER[g]}
            </span>
            {GROUP_LABEL[g]}
          </li>
        ))}
      </ul>
      <ol className="timeline" aria-label="Your turns">
        {moments.map((m) => (
          <li key={m.turn}>
            <button
              type="button"
              className={`segment g-${m.group}`}
              onClick={() =>
                revealAndFocus(
                  document.getElementById(momentAnchor(m.turn)),
                  document.getElementById(`${momentAnchor(m.turn)}-heading`),
                )
              }
            >
              <span className="visually-hidden">Turn </span>
              {m.turn}
              <span aria-hidden="true" className="segment-letter">
                {LETTER[m.group]}
              </span>
              <span className="visually-hidden">
                : {GROUP_LABEL[m.group].toLowerCase()}, {behaviorLabel(m.behavior).toLowerCase()}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
