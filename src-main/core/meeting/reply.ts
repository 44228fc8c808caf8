// Checking a rep's reply before the buyer hears it: the one place that decides
// what counts as a usable reply, for the command line and the app alike.
import { cleanText } from '../text/normalize';

export const MAX_REPLY_CHARACTERS = 4000;

export class ReplyError extends Error {
  override readonly name = 'ReplyError';
}

/** The reply with control characters removed, or a ReplyError saying what is wrong. */
export function checkReply(raw: string): string {
  if (raw.length > MAX_REPLY_CHARACTERS) {
    throw new ReplyError(
      `a reply can be at most ${MAX_REPLY_CHARACTERS} characters; this one has ${raw.length}`,
    );
  }
  const text = raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(cleanText(text))) {
    throw new ReplyError('a reply needs at least one word');
  }
  return text;
}
