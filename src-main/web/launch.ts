// `npm start`: the desktop app where Electron can run, fetching its binary the
// first time (see electron-binary.ts), and browser mode (same UI, same host)
// where it cannot, saying the real reason. Built to out/main/launch.js and run
// by build/run.mjs, which builds first.
//
//   npm start -- [--browser] [--port PORT] [--data-dir DIR] [--no-open]
import { spawn } from 'node:child_process';
import { obtainElectron, type ElectronOptions } from './electron-binary';
import { PROJECT_ROOT } from './paths';
import { main as browserMode } from './main';

/** Signals passed on to the desktop app, so stopping `npm start` stops it. */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `binary` with `args`, passing on every signal this process gets, and
 * resolves with the exit code to end with once it has ended (128 + signal
 * number when it was killed, as a shell reports it).
 */
export function runForwarding(binary: string, args: readonly string[]): Promise<number> {
  const child = spawn(binary, [...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return new Promise((resolve) => {
    const done = (code: number) => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(code);
    };
    child.once('error', (error) => {
      console.error(`The desktop app could not be started: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => {
      if (code !== null) done(code);
      else done(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
    });
  });
}

export async function main(argv: readonly string[], electron: ElectronOptions = {}): Promise<void> {
  const forceBrowser = argv.includes('--browser');
  const rest = argv.filter((arg) => arg !== '--browser');
  if (!forceBrowser) {
    const decision = await obtainElectron(electron);
    if (decision.kind === 'desktop') {
      const dataDir = rest.indexOf('--data-dir');
      const args = [PROJECT_ROOT, ...(dataDir >= 0 ? ['--data-dir', rest[dataDir + 1] ?? ''] : [])];
      // Exit when the desktop app ends, with its code.
      process.exit(await runForwarding(decision.binary, args));
    }
    console.log(
      `First Meeting opens in your browser instead of the desktop app: ${decision.message}. Everything works the same and stays on this computer.`,
    );
  }
  await browserMode(rest);
}
