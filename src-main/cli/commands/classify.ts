// classify [TEXT] [--file FILE]: one JSON line per utterance.
import { checkReply } from '../../core/meeting/reply';
import { defaultClassifier } from '../../core/understanding/default';
import { InputError, readReplies, UsageError, type Command } from '../args';

export const classify: Command = ({ values, positionals }, io) => {
  if (positionals.length > 0 && values.file !== undefined) {
    throw new UsageError('give TEXT or --file, not both');
  }
  let utterances: string[];
  if (values.file !== undefined) utterances = readReplies(values.file);
  else if (positionals.length > 0) {
    try {
      utterances = [checkReply(positionals.join(' '))];
    } catch (error) {
      throw new InputError(`TEXT: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else throw new UsageError('classify needs TEXT or --file FILE');

  const classifier = defaultClassifier();
  for (const text of utterances) {
    const u = classifier.classify(text);
    io.out(
      JSON.stringify({
        text: u.text,
        behavior: u.behavior,
        group: u.group,
        confidence: u.confidence,
        cues: u.cues,
      }),
    );
  }
  return 0;
};
