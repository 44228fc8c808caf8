// The learning record store as the app sees it: Settings' calls (status, save
// the credentials, Test connection, send now), the hooks that queue a
// result's statements (`enqueueSession`, `enqueueDrillAttempt`,
// `enqueueTrackCompletion`), and the background sender, which runs while
// `Send results` is on. Statements are queued only while it is on: turning it
// on does not ship a learner's whole history unasked (the CLI export does that).
// The secret goes to disk and to the store, never to the page or the log.
import type { LrsStatus, SessionRecord } from '../contract/api';
import {
  DEFAULT_BASE_IRI,
  drillAttemptStatements,
  normaliseBaseIri,
  repLearner,
  sessionOwner,
  sessionStatements,
  trackCompletionStatements,
  type DrillAttempt,
  type Learner,
  type TrackCompletion,
} from '../core/xapi/statements';
import type { SettingsStore } from '../services/settings';
import type { LogFile } from '../services/log';
import { LrsClient, checkEndpoint, type Fetch } from '../services/xapi/client';
import { CredentialStore, maskKey, type SecretCipher } from '../services/xapi/credentials';
import { uuidV5 } from '../services/xapi/ids';
import { Outbox } from '../services/xapi/outbox';
import { Uploader } from '../services/xapi/uploader';
import type { Disk } from '../services/storage/disk';
import type { LearnerStore } from '../services/drills/learners';
import { HostError } from './errors';

export interface XapiHostOptions {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly log: LogFile;
  /** The desktop app's safeStorage pair; browser mode has none (a 0600 file instead). */
  readonly cipher?: SecretCipher;
  readonly fetch?: Fetch;
  readonly disk?: Disk;
  /** Who the statements are about (services/drills/learners.ts). */
  readonly learners: Pick<LearnerStore, 'learners' | 'get'>;
}

export interface SaveCredentials {
  readonly endpoint: string;
  readonly key: string;
  readonly secret?: string;
  readonly baseIri?: string;
}

export class XapiHost {
  readonly outbox: Outbox;
  private readonly credentials: CredentialStore;
  private readonly uploader: Uploader;

  constructor(private readonly options: XapiHostOptions) {
    this.outbox = Outbox.in(options.dataDir, options.disk ? { disk: options.disk } : {});
    this.credentials = new CredentialStore(options.dataDir, options.cipher, options.disk);
    this.uploader = new Uploader({
      outbox: this.outbox,
      credentials: this.credentials,
      enabled: () => options.settings.get().sendResults,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** Sends what waits from an earlier run, if Send results is on. */
  start(): void {
    this.uploader.poke();
  }

  close(): void {
    this.uploader.close();
  }

  status(): LrsStatus {
    const config = this.credentials.read();
    const sending = this.uploader.status();
    return {
      endpoint: config?.endpoint ?? '',
      keyHint: config ? maskKey(config.key) : '',
      hasSecret: config !== undefined && config.secret.length > 0,
      baseIri: config?.baseIri ?? DEFAULT_BASE_IRI,
      secretKept: this.options.cipher ? 'encrypted' : 'userOnlyFile',
      sendResults: this.options.settings.get().sendResults,
      waiting: sending.waiting,
      setAside: sending.setAside,
      lastError: sending.lastError,
      lastSentAt: sending.lastSentAt,
    };
  }

  save(args: SaveCredentials): LrsStatus {
    let endpoint: string;
    let baseIri: string;
    try {
      endpoint = checkEndpoint(args.endpoint);
      baseIri = normaliseBaseIri(args.baseIri?.trim() || DEFAULT_BASE_IRI);
    } catch (error) {
      throw new HostError('invalid', capitalise((error as Error).message) + '.');
    }
    // Basic auth joins them with a colon, so the key cannot hold one (RFC 7617).
    if (args.key.includes(':')) throw new HostError('invalid', 'A key cannot contain a colon (:).');
    const secret = args.secret ?? this.credentials.read()?.secret;
    if (!secret) throw new HostError('invalid', 'Enter the secret the store gave with the key.');
    try {
      this.credentials.save({ endpoint, key: args.key.trim(), secret, baseIri });
    } catch (error) {
      throw new HostError(
        'storage',
        `The credentials could not be saved: ${(error as NodeJS.ErrnoException).code ?? 'disk error'}.`,
      );
    }
    this.uploader.poke();
    return this.status();
  }

  async test(): Promise<{ ok: boolean; message: string }> {
    const config = this.credentials.read();
    if (!config) return { ok: false, message: 'Save the endpoint, key and secret first.' };
    return new LrsClient(config, this.options.fetch).test();
  }

  async sendNow(): Promise<LrsStatus> {
    if (!this.options.settings.get().sendResults) {
      throw new HostError('invalid', 'Turn on Send results first.');
    }
    await this.uploader.sendNow();
    return this.status();
  }

  /** Send results was turned on or off. */
  settingsChanged(): void {
    this.uploader.poke();
  }

  enqueueSession(record: SessionRecord): void {
    // A session is its learner's (core/xapi: sessionOwner); with no learners, the rep's by name.
    const owner = sessionOwner(record.learnerId, this.options.learners.learners);
    const learner = owner
      ? { id: owner.id, name: owner.name }
      : repLearner(record.reps[0] ?? 'Rep');
    this.enqueue(`session ${record.id}`, (opts) => sessionStatements(record, learner, opts));
  }

  /** `learner` defaults to the one with the attempt's learnerId in the learner store. */
  enqueueDrillAttempt(attempt: DrillAttempt, learner = this.learnerById(attempt.learnerId)): void {
    this.enqueue(`drill attempt ${attempt.id}`, (opts) =>
      drillAttemptStatements(attempt, learner, opts),
    );
  }

  enqueueTrackCompletion(
    completion: TrackCompletion,
    learner = this.learnerById(completion.learnerId),
  ): void {
    this.enqueue(`track completion ${completion.id}`, (opts) =>
      trackCompletionStatements(completion, learner, opts),
    );
  }

  private learnerById(id: string): Learner {
    const learner = this.options.learners.get(id);
    return learner ? { id: learner.id, name: learner.name } : { id, name: id };
  }

  /**
   * Queues a result's statements when Send results is on. Never throws: the
   * result itself is already stored; a full disk here is logged and the CLI
   * export can still make the statements later.
   */
  private enqueue(
    what: string,
    build: (options: {
      baseIri: string;
      idFor: (name: string) => string;
    }) => ReturnType<typeof sessionStatements>,
  ): void {
    if (!this.options.settings.get().sendResults) return;
    try {
      const baseIri = this.credentials.read()?.baseIri ?? DEFAULT_BASE_IRI;
      const added = this.outbox.add(build({ baseIri, idFor: (name) => uuidV5(name) }));
      if (added > 0) this.uploader.poke();
    } catch (error) {
      this.options.log.write(
        `xapi: could not queue the statements for ${what}: ${(error as Error).message}`,
      );
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
