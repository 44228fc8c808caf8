// Making sure the built renderer exists and is newer than its sources before
// serving it, so `npm start` and `npm run web` never show a stale UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');

const SOURCES = ['src-renderer', 'src-main', 'electron.vite.config.ts', 'package.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

export function buildIsStale(root = PROJECT_ROOT): boolean {
  const built = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(built) || !existsSync(join(root, 'out', 'main', 'index.js'))) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestChange(join(root, source)) > builtAt);
}

/** Builds the app with electron-vite when the build is missing or older than the sources. */
export function ensureBuilt(say: (line: string) => void): void {
  if (!buildIsStale()) return;
  say('Building First Meeting (the sources changed since the last build)...');
  const bin = join(
    PROJECT_ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  const result = spawnSync(bin, ['build'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error('The build failed (see above); run `npm run build` to see why.');
}
