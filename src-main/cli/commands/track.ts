// track show TRACK_ID --learner NAME: a learner's progress through a track.
// certificate verify FILE: checks a certificate's verification code.
import { readTextFile } from '../../services/files';
import { verifyCertificate, type Certificate } from '../../core/tracks/certificate';
import { trackProgress } from '../../core/tracks/progress';
import { sha256 } from '../../services/drills/learners';
import { InputError, nameOf, one, readInput, UsageError, type Command } from '../args';
import { drillLibraryFor, learnerFor } from './drill';

export const track: Command = ({ positionals, values, json }, io) => {
  const [sub, ...rest] = positionals;
  if (sub !== 'show') throw new UsageError('track takes show TRACK_ID --learner NAME');
  const id = one(rest, 'track show', 'TRACK_ID');
  const library = drillLibraryFor(values);
  const file = library.track(id);
  if (!file)
    throw new InputError(
      `unknown track "${id}"; tracks: ${library.tracks.map((t) => t.track.id).join(', ') || 'none'}`,
    );
  const { store, learnerId } = learnerFor(values);
  const progress = trackProgress(file, library.bank, store.attempts(learnerId));
  const learner = store.get(learnerId);
  const certificate = store.certificates(learnerId).find((c) => c.track.id === id);
  if (json) {
    io.out(
      JSON.stringify({ learner: learner?.name, ...progress, certificate: certificate ?? null }),
    );
    return 0;
  }
  const lines = [
    `${progress.title} for ${learner?.name ?? ''}: ${progress.modulesPassed} of ${progress.modules.length} modules passed${progress.passed ? ' (track passed)' : ''}`,
  ];
  for (const m of progress.modules) {
    const left = m.meeting.map(
      (d) => `${d.attemptsLeft} attempt${d.attemptsLeft === 1 ? '' : 's'} left on ${d.title}`,
    );
    lines.push(
      `  ${m.locked ? '[locked] ' : ''}${m.title}: ${m.status}${m.bestScore !== null ? `, best ${m.bestScore}` : ''}${left.length > 0 ? `; ${left.join(', ')}` : ''}`,
    );
  }
  if (certificate)
    lines.push('', `Certificate ${certificate.verificationCode}, ${certificate.date}`);
  io.out(lines.join('\n'));
  return 0;
};

export const certificate: Command = ({ positionals, json }, io) => {
  const [sub, ...rest] = positionals;
  if (sub !== 'verify') throw new UsageError('certificate takes verify FILE');
  const path = one(rest, 'certificate verify', 'FILE');
  let value: Certificate;
  try {
    value = JSON.parse(path === '-' ? readInput(path) : readTextFile(path)) as Certificate;
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new InputError(`${nameOf(path)}: not a certificate (not valid JSON)`);
    throw error;
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    value.format !== 'first-meeting-certificate' ||
    !Array.isArray(value.modules)
  )
    throw new InputError(`${nameOf(path)}: not a First Meeting certificate`);
  const valid = verifyCertificate(value, sha256);
  if (json) io.out(JSON.stringify({ valid, code: value.verificationCode }));
  else
    io.out(
      valid
        ? `Valid: ${value.learner.name} passed ${value.track.title} on ${value.date} (code ${value.verificationCode}).`
        : `Not valid: the certificate's facts do not match its code ${value.verificationCode}; it was changed after it was issued.`,
    );
  return valid ? 0 : 1;
};
