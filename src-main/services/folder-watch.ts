// Watching a folder of the user's files (their own scenarios) so a change is
// picked up without restarting. fs.watch fires several events per save, and
// not at all on some network drives, so events are debounced and a slow poll
// of the folder's listing backs them up.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface FolderWatch {
  close(): void;
}

/** Calls `changed` (at most once per `settleMs`) when a file in `dir` is added, removed or edited. */
export function watchFolder(
  dir: string,
  changed: () => void,
  { settleMs = 250, pollMs = 1500 }: { settleMs?: number; pollMs?: number } = {},
): FolderWatch {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let last = fingerprint(dir);
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      last = fingerprint(dir);
      changed();
    }, settleMs);
    timer.unref();
  };
  const start = () => {
    if (watcher || !existsSync(dir)) return;
    try {
      watcher = watch(dir, { persistent: false }, fire);
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      watcher = undefined; // the poll still notices
    }
  };
  start();
  const poll = setInterval(() => {
    start();
    const now = fingerprint(dir);
    if (now !== last) fire();
  }, pollMs);
  poll.unref();
  return {
    close() {
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

/** Names, sizes and times of the folder's files: changes when any of them does. */
function fingerprint(dir: string): string {
  try {
    return readdirSync(dir)
      .sort()
      .map((name) => {
        const stat = statSync(join(dir, name));
        return `${name}:${stat.size}:${stat.mtimeMs}`;
      })
      .join('|');
  } catch {
    return '';
  }
}
