// Help text for the command line, one entry per command.
import { BEHAVIORS, BEHAVIOR_DESCRIPTIONS, GROUP_OF } from '../core/behaviors/taxonomy';

export const COMMANDS = {
  practice: {
    usage:
      'practice [--scenario ID|FILE] [--difficulty easy|normal|hard] [--seed N] [--data-dir DIR] [--no-save]',
    summary: 'Hold a meeting in the terminal: type replies, read the report at the end.',
    details: `Asks for the scenario and difficulty when not given. Type /end to end the meeting.
The session is saved to the same History the app shows (the app's data folder,
or --data-dir DIR); --no-save keeps it out. With --json the conversation is
written to stderr and stdout gets one JSON object: the meeting, its report and
where it was saved.`,
  },
  classify: {
    usage: 'classify [TEXT] [--file FILE]',
    summary: 'Tag rep utterances with one of the thirteen behaviours.',
    details: `Prints each utterance with its behaviour, group, confidence and cues, for TEXT
or for each non-empty line of FILE (use --file - to read standard input).
--json prints one {"text","behavior","group","confidence","cues"} line each.

Behaviours (group):
${BEHAVIORS.map((b) => `  ${b.padEnd(22)} ${GROUP_OF[b].padEnd(8)} ${BEHAVIOR_DESCRIPTIONS[b]}`).join('\n')}`,
  },
  eval: {
    usage: 'eval FILE... | eval --metamorphic FILE... | eval --agreement FILE_A FILE_B',
    summary: 'Measure the classifier on labelled TSVs (label<TAB>text per line).',
    details: `For each FILE prints accuracy, macro-F1, group accuracy, per-behaviour
precision and recall, the group confusion matrix (rows = expected), the pitch
leak (share of pitch-group lines read as value) and the expected calibration
error with its reliability table. --json prints one JSON object per line per FILE.

--metamorphic wraps every pitch-group line in value words ("To be honest, X",
"What would change if X?"...) and every value-group line in "we" or "but", and
prints the share of variants that leave their group, per wrapper and overall.

--agreement compares two label files of the same texts (matched by text) and
prints Cohen's kappa overall, per group and per behaviour.`,
  },
  play: {
    usage: 'play --scenario ID|FILE --replies FILE [--seed N] [--difficulty easy|normal|hard]',
    summary: "Play the rep's replies (one per line) against a buyer persona and score the meeting.",
    details: `Plays until the replies run out or the buyer ends the meeting. The outcome is
advanced, declined, ended_by_buyer or open. --scenario takes a built-in id
(see 'scenarios') or the path of a scenario file.`,
  },
  score: {
    usage: 'score FILE [--rep NAME] [--format vtt|srt|otter|names|rep-buyer] [--json]',
    summary: 'Score a real call transcript, or a file of "REP: ..." and "BUYER: ..." lines.',
    details: `Reads Zoom and Microsoft Teams WebVTT, SRT, Otter text exports, "Name: words"
lines and REP:/BUYER: lines; the format is found from the content unless
--format says. --rep names the speaker who is the rep (any case, or a unique first
name); without it, a call with named speakers lists them and says which is most
likely the rep. Where the file has times, talk share, monologues and pauses are
measured from them; otherwise they are estimated from words, and the report's
metrics.timings says which. Prints the same report a practice session gets.`,
  },
  team: {
    usage:
      'team --scenario ID --reps "Ana,Ben,Chloe" --replies FILE [--rotation relay|each] [--turns N] [--seed N] [--difficulty easy|normal|hard]',
    summary: 'Play a team roleplay from a script: reps take turns against one buyer.',
    details: `--rotation relay (the default): one meeting, each rep takes --turns N turns
(default 1) in roster order; the replies are taken in order. --rotation each:
every rep holds the whole meeting against the same buyer and seed; the file holds
one block of replies per rep, separated by a line "---". In a script, "/event ID"
triggers one of the scenario's events (such as cfo_joins), "/next" hands over
early and "/skip" passes a turn (relay). Prints the turns and the team board;
--json prints {"scenario","rotation","reps":[{"name","turns","valueCreation",
"pitching","overall","talkShare","best","worst"}],"turns":[{"rep","text",
"behavior","group","buyer"}],"outcome"} (in each, reps[].outcome instead).`,
  },
  drill: {
    usage:
      'drill list | drill run DRILL_ID --replies FILE [--learner NAME] [--data-dir DIR] [--seed N]',
    summary: 'List the drills, or play one from a file of replies.',
    details: `drill list prints every drill with its id, kind (quick or meeting), track and
target; --json prints [{"id","kind","target","track"}]. drill run plays a drill:
a quick drill takes the file's first line as the answer; a meeting drill plays the
whole file against its scenario. It prints whether it passed, the score and each
objective with why; --json prints {"drill","kind","passed","score","objectives":
[{"name","met","why"}],"answer"}. With --learner NAME the attempt is recorded for
that learner in the data folder (the app's, or --data-dir DIR).`,
  },
  track: {
    usage: 'track show TRACK_ID --learner NAME [--data-dir DIR]',
    summary:
      "A learner's progress through a track: each module's status, best score and attempts left.",
    details: '',
  },
  certificate: {
    usage: 'certificate verify FILE',
    summary: "Check a certificate's verification code against its facts.",
    details:
      'Exits 0 when the code matches, 1 when the certificate was changed after it was issued.',
  },
  results: {
    usage:
      'results export [--learner NAME] [--data-dir DIR] | results import FILE [--data-dir DIR]',
    summary: "Move learners' drill results between machines as a results bundle.",
    details: `results export prints a bundle (JSON) of one learner's attempts and
certificates, or everyone's; redirect it to a file. results import merges a bundle
into the data folder by result id: nothing is duplicated and a second import adds
nothing. A damaged bundle, or one from a newer version of the app, is refused with
one line saying why, and nothing changes.`,
  },
  validate: {
    usage: 'validate [PATH...] [--data-dir DIR]',
    summary:
      'Check scenario files (or folders of them); one file:line:column: message per problem.',
    details: `With no PATH, checks the built-in scenarios and your own (the data folder's
scenarios folder), including ids that clash with a built-in one. Exits 0 when every
scenario is valid (warnings allowed), 1 otherwise.`,
  },
  new: {
    usage: 'new ID [--out FOLDER] [--data-dir DIR]',
    summary: 'Start a new scenario file from a working starter buyer.',
    details: `Writes FOLDER/ID.yaml and never overwrites a file. FOLDER defaults to the
data folder's scenarios folder (the app's, or --data-dir DIR), where the app lists
your organisation's own buyers beside the built-in ones and picks up changes
without a restart. Edit it, then check it with 'validate'.`,
  },
  scenarios: {
    usage: 'scenarios',
    summary: 'List the built-in scenarios.',
    details: '',
  },
  transcribe: {
    usage: 'transcribe FILE.wav [--engine auto|pocketsphinx|whisper] [--data-dir DIR]',
    summary: 'Print what a speech engine hears in a WAV recording.',
    details: `Any PCM WAV (8 to 32-bit, any rate, mono or stereo) is made 16 kHz mono and
streamed to the engine as the app does. --json prints
{"text","engine","audioSeconds","decodeSeconds"}. The engine defaults to the
one in Settings ("auto": whisper.cpp when it has a model, else pocketsphinx).
whisper.cpp models (ggml-*.bin) go in the data folder's models/ folder (the
app's data folder, or --data-dir DIR).`,
  },
  xapi: {
    usage: 'xapi export --learner NAME [--since YYYY-MM-DD] [--base-iri IRI] [--data-dir DIR]',
    summary: "Write a learner's results as xAPI 1.0.3 statements (JSON) for a learning system.",
    details: `Prints a JSON array of statements on stdout, oldest first: each practice
meeting (attempted, scored), drill attempt (attempted, passed or failed) and
finished track (completed, passed), with the same ids the app sends to a
learning record store, so importing twice changes nothing. --since keeps
results from that date on. Activity ids sit under --base-iri, or the one saved
in Settings, or https://first-meeting.app/xapi. NAME is a learner's name from
the data folder's learners file, or (before learners exist) a rep's name.

  npm run --silent cli -- xapi export --learner "Ana Ruiz" > statements.json`,
  },
} as const;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `First Meeting: practise the first meeting with a B2B buyer, offline.

Usage: npm run --silent cli -- COMMAND [options]

Commands:
${lines.join('\n')}

Options for every command:
  --json   print JSON instead of readable text
  --help   show help for a command

Run 'npm run --silent cli -- COMMAND --help' for a command's options.`;
}

export function commandHelp(name: CommandName): string {
  const c = COMMANDS[name];
  return `Usage: npm run --silent cli -- ${c.usage} [--json]

${c.summary}${c.details ? `\n\n${c.details}` : ''}`;
}
