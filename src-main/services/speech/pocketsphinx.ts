// The pocketsphinx engine: CMU's small offline recogniser, loaded in process
// from the system's libpocketsphinx (and libsphinxbase) through koffi (FFI with
// prebuilt binaries, no compiler). One decoder stays loaded between
// utterances. Audio is decoded as it streams in, so when the rep stops only
// the end of the utterance is left to do; every native call runs on koffi's
// worker threads (the event loop stays free) through one strict queue per
// decoder (pocketsphinx is not thread-safe: one call at a time, in order).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import type { IKoffiLib, KoffiFunction } from 'koffi';
import type { SpeechEngineStatus } from '../../contract/api';
import { LevelMeter } from './audio';
import { SpeechError, type Recognition, type SpeechEngine, type Utterance } from './engine';

export const POCKETSPHINX_LIB_ENV = 'FIRST_MEETING_POCKETSPHINX_LIB';
export const POCKETSPHINX_MODEL_ENV = 'FIRST_MEETING_POCKETSPHINX_MODEL';

const LABEL = 'PocketSphinx (fast, basic accuracy)';

/**
 * Decoder options beyond the model files. Chosen on test/fixtures/speech/
 * tuning.txt only (40 sentences, flite voices slt and rms, 80 utterances, fed
 * in 0.25 s chunks; finish = time from the last chunk to the words, streamed
 * at twice real time; 2 cores; the held-out set was not run while tuning):
 *
 *   options                                   WER    RTF    finish
 *   defaults (-fwdflat yes -bestpath yes)     0.115  0.27   234 ms
 *   -fwdflat no                               0.121  0.26    62 ms   <- chosen
 *   -fwdflat no -bestpath no                  0.135  0.22    47 ms
 *   -fwdflat no -lw 8                         0.139  0.20    46 ms
 *   -fwdflat no -beam 1e-60 -wbeam 1e-40      0.120  0.32   127 ms
 *
 * The second pass (fwdflat) buys half a point of WER for almost a quarter
 * second of waiting after every reply, which the rep feels; best-path
 * rescoring is nearly free and helps; wider beams cost time for nothing.
 */
export const DECODER_OPTIONS: readonly (readonly [string, string])[] = [['-fwdflat', 'no']];

/** Most samples handed to the decoder in one native call (half a second). */
const MAX_SAMPLES_PER_CALL = 8000;

export interface PocketsphinxPaths {
  /** libpocketsphinx. */
  readonly library: string;
  /** libsphinxbase, for the 0.8/5prealpha releases that split it out; null for 5.x. */
  readonly sphinxbase: string | null;
  /** The model folder: en-us/ (acoustic model), en-us.lm.bin, cmudict-en-us.dict. */
  readonly model: string;
}

type Found<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

const LIB_NAMES: Record<string, readonly string[]> = {
  linux: ['libpocketsphinx.so.3', 'libpocketsphinx.so.5', 'libpocketsphinx.so'],
  darwin: ['libpocketsphinx.dylib', 'libpocketsphinx.3.dylib', 'libpocketsphinx.5.dylib'],
  win32: ['pocketsphinx.dll'],
};
const SPHINXBASE_NAMES: Record<string, readonly string[]> = {
  linux: ['libsphinxbase.so.3', 'libsphinxbase.so'],
  darwin: ['libsphinxbase.dylib', 'libsphinxbase.3.dylib'],
  win32: ['sphinxbase.dll'],
};

function installHint(platform: string): string {
  if (platform === 'darwin') return 'install it with "brew install cmu-pocketsphinx"';
  if (platform === 'linux')
    return 'install it with "sudo apt install pocketsphinx pocketsphinx-en-us"';
  return `not packaged for ${platform}; use whisper.cpp instead`;
}

