// The pocketsphinx engine: CMU's small offline recogniser, loaded in process
// from the system's libpocketsphinx (and libsphinxbase) through koffi (FFI with
// prebuilt binaries, no compiler). One decoder stays loaded between
// utterances. Audio is decoded as it streams in, so when the rep stops only
// the end of the utterance is left to do; every native call runs on koffi's
// worker threads (the event loop stays free) through one strict queue per
// decoder (pocketsphinx is not thread-safe: one call at a time, in order).
// On 0.8/5prealpha the search is the generic US English model interpolated
// with the sales-meeting one (build/speech/sales.lm, built by
// build/make-speech-lm.ts), read from where it ships when speech first starts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import type { IKoffiLib, KoffiFunction } from 'koffi';
import type { SpeechEngineStatus } from '../../contract/api';
import { LevelMeter } from './audio';
import { Denoiser, loadRnnoise, type RnnoiseModule } from './denoise';
import {
  SpeechError,
  type Recognition,
  type RecognitionContext,
  type SpeechEngine,
  type Utterance,
} from './engine';
import { buildWordsArpa, normalise } from './ngram';
import { projectRoot } from '../paths';

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
 *
 * Added later, with the sales LM and RNNoise on, chosen on tuning.txt and
 * tuning-independent.txt (the figures are in docs/speech.md, "Decoder options
 * and figures"):
 * - -maxhmmpf 6000 caps the HMMs the search keeps alive in a frame: in loud
 *   noise decoding went from 0.42 to 0.27 of real time for the same words.
 * - -pl_window 0 turns off the phone-loop lookahead (a quick phone-only search
 *   5 frames ahead whose guess prunes the word search, losing words it should
 *   keep): 0.4 points better clean, up to 1.3 at 20 dB room noise.
 * - -maxwpf 20 keeps at most 20 word ends a frame, which pays for the
 *   lookahead in noise: together they take 1.12-1.17x the time of before.
 */
export const DECODER_OPTIONS: readonly (readonly [string, string])[] = [
  ['-fwdflat', 'no'],
  ['-maxhmmpf', '6000'],
  ['-maxwpf', '20'],
  ['-pl_window', '0'],
];

/**
 * The sales-meeting language model's share when it is interpolated with the
 * generic one (build/make-speech-lm.ts; 0 leaves the generic model alone).
 * Chosen on tuning.txt only (docs/speech.md has the figures).
 */
export const DOMAIN_LM_WEIGHT = 0.35;

/**
 * Whether RNNoise (denoise.ts) cleans the audio before the decoder hears it.
 * Chosen on tuning.txt only (docs/speech.md has the figures): it nearly
 * halves the errors in room noise and costs nothing on clean speech.
 */
export const DENOISE = true;

/**
 * Below this mean word posterior the words are not to be trusted; for
 * narrow-band (8 kHz) audio, which the 16 kHz model hears badly, below the
 * higher bar. Chosen on tuning.txt only: clean 16 kHz speech 0.68-0.91, room
 * noise at 20 dB mostly over 0.5 (0.50 for a sentence with 38% of its words
 * wrong), 8 kHz telephone audio 0.26-0.59, flite's 8 kHz kal voice 0.40-0.68.
 */
export const UNSURE_BELOW = 0.5;

/**
 * The meeting's own model's share (the buyer's last lines, the scenario's
 * facts, what the rep sells), taken from the generic and sales models alike:
 * their words become likelier in the rep's next answer, and every other word
 * stays possible.
 */
export const MEETING_LM_WEIGHT = 0.15;
export const UNSURE_NARROW_BAND_BELOW = 0.75;

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
  /** The word segments of the best hypothesis, for its confidence; null when this release lacks them. */
  readonly seg: SegNative | null;
  /** The LM-set calls of 0.8/5prealpha (sphinxbase), for the domain model; null elsewhere. */
  readonly lm: LmNative | null;
  /**
   * Builds the decoder's configuration (null when pocketsphinx rejects it);
   * without `withLm` there is no -lm, and the caller sets the search up.
   */
  config(paths: PocketsphinxPaths, withLm: boolean): unknown;
  freeConfig(config: unknown): void;
}

