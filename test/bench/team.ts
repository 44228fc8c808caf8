// Team-roleplay benchmarks, in Debian's Chromium against browser mode:
// - a turn in a twelve-rep relay, from Send to the buyer's line on screen;
// - opening the board of a stored twelve-rep One meeting each.
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeHost } from '../../src-main/host/compose';
import { openJsonSettingsBackend } from '../../src-main/services/json-settings';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/host';
import { report } from './measure';

const REPS = Array.from({ length: 12 }, (_, i) => `Rep ${String.fromCharCode(65 + i)}`);
const REPLIES = [
  'What does a great year look like for your team?',
  'What gets in the way of that today?',
  'How do you decide which targets are worth pursuing?',
  'When a new hire chases a bad-fit deal, what does that cost you?',
  'Who else feels it when that happens?',
  'What have you tried so far?',
  'What would change for you if that were fixed?',
  'Would it make sense to talk again next week with your sales ops lead?',
];

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Send pressed to the buyer's answer painted: the newest turn card carries it. */
const MEASURE_TURN = `new Promise((resolve, reject) => {
  const send = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send');
  const line = document.querySelector('.buyer-line p');
  if (!send || !line) return reject(new Error('no Send button or buyer line'));
  const before = document.querySelectorAll('.team-turn').length;
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('.team-turn').length > before) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  send.click();
})`;

async function startRelay(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Team roleplay' })
    .click();
  await page.getByLabel('Scenario').selectOption({ value: 'light-stack-leader' });
  await page.getByRole('radio', { name: 'Easy' }).check();
  for (const rep of REPS) {
    await page.getByLabel('Rep name').fill(rep);
    await page.getByRole('button', { name: 'Add rep' }).click();
  }
  await page.getByRole('checkbox', { name: /The room calls each turn/ }).uncheck();
  await page.getByRole('button', { name: 'Start team roleplay' }).click();
  await page.getByText(/^Now speaking: /).waitFor();
}

async function relayTurns(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-'));
  const { child, url } = await startHost(dataDir);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const samples: number[] = [];
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'Start' }).first().waitFor();
    while (samples.length < 45) {
      await startRelay(page);
      for (const text of REPLIES) {
        if (!(await page.getByRole('button', { name: 'Send' }).isVisible())) break;
        const box = page.getByLabel('Your reply');
        if (!(await box.isEditable())) break;
        await box.fill(text);
        samples.push((await page.evaluate(MEASURE_TURN)) as number);
      }
      await page.getByRole('button', { name: /^End roleplay/ }).click();
      await page.getByRole('button', { name: 'Yes, end and show the board' }).click();
      await page.getByRole('heading', { level: 1, name: 'Team board' }).waitFor();
    }
  } finally {
    await page.close();
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  report('12-rep relay: Send -> buyer line on screen', samples.slice(5), 'ms', 'p95 < 50 ms', 50);
}

/** A stored One meeting each for twelve reps, eight turns each, made through the host. */
async function seedEach(dataDir: string): Promise<string> {
  const composed = composeHost({
    dataDir,
    shell: 'browser',
    version: 'bench',
    openSettingsBackend: openJsonSettingsBackend,
  });
  const { teams } = composed;
  const view = teams.start({
    scenarioId: 'light-stack-leader',
    difficulty: 'easy',
    mode: 'coach',
    rotation: 'each',
    turnsPerRep: 1,
    reps: REPS,
    calling: true,
  });
  for (let r = 0; r < REPS.length; r++) {
    for (const [i, text] of REPLIES.entries()) {
      const now = teams.current();
      if (!now || now.meetings.at(-1)?.ended) break;
      const after = teams.act({ teamId: view.id, action: { type: 'turn', text, source: 'typed' } });
      const n = after.turns.at(-1)?.n ?? 1;
      teams.act({
        teamId: view.id,
        action: { type: 'call', turn: n, call: i % 3 === 0 ? 'value' : 'neutral' },
      });
    }
    if (r < REPS.length - 1) teams.act({ teamId: view.id, action: { type: 'next' } });
  }
  teams.end({ teamId: view.id });
  // Closed whole (its folder watch and sender too), so nothing writes after the folder is gone.
  await composed.close();
  return view.id;
}

async function boardOfTwelve(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-'));
  await seedEach(dataDir);
  const { child, url } = await startHost(dataDir);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const samples: number[] = [];
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'Start' }).first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (let run = 0; run < 11; run++) {
      await nav.getByRole('button', { name: 'History' }).click();
      const open = page.getByRole('button', { name: /^Open the team roleplay of/ });
      await open.waitFor();
      const t0 = performance.now();
      await open.click();
      await page.getByRole('heading', { level: 2, name: 'Ranking' }).waitFor();
      await page.getByRole('row', { name: new RegExp(`^\\d+ ${REPS[11]}`) }).waitFor();
      samples.push(performance.now() - t0);
    }
  } finally {
    await page.close();
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  report('open the board: 12 reps, one meeting each', samples.slice(1), 'ms', 'p95 < 300 ms', 300);
}

export async function benchTeam(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await relayTurns(browser);
    await boardOfTwelve(browser);
  } finally {
    await browser.close();
  }
}
