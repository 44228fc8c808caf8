// One entry point for every call, whichever transport carried it (Electron
// IPC or the browser-mode WebSocket): check the name, validate the arguments,
// run the handler and answer with an envelope. Nothing thrown escapes. What
// reaches the page is words: a full or read-only disk says so and what to do,
// and an unexpected error is logged here in detail and answered without any
// path, code or stack.
import {
  isCallName,
  type CallArgs,
  type CallName,
  type CallResult,
  type Envelope,
} from '../contract/api';
import { checkArgs } from '../contract/validate';
import { HostError, errorKindOf, internalMessage, storageMessage } from './errors';
import type { SessionHost } from './session-host';
import type { SpeechHost } from './speech-host';
import type { CallHost } from './call-host';
import type { DrillsHost } from './drills-host';
import type { TeamHost } from './team-host';
import type { XapiHost } from './xapi-host';

export type Handlers = {
  readonly [K in CallName]: (args: CallArgs<K>) => CallResult<K> | Promise<CallResult<K>>;
};

/** What only a shell can do for the host (Electron opens folders; browser mode cannot). */
export interface ShellEffects {
  readonly openFolder?: (path: string) => Promise<void>;
  /** Saves the page on show as a PDF where the user chooses; the path, or null if they cancelled. */
  readonly printToPdf?: (fileName: string) => Promise<string | null>;
}

