// Runs a built entry point of the app (out/main/ENTRY.js), building first when
// the build is missing or older than the sources, so `npm start` and
// `npm run web` never serve a stale UI. Plain JavaScript on purpose: it runs
// before anything is compiled, and it imports the entry in this same process,
// so stopping or killing this process stops the app.
//
//   node build/run.mjs launch|web [ARGS...]
import { spawnSync } from 'node:child_process';
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

function isStale() {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newest(join(root, source)) > builtAt);
}

const [entry, ...args] = process.argv.slice(2);
if (entry !== 'launch' && entry !== 'web') {
  console.error('usage: node build/run.mjs launch|web [ARGS...]');
  process.exit(2);
}
if (isStale()) {
  console.error('Building First Meeting (the sources changed since the last build)...');
  const bin = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  const result = spawnSync(bin, ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('The build failed (see above); run `npm run build` to see why.');
    process.exit(1);
  }
}
process.argv = [process.argv[0], join(root, 'out', 'main', `${entry}.js`), ...args];
const { main } = await import(pathToFileURL(join(root, 'out', 'main', `${entry}.js`)).href);
await main(args);
