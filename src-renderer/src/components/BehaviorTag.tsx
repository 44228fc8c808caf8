// A rep turn's behaviour as a small pill, coloured by its group, with the
// group in words too so colour is never the only cue.
import type { Behavior, BehaviorGroup } from '../../../src-main/contract/api';
import { GROUP_LABEL, behaviorLabel } from '../lib/format';

export function BehaviorTag({
  behavior,
  group,
}: {
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
}) {
  return (
    <span className={`tag tag-${group}`}>
      {behaviorLabel(behavior)}
      {/* "Pitch · pitch" says nothing twice: name the group only when the words differ. */}
      {behavior !== group && ` · ${GROUP_LABEL[group].toLowerCase()}`}
    </span>
  );
}