function libraryFolders(env: NodeJS.ProcessEnv, platform: string, arch: string): string[] {
  const fromEnv = (name: string): string[] =>
    (env[name] ?? '').split(delimiter).filter((d) => d !== '');
  if (platform === 'darwin') {
    return [
      ...fromEnv('DYLD_LIBRARY_PATH'),
      '/opt/homebrew/lib',
      '/usr/local/lib',
      '/opt/local/lib',
    ];
  }
  if (platform === 'linux') {
    const triplet =
      arch === 'arm64' ? 'aarch64-linux-gnu' : arch === 'x64' ? 'x86_64-linux-gnu' : '';
    return [
      ...fromEnv('LD_LIBRARY_PATH'),
      ...(triplet ? [`/usr/lib/${triplet}`, `/lib/${triplet}`] : []),
      '/usr/lib64',
      '/usr/lib',
      '/usr/local/lib',
    ];
  }
  return fromEnv('PATH');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function firstIn(folders: readonly string[], names: readonly string[]): string | null {
  for (const folder of folders) {
    for (const name of names) {
      const path = join(folder, name);
      if (isFile(path)) return path;
    }
  }
  return null;
}

/** libpocketsphinx (and libsphinxbase if it has one), from the env override or where systems put them. */
export function findLibrary(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
  arch: string = process.arch,
): Found<{ library: string; sphinxbase: string | null }> {
  const names = LIB_NAMES[platform] ?? LIB_NAMES.linux ?? [];
  const baseNames = SPHINXBASE_NAMES[platform] ?? [];
  const override = env[POCKETSPHINX_LIB_ENV];
  let library: string | null;
  let folders: string[];
  if (override) {
    if (!existsSync(override)) {
      return { ok: false, why: `${POCKETSPHINX_LIB_ENV} is ${override}, which does not exist` };
    }
    library = isFile(override) ? override : firstIn([override], names);
    if (!library) {
      return {
        ok: false,
        why: `no ${names[0] ?? 'pocketsphinx library'} in ${override} (${POCKETSPHINX_LIB_ENV})`,
      };
    }
    folders = [dirname(library)];
  } else {
    folders = libraryFolders(env, platform, arch);
    library = firstIn(folders, names);
    if (!library) {
      return {
        ok: false,
        why: `the pocketsphinx library is not installed; ${installHint(platform)}`,
      };
    }
  }
  // sphinxbase sits next to pocketsphinx, or anywhere the loader looks; 5.x has none.
  const sphinxbase =
    firstIn([dirname(library)], baseNames) ??
    firstIn(libraryFolders(env, platform, arch), baseNames);
  return { ok: true, value: { library, sphinxbase } };
}

const MODEL_FILES = ['en-us/mdef', 'en-us.lm.bin', 'cmudict-en-us.dict'];

/** The US English model folder, from the env override or where the packages put it. */
export function findModel(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): Found<string> {
  const override = env[POCKETSPHINX_MODEL_ENV];
  const missing = (dir: string): string[] => MODEL_FILES.filter((f) => !isFile(join(dir, f)));
  if (override) {
    if (!existsSync(override)) {
      return { ok: false, why: `${POCKETSPHINX_MODEL_ENV} is ${override}, which does not exist` };
    }
    const lacking = missing(override);
    return lacking.length === 0
      ? { ok: true, value: override }
      : { ok: false, why: `${override} (${POCKETSPHINX_MODEL_ENV}) lacks ${lacking.join(', ')}` };
  }
  const candidates =
    platform === 'darwin'
      ? [
          '/opt/homebrew/share/pocketsphinx/model/en-us',
          '/usr/local/share/pocketsphinx/model/en-us',
        ]
      : ['/usr/share/pocketsphinx/model/en-us', '/usr/local/share/pocketsphinx/model/en-us'];
  const found = candidates.find((dir) => missing(dir).length === 0);
  if (found) return { ok: true, value: found };
  const hint =
    platform === 'linux'
      ? 'install it with "sudo apt install pocketsphinx-en-us"'
      : installHint(platform);
  return { ok: false, why: `the US English model is not installed; ${hint}` };
}

/** The native functions the engine calls, declared once per loaded library. */
interface Native {
  readonly libs: IKoffiLib[];
  readonly init: KoffiFunction;
  readonly startUtt: KoffiFunction;
  readonly processRaw: KoffiFunction;
  readonly endUtt: KoffiFunction;
  readonly getHyp: KoffiFunction;
  readonly free: KoffiFunction;
  /** Builds the decoder's configuration (null when pocketsphinx rejects it). */
  config(paths: PocketsphinxPaths): unknown;
  freeConfig(config: unknown): void;
}

interface KoffiModule {
  load(path: string): IKoffiLib;
}

function declare(
  paths: PocketsphinxPaths,
  decoderOptions: readonly (readonly [string, string])[],
): Native {
  const require = createRequire(import.meta.url);
  const koffi = require('koffi') as KoffiModule;
  const libs: IKoffiLib[] = [];
  const base = paths.sphinxbase ? koffi.load(paths.sphinxbase) : null;
  if (base) libs.push(base);
  const ps = koffi.load(paths.library);
  libs.push(ps);
  const tryFunc = (lib: IKoffiLib | null, decl: string): KoffiFunction | null => {
    if (!lib) return null;
    try {
      return lib.func(decl);
    } catch {
      return null;
    }
  };
  const native = {
    libs,
    init: ps.func('void* ps_init(void* config)'),
    startUtt: ps.func('int ps_start_utt(void* ps)'),
    processRaw: ps.func(
      'int ps_process_raw(void* ps, const int16_t* data, size_t n, int no_search, int full_utt)',
    ),
    endUtt: ps.func('int ps_end_utt(void* ps)'),
    getHyp: ps.func('const char* ps_get_hyp(void* ps, _Out_ int32_t* score)'),
    free: ps.func('int ps_free(void* ps)'),
  };
  const settings = (p: PocketsphinxPaths): [string, string][] => [
    ['-hmm', join(p.model, 'en-us')],
    ['-lm', join(p.model, 'en-us.lm.bin')],
    ['-dict', join(p.model, 'cmudict-en-us.dict')],
    ['-logfn', process.platform === 'win32' ? 'NUL' : '/dev/null'],
    ...decoderOptions.map(([k, v]) => [k, v] as [string, string]),
  ];

  // 0.8 / 5prealpha: cmd_ln_init (in sphinxbase, or in pocketsphinx itself).
  const cmdLnInit =
    tryFunc(base, 'void* cmd_ln_init(void* inout, void* defn, int strict, ...)') ??
    tryFunc(ps, 'void* cmd_ln_init(void* inout, void* defn, int strict, ...)');
  const psArgs = tryFunc(ps, 'void* ps_args()');
  const cmdLnFree =
    tryFunc(base, 'int cmd_ln_free_r(void* cmdln)') ??
    tryFunc(ps, 'int cmd_ln_free_r(void* cmdln)');
  if (cmdLnInit && psArgs && cmdLnFree) {
    return {
      ...native,
      config(p) {
        // Varargs go as type/value pairs, ended by a null string.
        const pairs = settings(p).flatMap(([k, v]) => ['str', k, 'str', v]);
        return cmdLnInit(null, psArgs(), 1, ...pairs, 'str', null) as unknown;
      },
      freeConfig(config) {
        cmdLnFree(config);
      },
    };
  }
  // 5.x: ps_config_* with option names without the dash.
  const configInit = tryFunc(ps, 'void* ps_config_init(void* defn)');
  const configSet = tryFunc(
    ps,
    'void* ps_config_set_str(void* config, const char* name, const char* val)',
  );
  const configFree = tryFunc(ps, 'int ps_config_free(void* config)');
  if (configInit && configSet && configFree) {
    return {
      ...native,
      config(p) {
        const config = configInit(null) as unknown;
        if (!config) return null;
        for (const [k, v] of settings(p)) {
          // Options this release lacks are skipped (the set returns null); the model ones must take.
          const set = configSet(config, k.slice(1), v) as unknown;
          if (!set && ['-hmm', '-lm', '-dict'].includes(k)) {
            configFree(config);
            return null;
          }
        }
        return config;
      },
      freeConfig(config) {
        configFree(config);
      },
    };
  }
  throw new SpeechError(
    `${paths.library}: not a pocketsphinx library this app can drive (no cmd_ln_init or ps_config_init)`,
  );
}

/** A native call on koffi's worker thread. */
function callAsync<T>(fn: KoffiFunction, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (error: unknown, result: T) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
  });
}

