// Name-based statement ids: UUID v5 (RFC 9562, SHA-1) in the app's own
// namespace, so the same result always gives the same statement id.
import { createHash } from 'node:crypto';

/** The app's namespace UUID (itself UUID v5 of https://first-meeting.app/xapi in the URL namespace). */
const NAMESPACE = 'f695dd61-e7f6-566b-8a99-2c4e377ebcf4';

export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