interface SegNative {
  readonly iter: KoffiFunction;
  readonly next: KoffiFunction;
  readonly word: KoffiFunction;
  readonly frames: KoffiFunction;
  readonly prob: KoffiFunction;
  readonly free: KoffiFunction;
  readonly logmath: KoffiFunction;
  readonly exp: KoffiFunction;
}

interface LmNative {
  readonly getLogmath: KoffiFunction;
  readonly setLm: KoffiFunction;
  readonly setSearch: KoffiFunction;
  readonly addWord: KoffiFunction;
  readonly read: KoffiFunction;
  readonly setInit: KoffiFunction;
  readonly free: KoffiFunction;
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
  const segFuncs = {
    // 0.8 takes an out-parameter for the best score, 5prealpha none: passing one suits both.
    iter: tryFunc(ps, 'void* ps_seg_iter(void* ps, _Out_ int32_t* best)'),
    next: tryFunc(ps, 'void* ps_seg_next(void* seg)'),
    word: tryFunc(ps, 'const char* ps_seg_word(void* seg)'),
    frames: tryFunc(ps, 'void ps_seg_frames(void* seg, _Out_ int* sf, _Out_ int* ef)'),
    prob: tryFunc(
      ps,
      'int32_t ps_seg_prob(void* seg, _Out_ int32_t* ascr, _Out_ int32_t* lscr, _Out_ int32_t* lback)',
    ),
    free: tryFunc(ps, 'void ps_seg_free(void* seg)'),
    logmath: tryFunc(ps, 'void* ps_get_logmath(void* ps)'),
    exp:
      tryFunc(base, 'double logmath_exp(void* lmath, int logb_p)') ??
      tryFunc(ps, 'double logmath_exp(void* lmath, int logb_p)'),
  };
  const seg = Object.values(segFuncs).every((f) => f !== null) ? (segFuncs as SegNative) : null;
  const settings = (p: PocketsphinxPaths, withLm: boolean): [string, string][] => [
    ['-hmm', join(p.model, 'en-us')],
    ...(withLm ? [['-lm', join(p.model, 'en-us.lm.bin')] as [string, string]] : []),
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
    const fn = (lib: IKoffiLib | null, decl: string): KoffiFunction | null =>
      tryFunc(lib, decl) ?? tryFunc(ps, decl);
    const lmFuncs = {
      getLogmath: tryFunc(ps, 'void* ps_get_logmath(void* ps)'),
      setLm: tryFunc(ps, 'int ps_set_lm(void* ps, const char* name, void* lm)'),
      setSearch: tryFunc(ps, 'int ps_set_search(void* ps, const char* name)'),
      addWord: tryFunc(
        ps,
        'int ps_add_word(void* ps, const char* word, const char* phones, int update)',
      ),
      // ngram_file_type_t: NGRAM_INVALID = -1, NGRAM_AUTO, NGRAM_ARPA, NGRAM_BIN.
      read: fn(
        base,
        'void* ngram_model_read(void* config, const char* path, int type, void* lmath)',
      ),
      setInit: fn(
        base,
        'void* ngram_model_set_init(void* config, void** models, const char** names, const float* weights, int n)',
      ),
      free: fn(base, 'int ngram_model_free(void* model)'),
    };
    const lm = Object.values(lmFuncs).every((f) => f !== null) ? (lmFuncs as LmNative) : null;
    return {
      ...native,
      seg,
      lm,
      config(p, withLm) {
        // Varargs go as type/value pairs, ended by a null string.
        const pairs = settings(p, withLm).flatMap(([k, v]) => ['str', k, 'str', v]);
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
      seg,
      lm: null,
      config(p) {
        const config = configInit(null) as unknown;
        if (!config) return null;
        for (const [k, v] of settings(p, true)) {
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

/** The sales model's files: the ARPA text and the pronunciations its words need. */
export interface SalesLmFiles {
  readonly lm: string;
  readonly dict: string;
}

/** A path inside the packaged app's asar archive, where native code (which cannot read the archive) finds it unpacked. */
function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * Where the sales model ships: build/speech/ in the app's folder (unpacked
 * from the asar archive in a package). Read from there, never copied.
 */
export function salesLmFiles(): SalesLmFiles {
  return {
    lm: unpacked(join(projectRoot(), 'build', 'speech', 'sales.lm')),
    dict: unpacked(join(projectRoot(), 'build', 'speech', 'sales.dict')),
  };
}

/** The entries of a CMU-format dictionary file: [word, phones]; a line without phones is an error naming it. */
export function parsePronunciations(text: string, path: string): [string, string][] {
  const out: [string, string][] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(';')) return;
    const [word = '', ...phones] = trimmed.split(/\s+/);
    if (phones.length === 0 || !phones.every((p) => /^[A-Z]+[0-2]?$/.test(p))) {
      throw new SpeechError(
        `${path}, line ${index + 1}: "${trimmed}" is not a word followed by its phones`,
      );
    }
    out.push([word, phones.join(' ')]);
  });
  return out;
}

/**
 * Makes the decoder's search the generic model interpolated with the sales
 * one, after adding the pronunciations the sales words need. The generic model
 * is read from its own file: the model ps_get_lm returns is the search's
 * internal set, whose words were remapped to the whole dictionary, and a
 * search built over it never reaches the end of the sentence (docs/speech.md).
 * Returns why not, or null when done.
 */
async function useDomainLm(
  lm: LmNative,
  config: unknown,
  handle: unknown,
  paths: PocketsphinxPaths,
  files: SalesLmFiles,
  weight: number,
): Promise<string | DomainModels> {
  if (!isFile(files.lm)) return `the sales language model ${files.lm} is missing`;
  if (!isFile(files.dict)) return `the sales pronunciations ${files.dict} are missing`;
  const pronunciations = parsePronunciations(await readFile(files.dict, 'utf8'), files.dict);
  for (const [word, phones] of pronunciations) {
    // -1 when the word cannot be added (a phone the model lacks); the rest still go in.
    lm.addWord(handle, word, phones, 0);
  }
  const lmath = lm.getLogmath(handle) as unknown;
  const generic = await callAsync<unknown>(
    lm.read,
    config,
    join(paths.model, 'en-us.lm.bin'),
    0,
    lmath,
  );
  if (!generic) return `pocketsphinx could not read ${join(paths.model, 'en-us.lm.bin')}`;
  const domain = await callAsync<unknown>(lm.read, config, files.lm, 1, lmath);
  if (!domain) {
    lm.free(generic);
    return `pocketsphinx could not read the sales language model ${files.lm}`;
  }
  const models: DomainModels = { generic, sales: domain, searchName: null };
  const why = await searchOver(lm, config, handle, models, null, weight);
  if (why !== null) {
    lm.free(generic);
    lm.free(domain);
    return why;
  }
  return models;
}

/** The two models the search interpolates, kept to rebuild it for each meeting's context. */
interface DomainModels {
  readonly generic: unknown;
  readonly sales: unknown;
  /** The search in use: two names in turn, so the one being replaced is never the current one. */
  searchName: string | null;
}

/**
 * Builds the search over the generic and sales models, and the meeting's
 * model when there is one (its share MEETING_LM_WEIGHT taken from both), and
 * makes it the decoder's search. Between utterances only. Returns why not, or null.
 */
async function searchOver(
  lm: LmNative,
  config: unknown,
  handle: unknown,
  models: DomainModels,
  meeting: unknown,
  weight: number,
  meetingWeight = 0,
): Promise<string | null> {
  const rest = meeting ? 1 - meetingWeight : 1;
  const list = meeting ? [models.generic, models.sales, meeting] : [models.generic, models.sales];
  const names = meeting ? ['generic', 'sales', 'meeting'] : ['generic', 'sales'];
  const weights = [(1 - weight) * rest, weight * rest, ...(meeting ? [meetingWeight] : [])];
  const set = await callAsync<unknown>(
    lm.setInit,
    config,
    list,
    names,
    new Float32Array(weights),
    list.length,
  );
  if (!set) return 'pocketsphinx could not interpolate the language models';
  const name = models.searchName === 'sales' ? 'sales-b' : 'sales';
  // The set (and then the search) hold their own references.
  const built = await callAsync<number>(lm.setLm, handle, name, set);
  lm.free(set);
  if (built < 0) return 'pocketsphinx could not build the search over the interpolated model';
  if ((lm.setSearch(handle, name) as number) < 0) return 'pocketsphinx kept no n-gram search';
  models.searchName = name;
  return null;
}

interface Decoder {
  readonly native: Native;
  readonly config: unknown;
  readonly handle: unknown;
  /** The noise suppressor every utterance's audio goes through first; null when off or unloadable. */
  readonly rnnoise: RnnoiseModule | null;
  /** The generic and sales models, when the search interpolates them (null: the generic model alone). */
  readonly models: DomainModels | null;
  /** The meeting phrases the current search is biased toward ('' for none). */
  biasedFor: string;
}

export interface PocketsphinxOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Decoder options instead of DECODER_OPTIONS (tuning). */
  readonly decoderOptions?: readonly (readonly [string, string])[];
  /** The sales LM's interpolation weight instead of DOMAIN_LM_WEIGHT (tuning; 0: generic only). */
  readonly domainLmWeight?: number;
  /** The sales model's files instead of the shipped ones (tests). */
  readonly salesLm?: SalesLmFiles;
  /** Whether RNNoise cleans the audio first, instead of DENOISE (tuning). */
  readonly denoise?: boolean;
  /**
   * A folder in the app's data folder where each meeting's small model is
   * written for pocketsphinx to read, and removed at once; without it the
   * engine does not bias toward the meeting.
   */
  readonly cacheDir?: string;
  /** The meeting model's share instead of MEETING_LM_WEIGHT (tuning). */
  readonly meetingLmWeight?: number;
}

export class PocketsphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx' as const;
  private readonly env: NodeJS.ProcessEnv;
  private readonly decoderOptions: readonly (readonly [string, string])[];
  private readonly domainLmWeight: number;
  private readonly salesLm: SalesLmFiles | undefined;
  private readonly denoise: boolean;
  private readonly cacheDir: string | undefined;
  private readonly meetingLmWeight: number;
  private readonly queue = new SerialQueue();
  private decoder: Decoder | null = null;
  private loading: Promise<Decoder> | null = null;
  private loadError: string | null = null;
  private active: PocketsphinxUtterance | null = null;
  /** Seconds the last model load took (for the bench and docs). */
  loadSeconds: number | null = null;
  /** Whether the last load interpolated the sales LM, or why it did not. */
  domainLm: { readonly loaded: boolean; readonly why?: string } | null = null;
  /** Whether the last load got the noise suppressor, or why it did not. */
  denoiser: { readonly loaded: boolean; readonly why?: string } | null = null;

