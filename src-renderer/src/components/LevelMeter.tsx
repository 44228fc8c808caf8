// How loud the microphone is, shown while it is open so the rep can see it is
// live: a bar with role="meter" named "Microphone level". The value changes about ten times a
// second, but a meter is not a live region, so screen readers read it only
// when asked. The bar moves in steps with no transition (nothing to disable
// for reduced motion), and coarser steps when reduced motion is asked for.
import { useReducedMotion } from '../lib/media';

export function LevelMeter({ level }: { readonly level: number }) {
  const reduced = useReducedMotion();
  const steps = reduced ? 5 : 20;
  const shown = Math.round(Math.max(0, Math.min(1, level)) * steps) / steps;
  const percent = Math.round(shown * 100);
  const text = percent < 10 ? 'Quiet' : percent < 60 ? 'Speaking' : 'Loud';
  return (
    <div
      className="level-meter"
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
    >
      <div className="level-fill" style={{ transform: `scaleX(${shown})` }} />
    </div>
  );
}
