// Which URLs are our own page. Pure, so the sender and navigation checks in
// main.ts can be tested without Electron.
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://first-meeting`;

export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === `${APP_SCHEME}:` &&
      url.host === 'first-meeting' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}
