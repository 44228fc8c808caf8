// Getting the Electron executable for `npm start`. The `electron` package's own
// install script (which downloads the binary from GitHub) is denied in
// package.json's allowScripts, so `npm ci` works offline; the binary is fetched
// here instead, the first time the desktop app is asked for: bounded in time,
// with progress shown, and with the real reason when it cannot be had
// (offline, blocked, an unsupported platform, no display).
//
// The download itself is a seam (`DownloadCommand`): a child process that
// either leaves the binary in place and exits 0, or fails with its reason on
// stderr. Tests give it small scripts that behave like each case.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

/** Where Electron publishes binaries (electron/electron releases). */
const SUPPORTED: Readonly<Record<string, readonly string[]>> = {
  linux: ['x64', 'arm64', 'arm'],
  darwin: ['x64', 'arm64'],
  win32: ['x64', 'arm64', 'ia32'],
};

export const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000;

export type Unavailable =
  'unsupported' | 'no-display' | 'offline' | 'blocked' | 'timeout' | 'failed';

export type ElectronDecision =
  | { readonly kind: 'desktop'; readonly binary: string; readonly downloaded: boolean }
  | { readonly kind: 'browser'; readonly reason: Unavailable; readonly message: string };

/** The process that downloads and unpacks the binary. */
export interface DownloadCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

export interface ElectronOptions {
  readonly root?: string;
  readonly platform?: NodeJS.Platform;
  readonly arch?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Defaults to Electron's own downloader, with a line of progress per 10%. */
  readonly download?: DownloadCommand;
  /** Progress and what is happening, one line at a time. */
  readonly say?: (line: string) => void;
}

function electronDir(root: string): string {
  return join(root, 'node_modules', 'electron');
}

/** The installed executable, or undefined (honours ELECTRON_OVERRIDE_DIST_PATH, as Electron does). */
export function electronBinary(
  root = PROJECT_ROOT,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const dir = electronDir(root);
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative ?? 'electron');
    return existsSync(binary) ? binary : undefined;
  }
  if (!relative) return undefined;
  const binary = join(dir, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

export function electronVersion(root = PROJECT_ROOT): string {
  try {
    const pkg = JSON.parse(readFileSync(join(electronDir(root), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

/**
 * Electron's downloader (@electron/get, as its install.js uses it) with a
 * progress line per 10%, then Electron's install.js, which finds the archive
 * in its cache, checks it against checksums.json and unpacks it.
 */
const DOWNLOADER = `
const { downloadArtifact } = require(require.resolve('@electron/get', { paths: [process.cwd()] }));
const { version } = require('./package.json');
let shown = -1;
downloadArtifact({
  version,
  artifactName: 'electron',
  cacheRoot: process.env.electron_config_cache,
  checksums: require('./checksums.json'),
  platform: process.env.npm_config_platform || process.platform,
  arch: process.env.npm_config_arch || process.arch,
  downloadOptions: {
    quiet: true,
    getProgressCallback: async (p) => {
      const step = Math.floor(p.percent * 10);
      if (step > shown) {
        shown = step;
        const mb = (n) => (n / 1e6).toFixed(0);
        console.log('  ' + step * 10 + '% (' + mb(p.transferred) + (p.total ? ' of ' + mb(p.total) : '') + ' MB)');
      }
    },
  },
})
  .then(() => require('./install.js'))
  .catch((error) => {
    console.error(String(error && error.stack ? error.stack : error));
    process.exit(1);
  });
`;

export function defaultDownload(root = PROJECT_ROOT): DownloadCommand {
  return { file: process.execPath, args: ['-e', DOWNLOADER], cwd: electronDir(root) };
}

/** Names the reason a download failed from what the downloader said. */
export function classifyFailure(stderr: string): Unavailable {
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN|getaddrinfo/i.test(stderr)) {
    return 'offline';
  }
  if (
    /HTTPError|Response code 4\d\d|\b40[1378]\b|ECONNREFUSED|ECONNRESET|certificate|self[- ]signed|UNABLE_TO_VERIFY|proxy|tunnel/i.test(
      stderr,
    )
  ) {
    return 'blocked';
  }
  if (/ETIMEDOUT|timed? ?out/i.test(stderr)) return 'timeout';
  return 'failed';
}

function why(reason: Unavailable, detail: string): string {
  switch (reason) {
    case 'unsupported':
      return `Electron has no desktop build for ${detail}`;
    case 'no-display':
      return 'there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)';
    case 'offline':
      return "this computer is offline (github.com, where Electron's binary comes from, cannot be reached)";
    case 'blocked':
      return `the download of Electron's binary was blocked${detail ? ` (${detail})` : ''}; a proxy or firewall may be refusing it`;
    case 'timeout':
      return `the download of Electron's binary did not finish within ${detail}`;
    case 'failed':
      return `the download of Electron's binary failed${detail ? ` (${detail})` : ''}`;
  }
}

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

interface RunResult {
  readonly code: number | null;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function runDownload(
  command: DownloadCommand,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  say: (line: string) => void,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command.file, [...command.args], {
      cwd: command.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let timedOut = false;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) say(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      stderr += String(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (pending.trim()) say(pending);
      resolve({ code, stderr, timedOut });
    });
  });
}

/**
 * Decides how `npm start` opens the app: the desktop app when Electron's
 * binary is here or can be downloaded now, browser mode (with the reason)
 * when it cannot.
 */
export async function obtainElectron(options: ElectronOptions = {}): Promise<ElectronDecision> {
  const root = options.root ?? PROJECT_ROOT;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const say = options.say ?? ((line: string) => console.log(line));
  const browser = (reason: Unavailable, detail = ''): ElectronDecision => ({
    kind: 'browser',
    reason,
    message: why(reason, detail),
  });

  if (!SUPPORTED[platform]?.includes(arch)) return browser('unsupported', `${platform}-${arch}`);
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return browser('no-display');
  const present = electronBinary(root, env);
  if (present) return { kind: 'desktop', binary: present, downloaded: false };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return browser('blocked', 'ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  }

  const limit = duration(timeoutMs);
  say(
    `Downloading Electron ${electronVersion(root)} for the desktop app (once, about 100 MB; at most ${limit})...`,
  );
  const result = await runDownload(options.download ?? defaultDownload(root), env, timeoutMs, say);
  if (result.timedOut) return browser('timeout', limit);
  const binary = electronBinary(root, env);
  if (result.code === 0 && binary) return { kind: 'desktop', binary, downloaded: true };
  const reason = classifyFailure(result.stderr);
  return browser(reason, reason === 'offline' ? '' : firstLine(result.stderr));
}
