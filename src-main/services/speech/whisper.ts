// The whisper.cpp engine, through the prebuilt N-API binding from npm
// (@fugood/node-whisper-<platform>-<arch>, an optional dependency loaded
// lazily, so a computer without it still runs the app). Whisper is far more
// accurate than pocketsphinx but not incremental: the utterance is buffered
// as it streams in and decoded when the rep stops. The model file is the
// rep's: chosen in Settings, or the first valid *.bin in the models folder.
// Every file is checked before native code sees it, so a wrong or truncated
// file gives a clear message instead of crashing the process.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import type { IKoffiLib } from 'koffi';
import type { SpeechEngineStatus } from '../../contract/api';
import { LevelMeter, toFloat32 } from './audio';
import { SpeechError, type Recognition, type SpeechEngine, type Utterance } from './engine';

const LABEL = 'whisper.cpp (accurate, needs a model file)';
export const MODEL_SOURCE = 'https://huggingface.co/ggerganov/whisper.cpp';
export const SUGGESTED_MODEL = 'ggml-base.en.bin';

/** The binding's package for this computer. */
export function bindingPackage(
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return `@fugood/node-whisper-${platform}-${arch}`;
}

/** What the binding offers (the parts used here; see the package's lib/binding.ts). */
interface TranscribeResult {
  readonly result: string;
  readonly isAborted?: boolean;
}
export interface WhisperDecodeOptions {
  readonly language?: string;
  readonly maxThreads?: number;
  readonly beamSize?: number;
  readonly bestOf?: number;
  readonly temperatureInc?: number;
  readonly prompt?: string;
}
interface NativeContext {
  transcribeData(
    audio: ArrayBuffer,
    options: WhisperDecodeOptions,
  ): { stop: () => Promise<void>; promise: Promise<TranscribeResult> };
  release(): Promise<void>;
}
interface Binding {
  readonly WhisperContext: {
    new (options: { filePath: string; useGpu: boolean }): NativeContext;
    toggleNativeLog?: (enable: boolean, callback?: (level: string, text: string) => void) => void;
  };
}

type Found<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

export interface WhisperModelInfo {
  readonly path: string;
  /** tiny, base, small, medium or large, from the layer count. */
  readonly size: string;
  readonly english: boolean;
}

const GGML_MAGIC = 0x67676d6c;
/** Enough of a model's head to hold the hyper-parameters, mel filters and vocabulary. */
const HEAD_BYTES = 4 * 1024 * 1024;
const SIZES: Record<number, string> = {
  4: 'tiny',
  6: 'base',
  12: 'small',
  24: 'medium',
  32: 'large',
};
const checked = new Map<string, { stamp: string; result: Found<WhisperModelInfo> }>();

/**
 * Whether `path` is a whisper.cpp ggml model: the magic number, sane
 * hyper-parameters, and mel filters and a vocabulary that fit in the file.
 * Reads only the file's head (cached by size and time), so status stays cheap.
 */
export function checkWhisperModel(path: string): Found<WhisperModelInfo> {
  let size: number;
  let stamp: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, why: `${path}: not a file` };
    size = stat.size;
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return { ok: false, why: `${path}: no such file` };
  }
  const cached = checked.get(path);
  if (cached?.stamp === stamp) return cached.result;
  const result = inspectModel(path, size);
  checked.set(path, { stamp, result });
  return result;
}

