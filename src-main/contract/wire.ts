// The browser-mode wire format: the contract's calls as WebSocket messages.
// The page connects to WIRE_PATH with the launch token in the query string,
// sends one CallMessage per call and gets one AnswerMessage back with the same id.
import type { CallName, Envelope } from './api';

export const WIRE_PATH = '/api';
/** The query parameter (page URL and WebSocket URL) that carries the per-launch token. */
export const TOKEN_PARAM = 'token';

export interface CallMessage {
  readonly id: number;
  readonly call: CallName;
  readonly args: unknown;
}

export interface AnswerMessage {
  readonly id: number;
  readonly envelope: Envelope<unknown>;
}