/** One job at a time, in the order queued; a failed job does not stop the next. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

interface Decoder {
  readonly native: Native;
  readonly config: unknown;
  readonly handle: unknown;
}

export interface PocketsphinxOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Decoder options instead of DECODER_OPTIONS (tuning). */
  readonly decoderOptions?: readonly (readonly [string, string])[];
}

export class PocketsphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx' as const;
  private readonly env: NodeJS.ProcessEnv;
  private readonly decoderOptions: readonly (readonly [string, string])[];
  private readonly queue = new SerialQueue();
  private decoder: Decoder | null = null;
  private loading: Promise<Decoder> | null = null;
  private loadError: string | null = null;
  private active: PocketsphinxUtterance | null = null;
  /** Seconds the last model load took (for the bench and docs). */
  loadSeconds: number | null = null;

  constructor(options: PocketsphinxOptions = {}) {
    this.env = options.env ?? process.env;
    this.decoderOptions = options.decoderOptions ?? DECODER_OPTIONS;
  }

  /** Where the library and model are, or why the engine cannot run. */
  locate(): Found<PocketsphinxPaths> {
    const library = findLibrary(this.env);
    const model = findModel(this.env);
    if (!library.ok && !model.ok) return { ok: false, why: `${library.why}; ${model.why}` };
    if (!library.ok) return library;
    if (!model.ok) return model;
    return { ok: true, value: { ...library.value, model: model.value } };
  }

  status(): SpeechEngineStatus {
    const where = this.locate();
    if (!where.ok)
      return { name: this.name, label: LABEL, available: false, detail: capitalise(where.why) };
    if (this.loadError) {
      return { name: this.name, label: LABEL, available: false, detail: this.loadError };
    }
    const { model, library } = where.value;
    return {
      name: this.name,
      label: LABEL,
      available: true,
      detail: `US English model found at ${model}; library ${library}`,
    };
  }

  warm(): Promise<void> {
    return this.load().then(() => undefined);
  }

  begin(): Utterance {
    const where = this.locate();
    if (!where.ok) throw new SpeechError(`PocketSphinx cannot run: ${where.why}`);
    if (this.loadError) throw new SpeechError(this.loadError);
    // A new utterance replaces one still being heard (the rep started again).
    if (this.active?.isOpen()) this.active.cancel();
    const utterance = new PocketsphinxUtterance(this.queue, () => this.load());
    this.active = utterance;
    return utterance;
  }

  async close(): Promise<void> {
    if (this.active?.isOpen()) this.active.cancel();
    this.active = null;
    const pending = this.loading;
    this.loading = null;
    await this.queue.run(async () => {
      const decoder = this.decoder ?? (pending ? await pending.catch(() => null) : null);
      this.decoder = null;
      if (!decoder) return;
      await callAsync(decoder.native.free, decoder.handle);
      decoder.native.freeConfig(decoder.config);
    });
  }

  private load(): Promise<Decoder> {
    if (this.decoder) return Promise.resolve(this.decoder);
    if (!this.loading) {
      this.loading = this.loadNow().then(
        (decoder) => {
          this.decoder = decoder;
          return decoder;
        },
        (error: unknown) => {
          this.loading = null;
          throw error;
        },
      );
    }
    return this.loading;
  }

  private async loadNow(): Promise<Decoder> {
    const where = this.locate();
    if (!where.ok) throw new SpeechError(`PocketSphinx cannot run: ${where.why}`);
    const paths = where.value;
    const started = performance.now();
    let native: Native;
    try {
      native = declare(paths, this.decoderOptions);
    } catch (error) {
      this.loadError =
        error instanceof SpeechError
          ? error.message
          : `${paths.library}: could not be loaded (${error instanceof Error ? error.message : String(error)})`;
      throw new SpeechError(this.loadError);
    }
    const config = native.config(paths);
    if (!config) {
      throw new SpeechError(`PocketSphinx rejected its settings (model ${paths.model})`);
    }
    const handle = await callAsync<unknown>(native.init, config);
    if (!handle) {
      native.freeConfig(config);
      throw new SpeechError(`PocketSphinx could not load the model at ${paths.model}`);
    }
    this.loadSeconds = (performance.now() - started) / 1000;
    return { native, config, handle };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type State = 'open' | 'finishing' | 'done' | 'cancelled';

class PocketsphinxUtterance implements Utterance {
  private state: State = 'open';
  private readonly meter = new LevelMeter();
  private decodeMs = 0;
  /** The first native failure, reported by finish(). */
  private failure: Error | null = null;
  private readonly started: Promise<Decoder | null>;

  constructor(
    private readonly queue: SerialQueue,
    load: () => Promise<Decoder>,
  ) {
    this.started = this.queue
      .run(async () => {
        const decoder = await load();
        if (this.state === 'cancelled') return null;
        await this.timed(async () => {
          if ((await callAsync<number>(decoder.native.startUtt, decoder.handle)) < 0) {
            throw new SpeechError('PocketSphinx could not start an utterance');
          }
        });
        return decoder;
      })
      .catch((error: unknown) => {
        this.fail(error);
        return null;
      });
  }

  isOpen(): boolean {
    return this.state === 'open';
  }

  write(pcm: Int16Array): void {
    if (this.state === 'cancelled') return;
    if (this.state !== 'open') throw new SpeechError('audio arrived after the utterance finished');
    if (pcm.length === 0) return;
    this.meter.push(pcm);
    for (let at = 0; at < pcm.length; at += MAX_SAMPLES_PER_CALL) {
      // A copy: the caller may reuse its buffer, and the native call runs later.
      const piece = pcm.slice(at, at + MAX_SAMPLES_PER_CALL);
      void this.queue.run(async () => {
        const decoder = await this.started;
        if (!decoder || this.state === 'cancelled' || this.failure) return;
        await this.timed(async () => {
          const n = await callAsync<number>(
            decoder.native.processRaw,
            decoder.handle,
            piece,
            piece.length,
            0,
            0,
          );
          if (n < 0) throw new SpeechError('PocketSphinx failed to decode the audio');
        }).catch((error: unknown) => this.fail(error));
      });
    }
  }

  finish(): Promise<Recognition> {
    if (this.state === 'cancelled') {
      return Promise.reject(new SpeechError('the utterance was cancelled'));
    }
    if (this.state !== 'open')
      return Promise.reject(new SpeechError('the utterance already finished'));
    this.state = 'finishing';
    return this.queue.run(async () => {
      const decoder = await this.started;
      let text = '';
      if (decoder) {
        text = await this.timed(async () => {
          await callAsync<number>(decoder.native.endUtt, decoder.handle);
          const score = [0];
          return (
            (await callAsync<string | null>(decoder.native.getHyp, decoder.handle, score)) ?? ''
          );
        });
      }
      if (this.state === 'cancelled') throw new SpeechError('the utterance was cancelled');
      this.state = 'done';
      if (this.failure) throw this.failure;
      // Noise the decoder read as words is still no speech.
      if (this.meter.analysis().silent) text = '';
      return { text: text.trim(), decodeSeconds: this.decodeMs / 1000 };
    });
  }

  cancel(): void {
    if (this.state === 'finishing') {
      // The decoder ends the utterance anyway; finish() drops the words.
      this.state = 'cancelled';
      return;
    }
    if (this.state !== 'open') return;
    this.state = 'cancelled';
    // End the decoder's utterance so the next one starts clean; pending audio is skipped.
    void this.queue.run(async () => {
      const decoder = await this.started;
      if (decoder) await callAsync<number>(decoder.native.endUtt, decoder.handle).catch(() => 0);
    });
  }

  private async timed<T>(job: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await job();
    } finally {
      this.decodeMs += performance.now() - started;
    }
  }

  private fail(error: unknown): void {
    this.failure ??=
      error instanceof SpeechError
        ? error
        : new SpeechError(
            `PocketSphinx failed: ${error instanceof Error ? error.message : String(error)}`,
          );
  }
}
