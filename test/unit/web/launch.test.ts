// `npm start`'s decision between the desktop app and browser mode, with the
// download step behind its seam: each case's "downloader" is a real child
// process that behaves like Electron's (offline, blocked, hanging, succeeding),
// and the real launcher passes signals on to a stand-in for Electron's binary
// and ends when it ends.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyFailure,
  obtainElectron,
  type DownloadCommand,
} from '../../../src-main/web/electron-binary';

const root = resolve(import.meta.dirname, '../../..');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'first-meeting-launch-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

let count = 0;
/** A project folder with the electron package but no binary yet. */
function project(): string {
  const dir = join(tmp, `project-${++count}`);
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules', 'electron', 'package.json'),
    JSON.stringify({ name: 'electron', version: '40.0.0' }),
  );
  return dir;
}

function installBinary(dir: string): string {
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(join(electron, 'dist'), { recursive: true });
  writeFileSync(join(electron, 'path.txt'), 'electron');
  writeFileSync(join(electron, 'dist', 'electron'), '#!/bin/sh\n');
  chmodSync(join(electron, 'dist', 'electron'), 0o755);
  return join(electron, 'dist', 'electron');
}

/** A downloader: a node script run in the electron package's folder, as the real one is. */
function downloader(dir: string, script: string): DownloadCommand {
  return {
    file: process.execPath,
    args: ['-e', script],
    cwd: join(dir, 'node_modules', 'electron'),
  };
}

const DESKTOP_ENV = { PATH: process.env.PATH, DISPLAY: ':0' };
const MARK = `require('fs').writeFileSync('ran', '1');`;

