// build/run.mjs, the launcher behind `npm start` and `npm run web`, with real
// processes: a fresh clone's first build says it is the first build, and
// `kill $!` on a backgrounded `npm run web` or `npm start` (the pid of npm
// itself) stops the server or the desktop app, leaving no process behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'first-meeting-run-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A clone with run.mjs and a stand-in electron-vite that writes the outputs. */
function fakeClone(): string {
  const dir = join(tmp, 'clone');
  mkdirSync(join(dir, 'build'), { recursive: true });
  copyFileSync(join(root, 'build/run.mjs'), join(dir, 'build/run.mjs'));
  mkdirSync(join(dir, 'src-main'), { recursive: true });
  writeFileSync(join(dir, 'src-main', 'a.ts'), 'export {};\n');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  const vite = join(dir, 'node_modules', '.bin', 'electron-vite');
  writeFileSync(
    vite,
    `#!/bin/sh
mkdir -p out/main out/preload out/renderer
for f in index launch; do echo 'export async function main() {}' > out/main/$f.js; done
echo 'export async function main(args) { console.log("web ran " + args.join(" ")); }' > out/main/web.js
echo '' > out/preload/index.js
echo '<!doctype html>' > out/renderer/index.html
echo built >> builds.log
`,
  );
  chmodSync(vite, 0o755);
  return dir;
}

function runIn(dir: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [join(dir, 'build/run.mjs'), 'web', '--x'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('build/run.mjs builds when it must, and says why', () => {
  it('the first build on a fresh clone says it is the first build; later ones say why', () => {
    const dir = fakeClone();
    const first = runIn(dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^Building First Meeting for the first time/);
    expect(first.stderr).not.toMatch(/sources changed/);
    expect(first.stdout.trim()).toBe('web ran --x');

    // Built and nothing changed: no build, no message.
    const again = runIn(dir);
    expect(again.stderr).toBe('');
    expect(readFileSync(join(dir, 'builds.log'), 'utf8').trim().split('\n')).toHaveLength(1);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'src-main', 'a.ts'), later, later);
    expect(runIn(dir).stderr).toMatch(
      /^Building First Meeting \(the sources changed since the last build\)/,
    );

    rmSync(join(dir, 'out', 'preload', 'index.js'));
    expect(runIn(dir).stderr).toMatch(/^Building First Meeting \(the last build is incomplete\)/);
    expect(readFileSync(join(dir, 'builds.log'), 'utf8').trim().split('\n')).toHaveLength(3);
  });
});

function lines(child: ChildProcess, match: RegExp): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      text += chunk;
      const line = text.split('\n').find((l) => match.test(l));
      if (line) resolveLine(line);
    });
    child.once('exit', (code) =>
      reject(new Error(`exited ${code} before saying ${match}: ${text}`)),
    );
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolveOpen) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveOpen(true);
    });
    socket.once('error', () => resolveOpen(false));
  });
}

/** Processes whose command line mentions `marker` (Linux /proc). */
function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Waits for `check` to hold; gives up after a minute so a failing test still cleans up. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  const giveUp = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`still not so after a minute: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe.runIf(process.platform === 'linux')(
  'kill $! on a backgrounded npm run web / npm start',
  () => {
    it('npm run web: killing npm closes the port and leaves no process behind', async () => {
      const dataDir = join(tmp, 'web-data');
      const child = spawn(
        npm,
        ['run', '--silent', 'web', '--', '--port', '0', '--data-dir', dataDir, '--no-open'],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        const url = await lines(child, /^http:\/\/127\.0\.0\.1:\d+\//);
        const port = Number(new URL(url).port);
        expect(await portOpen(port)).toBe(true);
        expect(processesMentioning(dataDir).length).toBeGreaterThan(1); // npm, its shell, node

        process.kill(child.pid ?? 0, 'SIGTERM'); // kill $!
        await until(async () => !(await portOpen(port)));
        await until(() => processesMentioning(dataDir).length === 0);
        expect(processesMentioning(dataDir)).toEqual([]);
      } finally {
        for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
      }
    }, 180_000);

    it('npm start: killing npm stops the desktop app it started', async () => {
      const dataDir = join(tmp, 'start-data');
      const dist = join(tmp, 'fake-electron');
      const log = join(tmp, 'fake-electron.log');
      mkdirSync(dist, { recursive: true });
      writeFileSync(
        join(dist, 'electron'),
        `#!/bin/sh\ntrap 'echo "got TERM" >> ${log}; exit 0' TERM\necho "$$" >> ${log}\nwhile :; do sleep 0.05; done\n`,
      );
      chmodSync(join(dist, 'electron'), 0o755);
      const child = spawn(npm, ['start', '--', '--data-dir', dataDir], {
        cwd: root,
        env: { ...process.env, DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: dist },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        await until(() => existsSync(log));
        const pid = Number(readFileSync(log, 'utf8').trim().split('\n')[0]);
        expect(processesMentioning(dataDir).length).toBeGreaterThan(1);

        process.kill(child.pid ?? 0, 'SIGTERM'); // kill $!
        await until(() => readFileSync(log, 'utf8').includes('got TERM'));
        await until(() => processesMentioning(dataDir).length === 0);
        expect(() => process.kill(pid, 0)).toThrow();
      } finally {
        for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
      }
    }, 180_000);
  },
);
