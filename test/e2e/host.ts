// Starting browser mode's host as its own Node process, for end-to-end tests
// and benchmarks: no Playwright here, so the bench can use it outside the runner.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Starts browser mode's host and resolves with the URL it prints. */
export function startHost(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    // The same command as `npm run web`, without npm in between so a kill reaches the host.
    ['build/run.mjs', 'web', '--port', '0', '--data-dir', dataDir, '--no-open', ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    if (!child.stdout) throw new Error('the host has no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line))
        resolvePromise({ child, url: line.trim() });
    });
    child.once('exit', (code) =>
      reject(new Error(`the host exited (${code}) before printing its address:\n${errors}`)),
    );
  });
}
