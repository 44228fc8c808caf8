// End-to-end tests: the real app (browser mode's host and the built renderer)
// driven in Debian's Chromium. Playwright never downloads a browser here; set
// FIRST_MEETING_CHROMIUM to use another Chromium. Where Electron's binary is
// installed, the same specs also run against the desktop app (project "electron").
import { defineConfig } from '@playwright/test';
import { electronBinary } from '../../src-main/web/electron-binary';
import { MIC_WAV } from './audio';

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

/** Chromium hears MIC_WAV (made by global-setup.ts) as its microphone, once, and grants it. */
const FAKE_MICROPHONE = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${MIC_WAV}%noloop`,
];

const SPEECH_SPECS = 'speech.spec.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
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
    { name: 'browser-mode', use: { browserName: 'chromium' }, testIgnore: SPEECH_SPECS },
    {
      // Spoken replies: the same app, with a recording as the microphone.
      name: 'speech',
      testMatch: SPEECH_SPECS,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...FAKE_MICROPHONE] },
      },
    },
    ...(electronBinary()
      ? [{ name: 'electron', metadata: { shell: 'electron' }, testIgnore: SPEECH_SPECS }]
      : []),
  ],
});