describe('obtainElectron: desktop app or browser mode', () => {
  it('uses a binary that is already there without downloading', async () => {
    const dir = project();
    const binary = installBinary(dir);
    const decision = await obtainElectron({
      root: dir,
      platform: 'linux',
      arch: 'x64',
      env: DESKTOP_ENV,
      download: downloader(dir, MARK),
      say: () => undefined,
    });
    expect(decision).toEqual({ kind: 'desktop', binary, downloaded: false });
    expect(existsSync(join(dir, 'node_modules', 'electron', 'ran'))).toBe(false);
  });

  it('downloads the binary when it is missing, showing the progress, then opens the desktop app', async () => {
    const dir = project();
    const said: string[] = [];
    const decision = await obtainElectron({
      root: dir,
      platform: 'linux',
      arch: 'x64',
      env: DESKTOP_ENV,
      say: (line) => said.push(line),
      download: downloader(
        dir,
        `const fs = require('fs');
         for (const p of [0, 50, 100]) console.log('  ' + p + '% (' + p + ' of 100 MB)');
         fs.mkdirSync('dist');
         fs.writeFileSync('dist/electron', '#!/bin/sh\\n', { mode: 0o755 });
         fs.writeFileSync('path.txt', 'electron');`,
      ),
    });
    expect(decision).toMatchObject({ kind: 'desktop', downloaded: true });
    expect(said[0]).toMatch(/^Downloading Electron 40\.0\.0 .*at most 5 min\)\.\.\.$/);
    expect(said.slice(1)).toEqual([
      '  0% (0 of 100 MB)',
      '  50% (50 of 100 MB)',
      '  100% (100 of 100 MB)',
    ]);
  });

  it('offline: browser mode, saying the computer is offline', async () => {
    const dir = project();
    const decision = await obtainElectron({
      root: dir,
      platform: 'linux',
      arch: 'x64',
      env: DESKTOP_ENV,
      say: () => undefined,
      download: downloader(
        dir,
        `console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous>'); process.exit(1);`,
      ),
    });
    expect(decision).toMatchObject({ kind: 'browser', reason: 'offline' });
    if (decision.kind === 'browser') {
      expect(decision.message).toMatch(/offline/);
      expect(decision.message).not.toMatch(/could not be downloaded/);
    }
  });

  it('blocked: browser mode, naming the refusal', async () => {
    const dir = project();
    const decision = await obtainElectron({
      root: dir,
      platform: 'linux',
      arch: 'x64',
      env: DESKTOP_ENV,
      say: () => undefined,
      download: downloader(
        dir,
        `console.error('HTTPError: Response code 403 (Forbidden) for https://github.com/electron/electron/releases/download/v40.0.0/electron-v40.0.0-linux-x64.zip'); process.exit(1);`,
      ),
    });
    expect(decision).toMatchObject({ kind: 'browser', reason: 'blocked' });
    if (decision.kind === 'browser') {
      expect(decision.message).toMatch(/blocked \(HTTPError: Response code 403/);
      expect(decision.message.length).toBeLessThan(400);
    }
  });

  it('a download that hangs is stopped at the time limit, and browser mode says so', async () => {
    const dir = project();
    const pidFile = join(dir, 'downloader.pid');
    const decision = await obtainElectron({
      root: dir,
      platform: 'linux',
      arch: 'x64',
      env: DESKTOP_ENV,
      timeoutMs: 500,
      say: () => undefined,
      download: downloader(
        dir,
        `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`,
      ),
    });
    expect(decision).toMatchObject({ kind: 'browser', reason: 'timeout' });
    if (decision.kind === 'browser') expect(decision.message).toMatch(/did not finish within 1 s/);
    // The hanging downloader is gone.
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('a downloader that claims success without a binary is a failure, not a desktop app', async () => {
    const dir = project();
    const decision = await obtainElectron({
      root: dir,
      platform: 'linux',
      arch: 'x64',
      env: DESKTOP_ENV,
      say: () => undefined,
      download: downloader(dir, ''),
    });
    expect(decision).toMatchObject({ kind: 'browser', reason: 'failed' });
  });

  it('an unsupported platform, no display, or downloads turned off: browser mode without trying', async () => {
    const cases = [
      {
        platform: 'freebsd' as const,
        arch: 'x64',
        env: DESKTOP_ENV,
        reason: 'unsupported',
        text: /freebsd-x64/,
      },
      {
        platform: 'linux' as const,
        arch: 'ppc64',
        env: DESKTOP_ENV,
        reason: 'unsupported',
        text: /linux-ppc64/,
      },
      {
        platform: 'linux' as const,
        arch: 'x64',
        env: { PATH: process.env.PATH },
        reason: 'no-display',
        text: /no display/,
      },
      {
        platform: 'linux' as const,
        arch: 'x64',
        env: { ...DESKTOP_ENV, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
        reason: 'blocked',
        text: /ELECTRON_SKIP_BINARY_DOWNLOAD/,
      },
    ];
    for (const c of cases) {
      const dir = project();
      const decision = await obtainElectron({
        root: dir,
        platform: c.platform,
        arch: c.arch,
        env: c.env,
        say: () => undefined,
        download: downloader(dir, MARK),
      });
      expect(decision, c.reason).toMatchObject({ kind: 'browser', reason: c.reason });
      if (decision.kind === 'browser') expect(decision.message).toMatch(c.text);
      expect(existsSync(join(dir, 'node_modules', 'electron', 'ran'))).toBe(false);
    }
  });

  it('names the reason from what the downloader printed', () => {
    expect(classifyFailure('Error: getaddrinfo EAI_AGAIN github.com')).toBe('offline');
    expect(classifyFailure('connect ENETUNREACH 140.82.121.4:443')).toBe('offline');
    expect(classifyFailure('RequestError: self-signed certificate in certificate chain')).toBe(
      'blocked',
    );
    expect(classifyFailure('HTTPError: Response code 407 (Proxy Authentication Required)')).toBe(
      'blocked',
    );
    expect(classifyFailure('Error: Generated checksum for "electron.zip" did not match')).toBe(
      'failed',
    );
  });
});

/** The real launcher (launch.ts's main) in its own process, with a stand-in for Electron's binary. */
function startLauncher(fakeDist: string, extraArgs: readonly string[] = []): ChildProcess {
  const launch = pathToFileURL(join(root, 'src-main/web/launch.ts')).href;
  const script = `const { main } = await import(${JSON.stringify(launch)}); await main(${JSON.stringify(['--data-dir', join(tmp, 'data'), ...extraArgs])});`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    // TMPDIR: tsx caches in the temp folder; this test's own is removed afterwards.
    env: {
      PATH: process.env.PATH,
      DISPLAY: ':0',
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      TMPDIR: tmp,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A stand-in Electron: says its pid and arguments, and on SIGTERM says so and exits 0. */
function fakeElectron(name: string, body: string): string {
  const dist = join(tmp, name);
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'electron'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dist, 'electron'), 0o755);
  return dist;
}

function waitFor(file: string): Promise<string> {
  return new Promise((resolveText) => {
    const poll = setInterval(() => {
      if (existsSync(file) && readFileSync(file, 'utf8').includes('\n')) {
        clearInterval(poll);
        resolveText(readFileSync(file, 'utf8'));
      }
    }, 20);
  });
}

function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the launcher and the desktop app it starts (real processes)', () => {
  it('passes SIGTERM on to the desktop app and exits when it has ended', async () => {
    const log = join(tmp, 'forward.log');
    const dist = fakeElectron(
      'dist-forward',
      `trap 'echo "got TERM" >> ${log}; exit 0' TERM\necho "$$ $*" >> ${log}\nwhile :; do sleep 0.05; done`,
    );
    const launcher = startLauncher(dist);
    const exited = exitOf(launcher);
    const started = await waitFor(log);
    const [pid, project, flag, dataDir] = started.trim().split(' ');
    expect(project).toBe(root);
    expect([flag, dataDir]).toEqual(['--data-dir', join(tmp, 'data')]);

    launcher.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(readFileSync(log, 'utf8')).toContain('got TERM');
    expect(alive(Number(pid))).toBe(false);
  }, 60_000);

  it('ends with the desktop app, with its exit code', async () => {
    const dist = fakeElectron('dist-exit', 'exit 3');
    const launcher = startLauncher(dist);
    expect(await exitOf(launcher)).toEqual({ code: 3, signal: null });
  }, 60_000);
});
