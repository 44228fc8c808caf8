// The app's clock for drills and tracks: the system's, moved by
// FIRST_MEETING_DAYS_AHEAD days when that is set (a whole number), so a test
// or a demo can show what tomorrow's drills will be without waiting.
import type { Clock } from '../core/drills/types';

export function clockFrom(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env.FIRST_MEETING_DAYS_AHEAD;
  const days = raw !== undefined && /^-?\d{1,4}$/.test(raw.trim()) ? Number(raw) : 0;
  return { now: () => new Date(Date.now() + days * 86_400_000) };
}
