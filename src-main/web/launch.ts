// `npm start`: the desktop app where Electron's binary is installed, and
// browser mode (same UI, same host) where it is not, saying which and why.
// Built to out/main/launch.js and run by build/run.mjs, which builds first.
//
//   npm start -- [--browser] [--port PORT] [--data-dir DIR] [--no-open]
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary';
import { PROJECT_ROOT } from './paths';
import { main as browserMode } from './main';

export async function main(argv: readonly string[]): Promise<void> {
  const forceBrowser = argv.includes('--browser');
  const rest = argv.filter((arg) => arg !== '--browser');
  const binary = forceBrowser ? undefined : electronBinary();
  if (!binary) {
    if (!forceBrowser) {
      console.log(
        "Electron's binary is not installed here (it could not be downloaded), so First Meeting opens in your browser instead. Everything works the same and stays on this computer.",
      );
    }
    await browserMode(rest);
    return;
  }
  const dataDir = rest.indexOf('--data-dir');
  const args = [PROJECT_ROOT, ...(dataDir >= 0 ? ['--data-dir', rest[dataDir + 1] ?? ''] : [])];
  const child = spawn(binary, args, { stdio: 'inherit' });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}
