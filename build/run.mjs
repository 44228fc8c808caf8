// Runs a built entry point of the app (out/main/ENTRY.js), building first when
// the build is missing or older than the sources, so `npm start` and
// `npm run web` never serve a stale UI. Plain JavaScript on purpose: it runs
// before anything is compiled, and it imports the entry in this same process,
// so stopping or killing this process stops the app.
//
// `npm start` and `npm run web` put npm and a shell between the user's shell
// and this process; `kill $!` on a backgrounded `npm run web` stops npm and its
// shell, not this process. So this process also watches its parent: when the
// parent goes, it stops the app as if it had been sent SIGTERM (the app closes
// its server, and the desktop launcher passes the signal on to Electron).
//
//   node build/run.mjs launch|web [ARGS...]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'src-renderer',
  'src-main',
  'scenarios',
  'electron.vite.config.ts',
  'package.json',
];
const OUTPUTS = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/launch.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

/** Why a build is needed ('first', 'incomplete', 'changed'), or undefined when it is not. */
export function buildNeeded(dir = root) {
  const outputs = OUTPUTS.map((file) => join(dir, file));
  const present = outputs.filter((file) => existsSync(file));
  if (present.length === 0) return 'first';
  if (present.length < outputs.length) return 'incomplete';
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newest(join(dir, source)) > builtAt) ? 'changed' : undefined;
}

export const BUILDING = {
  first: 'Building First Meeting for the first time (this takes a few seconds)...',
  incomplete: 'Building First Meeting (the last build is incomplete)...',
  changed: 'Building First Meeting (the sources changed since the last build)...',
};

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs a child to its end, passing on the signals this process gets; resolves with its exit code and the signal that stopped it. */
function runChild(file, args, options) {
  const child = spawn(file, args, options);
  let stoppedBy;
  const forward = (signal) => {
    stoppedBy = signal;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of SIGNALS) process.on(signal, forward);
  return new Promise((resolvePromise) => {
    const done = (code) => {
      for (const signal of SIGNALS) process.off(signal, forward);
      resolvePromise({ code, stoppedBy });
    };
    child.once('error', () => done(1));
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Stops the app (SIGTERM to this process) once the process that started it has gone. */
function stopWhenOrphaned() {
  const parent = process.ppid;
  if (parent <= 1) return;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 200);
  watch.unref();
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await run(process.argv.slice(2));

async function run([entry, ...args]) {
  if (entry !== 'launch' && entry !== 'web') {
    console.error('usage: node build/run.mjs launch|web [ARGS...]');
    process.exit(2);
  }
  stopWhenOrphaned();
  const needed = buildNeeded();
  if (needed) {
    console.error(BUILDING[needed]);
    const bin = join(
      root,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
    );
    const { code, stoppedBy } = await runChild(bin, ['build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (stoppedBy) process.exit(stoppedBy === 'SIGINT' ? 130 : stoppedBy === 'SIGHUP' ? 129 : 143);
    if (code !== 0) {
      console.error('The build failed (see above); run `npm run build` to see why.');
      process.exit(1);
    }
  }
  process.argv = [process.argv[0], join(root, 'out', 'main', `${entry}.js`), ...args];
  const { main } = await import(pathToFileURL(join(root, 'out', 'main', `${entry}.js`)).href);
  await main(args);
}
