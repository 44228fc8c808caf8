// Where the app keeps its data when nobody says otherwise. It matches the
// folder Electron gives an app named "first-meeting" (app.getPath('userData')),
// so the desktop app and browser mode share one history.
import { homedir } from 'node:os';
import { join } from 'node:path';

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