  constructor(options: PocketsphinxOptions = {}) {
    this.env = options.env ?? process.env;
    this.decoderOptions = options.decoderOptions ?? DECODER_OPTIONS;
    this.domainLmWeight = options.domainLmWeight ?? DOMAIN_LM_WEIGHT;
    this.salesLm = options.salesLm;
    this.denoise = options.denoise ?? DENOISE;
    this.cacheDir = options.cacheDir;
    this.meetingLmWeight = options.meetingLmWeight ?? MEETING_LM_WEIGHT;
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

  begin(context?: RecognitionContext): Utterance {
    const where = this.locate();
    if (!where.ok) throw new SpeechError(`PocketSphinx cannot run: ${where.why}`);
    if (this.loadError) throw new SpeechError(this.loadError);
    // A new utterance replaces one still being heard (the rep started again).
    if (this.active?.isOpen()) this.active.cancel();
    const phrases = context?.phrases ?? [];
    const utterance = new PocketsphinxUtterance(
      this.queue,
      () => this.load(),
      (decoder) => this.bias(decoder, phrases),
    );
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
      if (decoder.models && decoder.native.lm) {
        decoder.native.lm.free(decoder.models.generic);
        decoder.native.lm.free(decoder.models.sales);
      }
      decoder.native.freeConfig(decoder.config);
    });
  }

  /**
   * Makes the search favour the meeting's phrases (none: the generic and sales
   * models alone), rebuilding it only when they changed. Needs somewhere in
   * the data folder to put the meeting's model while pocketsphinx reads it
   * (ngram_model_read takes a path); the file is removed at once.
   */
  private async bias(decoder: Decoder, phrases: readonly string[]): Promise<void> {
    const lm = decoder.native.lm;
    if (!lm || !decoder.models || !this.cacheDir || this.meetingLmWeight <= 0) return;
    const sentences = phrases.map((p) => normalise(p, null)).filter((w) => w.length > 0);
    const key = sentences.map((w) => w.join(' ')).join('\n');
    if (key === decoder.biasedFor) return;
    let meeting: unknown = null;
    if (key !== '') {
      mkdirSync(this.cacheDir, { recursive: true });
      const path = join(
        this.cacheDir,
        `meeting-lm-${process.pid}-${randomBytes(4).toString('hex')}.arpa`,
      );
      try {
        writeFileSync(path, buildWordsArpa(sentences));
        meeting = await callAsync<unknown>(
          lm.read,
          decoder.config,
          path,
          1,
          lm.getLogmath(decoder.handle),
        );
      } finally {
        rmSync(path, { force: true });
      }
      if (!meeting) return; // the search stays as it was
    }
    try {
      const why = await searchOver(
        lm,
        decoder.config,
        decoder.handle,
        decoder.models,
        meeting,
        this.domainLmWeight,
        this.meetingLmWeight,
      );
      if (why === null) decoder.biasedFor = key;
    } finally {
      if (meeting) lm.free(meeting);
    }
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
    const domain = this.domainLmWeight > 0 && native.lm !== null;
    let config = native.config(paths, !domain);
    if (!config) {
      throw new SpeechError(`PocketSphinx rejected its settings (model ${paths.model})`);
    }
    let handle = await callAsync<unknown>(native.init, config);
    if (!handle) {
      native.freeConfig(config);
      throw new SpeechError(`PocketSphinx could not load the model at ${paths.model}`);
    }
    let models: DomainModels | null = null;
    if (domain && native.lm) {
      const got = await useDomainLm(
        native.lm,
        config,
        handle,
        paths,
        this.salesLm ?? salesLmFiles(),
        this.domainLmWeight,
      ).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (typeof got === 'string') this.domainLm = { loaded: false, why: got };
      else {
        models = got;
        this.domainLm = { loaded: true };
      }
      if (typeof got === 'string') {
        // Without the sales model the generic one still recognises: load it as before.
        await callAsync(native.free, handle);
        native.freeConfig(config);
        config = native.config(paths, true);
        handle = config ? await callAsync<unknown>(native.init, config) : null;
        if (!config || !handle) {
          if (config) native.freeConfig(config);
          throw new SpeechError(`PocketSphinx could not load the model at ${paths.model}`);
        }
      }
    } else {
      this.domainLm = {
        loaded: false,
        why: native.lm ? 'turned off' : 'this pocketsphinx release is not supported',
      };
    }
    let rnnoise: RnnoiseModule | null = null;
    if (this.denoise) {
      try {
        rnnoise = await loadRnnoise();
        this.denoiser = { loaded: true };
      } catch (error) {
        // The decoder still hears without it, as it did before it existed.
        this.denoiser = { loaded: false, why: (error as Error).message };
      }
    } else this.denoiser = { loaded: false, why: 'turned off' };
    this.loadSeconds = (performance.now() - started) / 1000;
    return { native, config, handle, rnnoise, models, biasedFor: '' };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One word of the best hypothesis, as the decoder scored it. */
export interface WordSegment {
  readonly word: string;
  /** First and last 10 ms frame. */
  readonly frames: readonly [number, number];
  /** The word's posterior probability in the lattice (0..1). */
  readonly posterior: number;
  /** Its acoustic score per frame (log base 1.0001; closer to 0 is a better match). */
  readonly acousticPerFrame: number;
}

/** Fillers and sentence marks the decoder puts between words. */
const FILLER = /^(<.*>|\[.*\]|\+\+.*\+\+)$/;

/** The words of the current best hypothesis, with their scores (fillers left out). */
function wordSegments(decoder: Decoder): WordSegment[] {
  const seg = decoder.native.seg;
  if (!seg) return [];
  const lmath = seg.logmath(decoder.handle) as unknown;
  const out: WordSegment[] = [];
  let at = seg.iter(decoder.handle, [0]) as unknown;
  while (at) {
    const word = (seg.word(at) as string | null) ?? '';
    if (!FILLER.test(word)) {
      const sf = [0];
      const ef = [0];
      seg.frames(at, sf, ef);
      const ascr = [0];
      const prob = seg.prob(at, ascr, [0], [0]) as number;
      const frames = Math.max(1, (ef[0] ?? 0) - (sf[0] ?? 0) + 1);
      out.push({
        word: word.replace(/\(\d+\)$/, ''),
        frames: [sf[0] ?? 0, ef[0] ?? 0],
        posterior: seg.exp(lmath, prob) as number,
        acousticPerFrame: (ascr[0] ?? 0) / frames,
      });
    }
    // ps_seg_next frees the iterator at the end.
    at = seg.next(at) as unknown;
  }
  return out;
}

type State = 'open' | 'finishing' | 'done' | 'cancelled';

class PocketsphinxUtterance implements Utterance {
  private state: State = 'open';
  private readonly meter = new LevelMeter();
  private decodeMs = 0;
  /** The first native failure, reported by finish(). */
  private failure: Error | null = null;
  private readonly started: Promise<Decoder | null>;
  private denoiser: Denoiser | null = null;
  /** The best hypothesis's words with their scores, once finished. */
  segments: WordSegment[] = [];

  constructor(
    private readonly queue: SerialQueue,
    load: () => Promise<Decoder>,
    bias: (decoder: Decoder) => Promise<void>,
  ) {
    this.started = this.queue
      .run(async () => {
        const decoder = await load();
        if (this.state === 'cancelled') return null;
        // A meeting model that cannot be made leaves the search as it was: the rep is still heard.
        await this.timed(() => bias(decoder)).catch(() => undefined);
        if (decoder.rnnoise) this.denoiser = new Denoiser(decoder.rnnoise);
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
        await this.timed(() => this.decode(decoder, this.denoiser?.push(piece) ?? piece)).catch(
          (error: unknown) => this.fail(error),
        );
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
          // What the noise suppressor still holds: the last few milliseconds of the turn.
          const rest = this.denoiser?.flush();
          if (rest && !this.failure && this.state !== 'cancelled') {
            await this.decode(decoder, rest).catch((error: unknown) => this.fail(error));
          }
          await callAsync<number>(decoder.native.endUtt, decoder.handle);
          const score = [0];
          const hyp =
            (await callAsync<string | null>(decoder.native.getHyp, decoder.handle, score)) ?? '';
          this.segments = hyp.trim() === '' ? [] : wordSegments(decoder);
          return hyp;
        });
      }
      if (this.state === 'cancelled') throw new SpeechError('the utterance was cancelled');
      this.state = 'done';
      if (this.failure) throw this.failure;
      const analysis = this.meter.analysis();
      // Noise the decoder read as words is still no speech.
      if (analysis.silent) text = '';
      text = text.trim();
      const decodeSeconds = this.decodeMs / 1000;
      if (text === '' || this.segments.length === 0) return { text, decodeSeconds };
      const confidence =
        this.segments.reduce((sum, s) => sum + s.posterior, 0) / this.segments.length;
      const unsure = confidence < (analysis.narrowBand ? UNSURE_NARROW_BAND_BELOW : UNSURE_BELOW);
      return { text, decodeSeconds, confidence, ...(unsure ? { unsure } : {}) };
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
      this.denoiser?.close();
      if (decoder) await callAsync<number>(decoder.native.endUtt, decoder.handle).catch(() => 0);
    });
  }

  private async decode(decoder: Decoder, pcm: Int16Array): Promise<void> {
    if (pcm.length === 0) return;
    const n = await callAsync<number>(
      decoder.native.processRaw,
      decoder.handle,
      pcm,
      pcm.length,
      0,
      0,
    );
    if (n < 0) throw new SpeechError('PocketSphinx failed to decode the audio');
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
