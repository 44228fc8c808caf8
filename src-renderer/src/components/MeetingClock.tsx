// Time since the meeting started, ticking each second. role="timer" is not
// announced by default, which is what we want: a screen reader can ask for it.
import { useEffect, useState } from 'react';
import { formatClock } from '../lib/format';

export function MeetingClock({
  startedAt,
  running,
}: {
  readonly startedAt: string;
  readonly running: boolean;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const start = Date.parse(startedAt);
  return (
    <div role="timer" aria-label="Meeting clock" aria-live="off" className="clock">
      {formatClock(Number.isNaN(start) ? 0 : now - start)}
    </div>
  );
}
