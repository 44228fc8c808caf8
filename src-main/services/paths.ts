// Where the app keeps its data when nobody says otherwise. It matches the
// folder Electron gives an app named "first-meeting" (app.getPath('userData')),
// so the desktop app and browser mode share one history.
import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const APP_FOLDER = 'first-meeting';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.FIRST_MEETING_DATA) return env.FIRST_MEETING_DATA;
  const home = homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
  }
}

/**
 * The folder holding package.json and scenarios/. Found by walking up from
 * this module, because the same code runs from src-main/ under tests and from
 * a bundle in out/main/ (at whatever depth the bundler put it).
 */
export function projectRoot(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `First Meeting's folder (with package.json and scenarios/) is not above ${from}`,
      );
    dir = parent;
  }
}
