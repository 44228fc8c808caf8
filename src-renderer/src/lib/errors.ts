// Turns whatever a failed call threw into a sentence a person can read.
import { ApiError } from '../bridge';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || (error instanceof Error && error.message))
    return sentence(error.message);
  return 'Something went wrong. Please try again.';
}

/** Main's messages are written lower-case to be embedded; on their own they read as sentences. */
function sentence(message: string): string {
  const text = message.trim();
  if (!text) return 'Something went wrong. Please try again.';
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
