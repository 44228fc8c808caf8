// classify [TEXT] [--file FILE]: the behaviour each utterance shows, as
// readable text, or one JSON line per utterance with --json.
import { checkReply } from '../../core/meeting/reply';
import { defaultClassifier } from '../../core/understanding/default';
import { InputError, nameOf, readReplies, UsageError, type Command } from '../args';

export const classify: Command = ({ values, positionals, json }, io) => {
  if (positionals.length > 0 && values.file !== undefined) {
    throw new UsageError('give TEXT or --file, not both');
  }
  let utterances: string[];
  if (values.file !== undefined) {
    utterances = readReplies(values.file);
    if (utterances.length === 0) {
      throw new InputError(`${nameOf(values.file)}: nothing to classify (one utterance per line)`);
    }
  } else if (positionals.length > 0) {
    try {
      utterances = [checkReply(positionals.join(' '))];
    } catch (error) {
      throw new InputError(`TEXT: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else throw new UsageError('classify needs TEXT or --file FILE');

  const classifier = defaultClassifier();
  const readable: string[] = [];
  for (const text of utterances) {
    const u = classifier.classify(text);
    if (json) {
      io.out(
        JSON.stringify({
          text: u.text,
          behavior: u.behavior,
          group: u.group,
          confidence: u.confidence,
          cues: u.cues,
        }),
      );
      continue;
    }
    const lines = [u.text, `  ${u.behavior} (${u.group}), confidence ${u.confidence.toFixed(2)}`];
    if (u.cues.length > 0) lines.push(`  Cues: ${u.cues.join('; ')}`);
    readable.push(lines.join('\n'));
  }
  if (!json) io.out(readable.join('\n\n'));
  return 0;
};
