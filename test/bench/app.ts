// App benchmarks, measured in Debian's Chromium against browser mode:
// - a reply sent to the buyer's answer on screen, over 50 turns;
// - a fresh start to the first screen a rep can use;
// - opening History with 10,000 stored sessions.
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SessionRecord } from '../../src-main/contract/api';
import { composeHost } from '../../src-main/host/compose';
import { openJsonSettingsBackend } from '../../src-main/services/json-settings';
import { historyRowOf } from '../../src-main/services/storage/record-schema';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/host';
import { report } from './measure';

const REPLIES = [
  'What does a good year look like for your team?',
  'What gets in the way of that today?',
  'How do you decide which deals get your best people?',
  'What happens to the deals your team ends up losing?',
  'How does that affect what you can promise the board?',
  'Who else feels that when it happens?',
  'What have you tried so far?',
  'What would change for you if that were fixed?',
];

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function openGallery(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start' }).first().waitFor();
}

/** Wall-clock time (ms since the epoch) the page marked its gallery usable. */
function galleryReadyAt(page: Page): Promise<number> {
  return page.evaluate(
    `performance.timeOrigin + performance.getEntriesByName('first-meeting:gallery-ready')[0].startTime`,
  ) as Promise<number>;
}

/** Milliseconds from pressing Send to the buyer's answer painted on screen. */
async function timedReply(page: Page, text: string): Promise<number> {
  await page.getByLabel('Your reply').fill(text);
  // Passed as source text: tsx would otherwise wrap named functions in a helper the page lacks.
  return page.evaluate(MEASURE_REPLY) as Promise<number>;
}

const MEASURE_REPLY = `new Promise((resolve, reject) => {
  const list = document.querySelector('[aria-label="Conversation"]');
  const send = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send');
  if (!list || !send) return reject(new Error('no conversation or Send button'));
  const before = list.children.length;
  const start = performance.now();
  // The rep's line appears at once; the buyer's answer is the line after it.
  const observer = new MutationObserver(() => {
    if (list.children.length >= before + 2 || !list.isConnected) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    }
  });
  observer.observe(list, { childList: true });
  send.click();
})`;

async function replyLatency(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-'));
  const { child, url } = await startHost(dataDir);
  const page = await browser.newPage();
  const samples: number[] = [];
  try {
    await openGallery(page, url);
    while (samples.length < 55) {
      const card = page.getByRole('article', { name: 'The CRO who wants more pipeline' });
      await card.getByLabel('Difficulty').selectOption({ label: 'Easy' });
      await card.getByRole('button', { name: 'Start' }).click();
      await page.getByLabel('Your reply').waitFor();
      for (const text of REPLIES) {
        samples.push(await timedReply(page, text));
        if (!(await page.getByLabel('Your reply').isVisible())) break;
      }
      // A new meeting for the next round: end this one and go back to the gallery.
      if (await page.getByRole('button', { name: 'End meeting' }).isVisible()) {
        await page.getByRole('button', { name: 'End meeting' }).click();
      }
      await page.getByRole('heading', { name: 'Session report' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Practise' })
        .click();
    }
  } finally {
    await page.close();
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  // The first few turns warm up the page and the host.
  report('reply sent -> buyer line on screen', samples.slice(5, 55), 'ms', 'p95 < 50 ms', 50);
}

/**
 * From launching the host process to a gallery the rep can use. The first
 * start on a new data folder also caches the scenario files; every later start
 * (the everyday case) reuses that cache, so the two are reported apart.
 */
async function firstScreen(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-'));
  const samples: number[] = [];
  try {
    for (let run = 0; run < 8; run++) {
      const page = await browser.newPage();
      // Timed by the page's own mark, so Playwright's polling adds nothing.
      const start = Date.now();
      const { child, url } = await startHost(dataDir);
      await openGallery(page, url);
      samples.push((await galleryReadyAt(page)) - start);
      await page.close();
      await stop(child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  report('start -> first screen, first start ever', samples.slice(0, 1), 'ms', '(for reference)');
  report(
    'start -> first screen usable (browser mode)',
    samples.slice(1),
    'ms',
    'p95 < 1000 ms',
    1000,
  );
}

/** A data folder holding `count` stored sessions, made from one real meeting. */
async function seedSessions(dataDir: string, count: number): Promise<void> {
  const composed = composeHost({
    dataDir,
    shell: 'browser',
    version: 'bench',
    openSettingsBackend: openJsonSettingsBackend,
  });
  const { host } = composed;
  const view = host.start({ scenarioId: 'average-cro', difficulty: 'normal', mode: 'coach' });
  for (const text of REPLIES.slice(0, 4)) host.reply({ sessionId: view.id, text, source: 'typed' });
  const real = host.end({ sessionId: view.id });
  if (!real) throw new Error('the bench meeting was not stored');
  // Closed whole (its folder watch and sender too), so nothing writes after the folder is gone.
  await composed.close();
  rmSync(join(dataDir, 'sessions', `${real.id}.json`));
  const rows = [];
  const start = Date.parse('2025-01-01T09:00:00Z');
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const overall = (i * 37) % 101;
    const record: SessionRecord = {
      ...real,
      id,
      startedAt: new Date(start + i * 3_600_000).toISOString(),
      report: { ...real.report, overall, valueCreation: (i * 53) % 101, pitching: (i * 11) % 101 },
    };
    writeFileSync(join(dataDir, 'sessions', `${id}.json`), JSON.stringify(record));
    rows.push(historyRowOf(record));
  }
  writeFileSync(join(dataDir, 'history.json'), JSON.stringify({ version: 1, rows }));
}

async function historyWithManySessions(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-'));
  mkdirSync(join(dataDir, 'sessions'), { recursive: true });
  await seedSessions(dataDir, 10_000);
  const started = performance.now();
  const { child, url } = await startHost(dataDir);
  const page = await browser.newPage();
  const samples: number[] = [];
  try {
    await openGallery(page, url);
    report(
      'start -> first screen, 10,000 sessions stored',
      [performance.now() - started],
      'ms',
      '(for reference)',
    );
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (let run = 0; run < 11; run++) {
      const t0 = performance.now();
      await nav.getByRole('button', { name: 'History' }).click();
      await page
        .getByText(/of 10,?000/)
        .first()
        .waitFor();
      await page.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(1).waitFor();
      samples.push(performance.now() - t0);
      await nav.getByRole('button', { name: 'Practise' }).click();
      await page.getByRole('button', { name: 'Start' }).first().waitFor();
    }
  } finally {
    await page.close();
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  report('open History with 10,000 sessions', samples.slice(1), 'ms', 'p95 < 300 ms', 300);
}

export async function benchApp(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await replyLatency(browser);
    await firstScreen(browser);
    await historyWithManySessions(browser);
  } finally {
    await browser.close();
  }
}
