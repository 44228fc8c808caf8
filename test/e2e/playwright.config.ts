// End-to-end tests: the real app (browser mode's host and the built renderer)
// driven in Debian's Chromium. Playwright never downloads a browser here; set
// FIRST_MEETING_CHROMIUM to use another Chromium. Where Electron's binary is
// installed, the same specs also run against the desktop app (project "electron").
import { defineConfig } from '@playwright/test';
import { electronBinary } from '../../src-main/web/electron-binary';

export const CHROMIUM = process.env.FIRST_MEETING_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  // Two cores: one test at a time keeps each host and browser responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'browser-mode', use: { browserName: 'chromium' } },
    ...(electronBinary() ? [{ name: 'electron', metadata: { shell: 'electron' } }] : []),
  ],
});
