// Errors the host answers a call with. Each becomes an envelope with a kind
// the UI can act on and a message a rep can read; nothing else crosses the wire.
// Messages are words: no paths, codes or stacks (those go to the log file).
import type { CallName, ErrorKind } from '../contract/api';
import { ReplyError } from '../core/meeting/reply';
import { diskProblemOf, type DiskProblem } from '../services/storage/disk';
import {
  ConflictError,
  DamagedFileError,
  DataFolderError,
  NotFoundError,
} from '../services/storage/session-store';

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
  if (error instanceof ConflictError) return 'conflict';
  if (error instanceof DataFolderError || diskProblemOf(error)) return 'storage';
  return 'internal';
}

/** What could not be done, by call, for a storage error's first words. */
const SUBJECTS: Partial<Record<CallName, string>> = {
  'session.start': 'The meeting could not be started',
  'session.reply': 'Your last reply could not be saved',
  'session.end': 'The meeting could not be stored',
  'session.replay': 'The replay could not be started',
  'recovery.resume': 'The meeting could not be resumed',
  'recovery.score': 'The meeting could not be scored and stored',
  'recovery.discard': 'The meeting could not be discarded',
  'history.delete': 'The session could not be deleted',
  'history.undoDelete': 'The session could not be restored',
  'settings.set': 'Your settings could not be saved',
};

const CAUSES: Record<DiskProblem, string> = {
  full: 'the disk is full',
  'read-only': 'the data folder is on a read-only disk',
  denied: 'First Meeting is not allowed to write to its data folder',
  failing: 'the disk reported an error',
};

const REMEDIES: Record<DiskProblem, string> = {
  full: 'Free some space and',
  'read-only': 'Make the data folder writable and',
  denied: "Check the data folder's permissions and",
  failing: 'Check the disk and',
};

/** A storage failure in words a rep can act on: what failed, why, and what to do. */
export function storageMessage(call: CallName, error: unknown): string {
  const problem = diskProblemOf(error) ?? 'failing';
  const subject = SUBJECTS[call] ?? 'That could not be saved';
  const again = call === 'session.reply' ? 'press Send again' : 'try again';
  return `${subject}: ${CAUSES[problem]}. ${REMEDIES[problem]} ${again}.`;
}

/** For an unexpected failure: no details on the page, where to find them instead. */
export function internalMessage(call: CallName): string {
  return `Something went wrong (${call}). Nothing you made was lost; the details are in the log file (Settings shows it).`;
}
