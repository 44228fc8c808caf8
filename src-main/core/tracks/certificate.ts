// A certificate for a passed track: who, which track, when, each module's
// score, and a verification code, a hash over exactly those facts in a fixed
// order, so changing any of them changes the code. The hash is given by the
// caller (SHA-256 in services): the core does not touch Node's crypto.
import type { TrackProgress } from './progress';

export const CERTIFICATE_FORMAT = 'first-meeting-certificate' as const;

export interface Certificate {
  readonly format: typeof CERTIFICATE_FORMAT;
  readonly version: 1;
  readonly learner: { readonly id: string; readonly name: string };
  readonly track: { readonly id: string; readonly title: string };
  /** The day the last module was passed (YYYY-MM-DD). */
  readonly date: string;
  readonly modules: readonly {
    readonly id: string;
    readonly title: string;
    readonly score: number;
  }[];
  readonly verificationCode: string;
}

/** The text the code is a hash of: every fact, in one order, one per line. */
export function certificateFacts(c: Omit<Certificate, 'verificationCode'>): string {
  return [
    `${c.format} v${c.version}`,
    `learner ${c.learner.id} ${c.learner.name}`,
    `track ${c.track.id} ${c.track.title}`,
    `date ${c.date}`,
    ...c.modules.map((m) => `module ${m.id} ${m.score} ${m.title}`),
  ].join('\n');
}

/** The code as people read it: the hash's first 20 hex digits in groups of four. */
export function codeOf(facts: string, sha256: (text: string) => string): string {
  return (sha256(facts).slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

export function certificateFor(
  progress: TrackProgress,
  learner: { readonly id: string; readonly name: string },
  date: string,
  sha256: (text: string) => string,
): Certificate | undefined {
  if (!progress.passed) return undefined;
  const body = {
    format: CERTIFICATE_FORMAT,
    version: 1 as const,
    learner: { id: learner.id, name: learner.name },
    track: { id: progress.id, title: progress.title },
    date,
    modules: progress.modules.map((m) => ({ id: m.id, title: m.title, score: m.bestScore ?? 0 })),
  };
  return { ...body, verificationCode: codeOf(certificateFacts(body), sha256) };
}

/** Whether a certificate's code matches its facts. */
export function verifyCertificate(c: Certificate, sha256: (text: string) => string): boolean {
  const { verificationCode, ...body } = c;
  return codeOf(certificateFacts(body), sha256) === verificationCode;
}
