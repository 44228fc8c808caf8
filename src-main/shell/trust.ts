// Which URLs are our own page, and which file an app:// request may read.
// Pure, so the sender, navigation and protocol checks in main.ts can be
// tested without Electron.
import { resolveStaticFile } from '../host/security';
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

/** The renderer file an app:// request names, or null (another host, a path out of `root`, a bad URL). */
export function appRequestFile(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppUrl(url.href)) return null;
  return resolveStaticFile(root, url.pathname);
}

/**
 * The one permission the app grants: the microphone, for spoken replies, to
 * our own page only. Camera, screen, notifications, location and everything
 * else are refused, as is any request from another origin.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: unknown,
  mediaTypes: readonly string[] | undefined,
): boolean {
  if (permission !== 'media' || !isAppUrl(requestingUrl)) return false;
  // A check (no media types given) may ask generally; a request must be audio only.
  if (mediaTypes === undefined) return true;
  return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');
}