export function handlersFor(
  host: SessionHost,
  speech: SpeechHost,
  calls: CallHost,
  teams: TeamHost,
  drills: DrillsHost,
  xapi: XapiHost,
  effects: ShellEffects = {},
): Handlers {
  /** A meeting became live: get the speech model loaded before the rep speaks. */
  const warm = <T>(view: T): T => {
    speech.warm();
    return view;
  };
  return {
    'app.info': () => ({ ...host.info(), interruptedTeams: teams.interrupted() }),
    'app.log': () => host.logTail(),
    'app.openScenarioFolder': async () => {
      if (!effects.openFolder) {
        throw new HostError('invalid', 'Only the desktop app can open folders; its path is shown.');
      }
      await effects.openFolder(host.ownScenarioFolder());
      return null;
    },
    'app.printToPdf': async ({ fileName }) => {
      if (!effects.printToPdf) {
        throw new HostError(
          'invalid',
          "Only the desktop app saves PDFs itself; use your browser's print dialog (Save as PDF).",
        );
      }
      return effects.printToPdf(fileName);
    },
    'scenarios.list': () => host.scenarios(),
    'session.start': (args) => warm(host.start(args)),
    'session.current': () => host.current(),
    'session.reply': (args) => {
      if (args.utteranceId === undefined) return host.reply(args);
      const timing = speech.claim(args.utteranceId, args.sessionId);
      const view = host.reply({ ...args, source: 'spoken' }, timing);
      speech.spend(args.utteranceId);
      return view;
    },
    'session.end': (args) => {
      speech.forget(args.sessionId);
      return host.end(args);
    },
    'session.replay': (args) => warm(host.replay(args)),
    'recovery.resume': (args) => warm(host.resume(args)),
    'recovery.score': (args) => host.score(args),
    'recovery.discard': (args) => {
      host.discard(args);
      return null;
    },
    'history.list': (args) => host.history(args),
    'history.progress': ({ scenarioId }) => host.progress(scenarioId),
    'history.get': ({ sessionId }) => {
      if (teams.has(sessionId))
        throw new HostError('invalid', 'That is a team roleplay: open its board (team.board).');
      return host.record(sessionId);
    },
    'history.delete': ({ sessionId }) => {
      if (teams.has(sessionId)) teams.delete(sessionId);
      else host.deleteSession(sessionId);
      return null;
    },
    'history.undoDelete': ({ sessionId }) => {
      if (!teams.undoDelete(sessionId)) host.undoDelete(sessionId);
      return null;
    },
    'history.exportSession': ({ sessionId }) => host.exportSession(sessionId),
    'history.exportCsv': () => host.exportCsv(),
    'speech.status': () => speech.status(),
    'speech.begin': (args) =>
      speech.begin(
        args,
        teams.hasLive(args.sessionId)
          ? teams.clock(args.sessionId)
          : (drills.speechClock(args.sessionId) ?? host.clock(args.sessionId)),
      ),
    'speech.audio': (args) => speech.audio(args),
    'speech.finish': (args) => speech.finish(args),
    'speech.cancel': (args) => speech.cancel(args),
    'settings.get': () => host.settings(),
    'settings.set': (patch) => {
      const settings = host.updateSettings(patch);
      if (patch.sendResults !== undefined) xapi.settingsChanged();
      return settings;
    },
    'call.begin': (args) => calls.begin(args),
    'call.text': (args) => calls.text(args),
    'call.preview': (args) => calls.preview(args),
    'call.score': (args) => calls.score(args),
    'call.cancel': (args) => calls.cancel(args),
    'team.start': (args) => warm(teams.start(args)),
    'team.current': () => teams.current(),
    'team.act': (args) => {
      const { action } = args;
      if (action.type !== 'turn' || action.utteranceId === undefined) return teams.act(args);
      // A spoken turn: the utterance must be this roleplay's; it is spent once answered.
      speech.claim(action.utteranceId, args.teamId);
      const view = teams.act({ ...args, action: { ...action, source: 'spoken' } });
      speech.spend(action.utteranceId);
      return view;
    },
    'team.end': (args) => {
      speech.forget(args.teamId);
      return teams.end(args);
    },
    'team.board': ({ teamId }) => teams.board(teamId),
    'team.repReport': (args) => teams.repReport(args),
    'team.rosters': () => teams.rosters(),
    'team.resume': (args) => warm(teams.resume(args)),
    'team.discard': (args) => {
      teams.discard(args);
      return null;
    },
    'team.exportCsv': ({ teamId }) => teams.exportCsv(teamId),
    'team.exportLabels': ({ teamId }) => teams.exportLabels(teamId),
    'learners.list': () => drills.learners(),
    'learners.add': (args) => drills.addLearner(args),
    'learners.choose': (args) => drills.chooseLearner(args),
    'drills.overview': (args) => drills.overview(args),
    'drills.quick': (args) => drills.quick(args),
    'drills.answer': (args) => drills.answer(args),
    'drills.startMeeting': (args) => warm(drills.startMeeting(args)),
    'results.export': (args) => drills.exportResults(args),
    'results.import': (args) => drills.importResults(args),
    'lrs.status': () => xapi.status(),
    'lrs.save': (args) => xapi.save(args),
    'lrs.test': () => xapi.test(),
    'lrs.sendNow': () => xapi.sendNow(),
  };
}

export type Log = (message: string) => void;

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  args: unknown,
  log: Log = (message) => console.error(message),
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return {
      ok: false,
      error: {
        kind: 'invalid',
        message: `Unknown call ${JSON.stringify(typeof name === 'string' ? name : typeof name).slice(0, 80)}`,
      },
    };
  }
  const checked = checkArgs(name, args);
  if (!checked.ok) return { ok: false, error: { kind: 'invalid', message: checked.message } };
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    const value = await handler(checked.args);
    return { ok: true, value: value ?? null };
  } catch (error) {
    const kind = errorKindOf(error);
    const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
    switch (kind) {
      case 'internal':
        log(`${name} failed: ${details}`);
        return { ok: false, error: { kind, message: internalMessage(name) } };
      case 'storage':
        if (error instanceof HostError)
          return { ok: false, error: { kind, message: error.message } };
        log(`${name} could not write: ${details}`);
        return { ok: false, error: { kind, message: storageMessage(name, error) } };
      default:
        return { ok: false, error: { kind, message: (error as Error).message } };
    }
  }
}