function inspectModel(path: string, size: number): Found<WhisperModelInfo> {
  const bad = (what: string): Found<WhisperModelInfo> => ({
    ok: false,
    why: `${path}: ${what}; get a ggml model (such as ${SUGGESTED_MODEL}) from ${MODEL_SOURCE}`,
  });
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(Math.min(size, HEAD_BYTES));
      const n = readSync(fd, head, 0, head.length, 0);
      head = head.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return {
      ok: false,
      why: `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
  if (head.length < 4 || head.readUInt32LE(0) !== GGML_MAGIC) {
    return bad('not a whisper.cpp model (no ggml magic number)');
  }
  if (head.length < 4 + 11 * 4 + 8) return bad('a truncated whisper.cpp model');
  const h = Array.from({ length: 11 }, (_, i) => head.readInt32LE(4 + i * 4));
  const [
    nVocab,
    audioCtx,
    audioState,
    audioHead,
    audioLayer,
    textCtx,
    textState,
    textHead,
    textLayer,
    nMels,
    ftype,
  ] = h as [number, number, number, number, number, number, number, number, number, number, number];
  const sane =
    nVocab > 1000 &&
    nVocab < 100_000 &&
    [audioCtx, audioState, audioHead, audioLayer, textCtx, textState, textHead, textLayer].every(
      (v) => v > 0 && v <= 10_000,
    ) &&
    (nMels === 80 || nMels === 128) &&
    ftype >= 0 &&
    ftype % 1000 <= 64;
  if (!sane) return bad('not a whisper.cpp model (its header makes no sense)');
  let at = 48;
  const filterMels = head.readInt32LE(at);
  const filterFft = head.readInt32LE(at + 4);
  at += 8;
  if (filterMels !== nMels || filterFft <= 0 || filterFft > 4096) {
    return bad('not a whisper.cpp model (bad mel filters)');
  }
  at += filterMels * filterFft * 4;
  if (at + 4 > head.length) return bad('a truncated whisper.cpp model');
  const storedTokens = head.readInt32LE(at);
  at += 4;
  if (storedTokens <= 0 || storedTokens > nVocab) {
    return bad('not a whisper.cpp model (bad vocabulary)');
  }
  for (let i = 0; i < storedTokens; i++) {
    if (at + 4 > head.length) {
      return head.length < size
        ? bad('a whisper.cpp model with an oversized vocabulary')
        : bad('a truncated whisper.cpp model');
    }
    const length = head.readUInt32LE(at);
    at += 4 + length;
    if (length > 1024 || at > head.length) return bad('a truncated or corrupt whisper.cpp model');
  }
  return {
    ok: true,
    value: { path, size: SIZES[audioLayer] ?? `${audioLayer}-layer`, english: nVocab === 51864 },
  };
}

export interface WhisperOptions {
  /** Where the rep puts model files (`<dataDir>/models`). */
  readonly modelsDir: string;
  /** The `whisperModel` setting (a path; empty for the models folder), or a reader of it. */
  readonly whisperModel?: string | (() => string);
  /** The binding's package name (tests point it at one that does not exist). */
  readonly binding?: string;
  /** Decoder options over the defaults (language en, threads from the cores). */
  readonly decode?: WhisperDecodeOptions;
  /**
   * Leave whisper.cpp's native log on. Off by default: toggleNativeLog(false),
   * plus whisper.cpp's log pointed at the binding's own (native) callback,
   * which honours that switch; see quietNativeLog. Never pass a JS log
   * callback: the synchronous model load then deadlocks waiting for it.
   */
  readonly nativeLog?: boolean;
}

interface Loaded {
  readonly path: string;
  readonly context: NativeContext;
}

/** Annotations whisper writes for non-speech: [BLANK_AUDIO], (music), *laughs*. */
const NON_SPEECH = /\[[^\]]*\]|\([^)]*\)|\*[^*]*\*/g;

export class WhisperEngine implements SpeechEngine {
  readonly name = 'whisper' as const;
  private readonly options: WhisperOptions;
  private readonly bindingName: string;
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  private bindingError: string | null = null;
  private loadedBinding: Binding | null = null;
  private modelErrors = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private active: WhisperUtterance | null = null;
  /** Seconds the last model load took (for the bench and docs). */
  loadSeconds: number | null = null;

  constructor(options: WhisperOptions) {
    this.options = options;
    this.bindingName = options.binding ?? bindingPackage();
  }

  /** Whether the binding's package is installed (resolved, not loaded). */
  bindingInstalled(): boolean {
    try {
      createRequire(import.meta.url).resolve(this.bindingName);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Loads the binding (not a model) to prove it runs on this computer; null
   * when it does, else why not. Cached: a native module loads once.
   */
  checkBinding(): string | null {
    try {
      this.binding();
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** The model the rep chose, or the first valid one in the models folder. */
  findModel(): Found<WhisperModelInfo> {
    const setting =
      typeof this.options.whisperModel === 'function'
        ? this.options.whisperModel()
        : (this.options.whisperModel ?? '');
    if (setting.trim() !== '') {
      const checkedModel = checkWhisperModel(setting.trim());
      return checkedModel.ok
        ? checkedModel
        : { ok: false, why: `the model chosen in Settings is unusable: ${checkedModel.why}` };
    }
    let names: string[] = [];
    try {
      names = readdirSync(this.options.modelsDir)
        .filter((n) => n.toLowerCase().endsWith('.bin'))
        .sort();
    } catch {
      names = [];
    }
    let firstProblem: string | null = null;
    for (const name of names) {
      const result = checkWhisperModel(join(this.options.modelsDir, name));
      if (result.ok) return result;
      firstProblem ??= result.why;
    }
    return {
      ok: false,
      why:
        firstProblem ??
        `no model file: download one (such as ${SUGGESTED_MODEL}) from ${MODEL_SOURCE} and put it in ${this.options.modelsDir}, or choose one in Settings`,
    };
  }

  status(): SpeechEngineStatus {
    const unavailable = (detail: string): SpeechEngineStatus => ({
      name: this.name,
      label: LABEL,
      available: false,
      detail,
    });
    if (this.bindingError) return unavailable(this.bindingError);
    if (!this.bindingInstalled()) {
      return unavailable(
        `whisper.cpp is not available for this computer (${this.bindingName} is not installed)`,
      );
    }
    const model = this.findModel();
    if (!model.ok) return unavailable(capitalise(model.why));
    const refused = this.modelErrors.get(model.value.path);
    if (refused) return unavailable(refused);
    const { path, size, english } = model.value;
    return {
      name: this.name,
      label: LABEL,
      available: true,
      detail: `Model ${basename(path)} (${size}${english ? ', English only' : ', multilingual'}) at ${path}`,
    };
  }

  warm(): Promise<void> {
    return this.load().then(() => undefined);
  }

  begin(): Utterance {
    const model = this.findModel();
    if (!model.ok) throw new SpeechError(`whisper.cpp cannot run: ${model.why}`);
    if (this.bindingError) throw new SpeechError(this.bindingError);
    if (this.active?.isOpen()) this.active.cancel();
    const utterance = new WhisperUtterance((audio, abort) => this.decode(audio, abort));
    this.active = utterance;
    return utterance;
  }

  async close(): Promise<void> {
    if (this.active?.isOpen()) this.active.cancel();
    this.active = null;
    const pending = this.loading;
    this.loading = null;
    await this.serial(async () => {
      const loaded = this.loaded ?? (pending ? await pending.catch(() => null) : null);
      this.loaded = null;
      if (loaded) await loaded.context.release();
    });
  }

  private binding(): Binding {
    if (this.bindingError) throw new SpeechError(this.bindingError);
    if (this.loadedBinding) return this.loadedBinding;
    try {
      const binding = createRequire(import.meta.url)(this.bindingName) as Binding;
      if (!this.options.nativeLog) {
        binding.WhisperContext.toggleNativeLog?.(false);
        quietNativeLog(createRequire(import.meta.url).resolve(this.bindingName));
      }
      this.loadedBinding = binding;
      return binding;
    } catch (error) {
      this.bindingError = `whisper.cpp could not be loaded (${this.bindingName}: ${
        error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
      })`;
      throw new SpeechError(this.bindingError);
    }
  }

  /** The loaded context for the current model; a changed setting reloads. */
  private load(): Promise<Loaded> {
    const model = this.findModel();
    if (!model.ok) return Promise.reject(new SpeechError(`whisper.cpp cannot run: ${model.why}`));
    const path = model.value.path;
    if (this.loaded?.path === path) return Promise.resolve(this.loaded);
    this.loading ??= this.serial(async () => {
      if (this.loaded?.path === path) return this.loaded;
      if (this.loaded) {
        await this.loaded.context.release();
        this.loaded = null;
      }
      const binding = this.binding();
      const refused = this.modelErrors.get(path);
      if (refused) throw new SpeechError(refused);
      const started = performance.now();
      let context: NativeContext;
      try {
        context = new binding.WhisperContext({ filePath: path, useGpu: false });
      } catch (error) {
        const message = `${path}: whisper.cpp could not load this model (${
          error instanceof Error ? error.message : String(error)
        })`;
        this.modelErrors.set(path, message);
        throw new SpeechError(message);
      }
      this.loadSeconds = (performance.now() - started) / 1000;
      this.loaded = { path, context };
      return this.loaded;
    }).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async decode(audio: Float32Array, abort: AbortSignal): Promise<string> {
    const loaded = await this.load();
    return this.serial(async () => {
      if (abort.aborted) return '';
      const job = loaded.context.transcribeData(audio.buffer as ArrayBuffer, {
        language: 'en',
        maxThreads: Math.max(1, Math.min(4, cpus().length)),
        ...this.options.decode,
      });
      const stop = (): void => {
        void job.stop().catch(() => undefined);
      };
      abort.addEventListener('abort', stop, { once: true });
      try {
        const result = await job.promise;
        return result.isAborted || abort.aborted ? '' : result.result;
      } finally {
        abort.removeEventListener('abort', stop);
      }
    });
  }
}

interface KoffiModule {
  load(path: string): IKoffiLib;
  proto(definition: string): Parameters<IKoffiLib['symbol']>[1];
}
const quieted = new Set<string>();

/** The binding's native log callback (it drops lines while the log is toggled off), per C++ ABI. */
const NATIVE_LOG_CALLBACK = [
  '_Z27whisper_native_log_callback14ggml_log_levelPKcPv',
  '?whisper_native_log_callback@@YAXW4ggml_log_level@@PEBDPEAX@Z',
];

/**
 * toggleNativeLog(false) silences the binding's callback, but whisper.cpp
 * only uses that callback once it is installed; until then it prints its
 * model-loading lines (about 35 per load) straight to stderr, past any
 * capture. Installing it is one native call through koffi (already needed for
 * pocketsphinx): whisper_log_set(the binding's callback). Best effort: a
 * binding built differently keeps its chatter, nothing else changes.
 */
function quietNativeLog(bindingPath: string): void {
  // whisper.cpp's log is one per process; koffi refuses a type declared twice.
  if (quieted.has(bindingPath)) return;
  quieted.add(bindingPath);
  try {
    const koffi = createRequire(import.meta.url)('koffi') as KoffiModule;
    const lib = koffi.load(bindingPath);
    const setLog = lib.func('void whisper_log_set(void *callback, void *user)');
    const proto = koffi.proto('void whisper_quiet_log_t(int level, const char *text, void *user)');
    for (const name of NATIVE_LOG_CALLBACK) {
      let callback: unknown;
      try {
        callback = lib.symbol(name, proto);
      } catch {
        continue;
      }
      setLog(callback, null);
      return;
    }
  } catch {
    // No koffi, or no such symbol: the log stays as the binding left it.
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whisper's text as the rep said it: annotations dropped, spaces tidied. */
export function cleanWhisperText(text: string): string {
  return text.replace(NON_SPEECH, ' ').replace(/\s+/g, ' ').trim();
}

type State = 'open' | 'finishing' | 'done' | 'cancelled';

class WhisperUtterance implements Utterance {
  private state: State = 'open';
  private readonly chunks: Int16Array[] = [];
  private readonly meter = new LevelMeter();
  private readonly abort = new AbortController();

  constructor(
    private readonly decode: (audio: Float32Array, abort: AbortSignal) => Promise<string>,
  ) {}

  isOpen(): boolean {
    return this.state === 'open';
  }

  write(pcm: Int16Array): void {
    if (this.state === 'cancelled') return;
    if (this.state !== 'open') throw new SpeechError('audio arrived after the utterance finished');
    if (pcm.length === 0) return;
    this.chunks.push(pcm.slice());
    this.meter.push(pcm);
  }

  async finish(): Promise<Recognition> {
    if (this.state === 'cancelled') throw new SpeechError('the utterance was cancelled');
    if (this.state !== 'open') throw new SpeechError('the utterance already finished');
    this.state = 'finishing';
    const started = performance.now();
    try {
      // Whisper invents words ("Thank you.") for silence: no speech, no decoding.
      if (this.meter.analysis().silent) return { text: '', decodeSeconds: 0 };
      const total = this.chunks.reduce((n, c) => n + c.length, 0);
      const pcm = new Int16Array(total);
      let at = 0;
      for (const chunk of this.chunks) {
        pcm.set(chunk, at);
        at += chunk.length;
      }
      this.chunks.length = 0;
      const text = await this.decode(toFloat32(pcm), this.abort.signal);
      if (this.abort.signal.aborted) throw new SpeechError('the utterance was cancelled');
      return { text: cleanWhisperText(text), decodeSeconds: (performance.now() - started) / 1000 };
    } finally {
      if (this.state === 'finishing') this.state = 'done';
    }
  }

  cancel(): void {
    if (this.state === 'done' || this.state === 'cancelled') return;
    this.state = 'cancelled';
    this.chunks.length = 0;
    this.abort.abort();
  }
}
