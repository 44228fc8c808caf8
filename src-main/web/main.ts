// `npm run web`: First Meeting in browser mode. Starts the session host and the
// local server, prints the address to open (token included) on a line of its
// own, and opens it in the default browser unless --no-open. Built to
// out/main/web.js and run by build/run.mjs, which builds first if needed.
//
//   npm run --silent web -- [--port PORT] [--data-dir DIR] [--no-open]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataFolderProblem } from '../services/data-folder';
import { defaultDataDir } from '../services/paths';
import { PROJECT_ROOT, RENDERER_DIR } from './paths';
import { startWebHost } from './server';
import type { RunningHost } from './start-host';

const USAGE = `Usage: npm run --silent web -- [--port PORT] [--data-dir DIR] [--no-open]

  --port PORT      port on 127.0.0.1 to listen on (default: a free one)
  --data-dir DIR   where sessions and settings are kept (default: ${defaultDataDir()})
  --no-open        print the address but do not open a browser`;

export interface WebOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly open: boolean;
}

export function parseWebArgs(argv: readonly string[]): WebOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageHelp();
  const port = /^\d+$/.test(values.port ?? '0') ? Number(values.port ?? 0) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port: "${values.port}" is not a port number (0-65535)`);
  }
  return {
    port,
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    open: !values['no-open'],
  };
}

class UsageHelp extends Error {}

export async function runWeb(
  options: WebOptions,
  say: (line: string) => void,
): Promise<() => Promise<void>> {
  const version = (
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  // Fail before printing an address if the data folder cannot be used.
  const problem = dataFolderProblem(options.dataDir);
  if (problem) throw new Error(problem);
  // Listen first and load the host while the page loads; calls wait for it.
  let resolveHost: (host: RunningHost) => void = () => undefined;
  const ready = new Promise<RunningHost>((resolve) => (resolveHost = resolve));
  const web = await startWebHost({
    call: async (name, args) => (await ready).call(name, args),
    rendererDir: RENDERER_DIR,
    port: options.port,
  });
  say(`First Meeting is running in browser mode (data in ${options.dataDir}). Open:`);
  say(web.url);
  say('Press Ctrl+C to stop; a meeting in progress is kept and offered again next time.');
  if (options.open) openInBrowser(web.url);
  let host: RunningHost;
  try {
    const { startHost } = await import('./start-host');
    host = startHost(options.dataDir, version);
  } catch (error) {
    await web.close();
    throw error;
  }
  resolveHost(host);
  return async () => {
    await host.close();
    await web.close();
  };
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no opener: the printed address is enough
  child.unref();
}

export async function main(argv: readonly string[]): Promise<void> {
  let options: WebOptions;
  try {
    options = parseWebArgs(argv);
  } catch (error) {
    if (error instanceof UsageHelp) {
      console.log(USAGE);
      return;
    }
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  let stop: () => Promise<void>;
  try {
    stop = await runWeb(options, (line) => console.log(line));
  } catch (error) {
    console.error(`First Meeting could not start: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const shutdown = () => {
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
