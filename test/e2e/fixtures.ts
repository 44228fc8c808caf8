// The app under test, launched for real: browser mode's host as its own Node
// process (so a test can kill it mid-meeting) with the built renderer, or the
// Electron app where its binary exists. Each test gets a fresh data folder it
// can seed before opening the app.
import {
  test as base,
  _electron,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../src-main/web/electron-binary';
import { ROOT, startHost } from './host';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface AppUnderTest {
  readonly dataDir: string;
  /** Starts the app (again) on the same data folder and returns its page. */
  open(): Promise<Page>;
  /** Stops the app cleanly. */
  stop(): Promise<void>;
  /** Kills the app's process outright, as a crash or power cut would. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));
}

export { ROOT };

class BrowserModeApp implements AppUnderTest {
  private host: ChildProcess | undefined;
  private page: Page | undefined;

  constructor(
    private readonly browser: Browser,
    readonly dataDir: string,
  ) {}

  async open(): Promise<Page> {
    const { child, url } = await startHost(this.dataDir);
    this.host = child;
    this.page ??= await this.browser.newPage();
    await this.page.goto(url);
    return this.page;
  }

  async stop(): Promise<void> {
    if (!this.host) return;
    this.host.kill('SIGTERM');
    await exited(this.host);
    this.host = undefined;
  }

  async kill(): Promise<void> {
    if (!this.host) return;
    this.host.kill('SIGKILL');
    await exited(this.host);
    this.host = undefined;
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.page?.close();
  }
}

class ElectronApp implements AppUnderTest {
  private app: ElectronApplication | undefined;

  constructor(
    private readonly binary: string,
    readonly dataDir: string,
  ) {}

  async open(): Promise<Page> {
    this.app = await _electron.launch({
      executablePath: this.binary,
      args: [ROOT, '--data-dir', this.dataDir],
    });
    return this.app.firstWindow();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  async kill(): Promise<void> {
    const child = this.app?.process();
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    this.app = undefined;
  }

  async dispose(): Promise<void> {
    await this.kill();
  }
}

export const test = base.extend<{ app: AppUnderTest }>({
  app: async ({ browser }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-e2e-'));
    const binary = testInfo.project.name === 'electron' ? electronBinary() : undefined;
    const app = binary ? new ElectronApp(binary, dataDir) : new BrowserModeApp(browser, dataDir);
    await use(app);
    await app.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
