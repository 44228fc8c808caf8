// Errors the host answers a call with. Each becomes an envelope with a kind
// the UI can act on and a message a rep can read; nothing else crosses the wire.
import type { ErrorKind } from '../contract/api';
import { ReplyError } from '../core/meeting/reply';
import { DamagedFileError, NotFoundError } from '../services/storage/session-store';

export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof HostError) return error.kind;
  if (error instanceof ReplyError) return 'invalid';
  if (error instanceof NotFoundError || error instanceof DamagedFileError) return 'not_found';
  return 'internal';
}
