// Nothing is lost: history and settings survive a restart, a killed host
// leaves a meeting that can be resumed or scored, and a damaged data file is
// set aside without taking anything else with it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import {
  CRO,
  VALUE_REPLIES,
  conversation,
  endMeeting,
  goTo,
  replyBox,
  say,
  screenshot,
  startMeeting,
} from './pages';

test('history and settings survive a restart', async ({ app }) => {
  let page = await app.open();
  await goTo(page, 'Settings');
  await page.getByLabel('Your name').fill('Priya');
  await page.getByLabel('Your name').press('Enter');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Exam' }).check();
  await expect(page.getByRole('status')).toContainText(/saved/i);
  await screenshot(page, 'settings-dark');

  await goTo(page, 'Practise');
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  await expect(conversation(page)).toContainText('Priya');
  await endMeeting(page);

  await app.stop();
  page = await app.open();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await goTo(page, 'Settings');
  await expect(page.getByLabel('Your name')).toHaveValue('Priya');
  await expect(page.getByRole('radio', { name: 'Exam' })).toBeChecked();
  await goTo(page, 'History');
  const table = page.getByRole('table', { name: 'Sessions' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(CRO);
  await screenshot(page, 'history');
  await table.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(VALUE_REPLIES[0]);
});

test('a host killed mid-meeting leaves the meeting to resume with every answered turn', async ({
  app,
}) => {
  let page = await app.open();
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  await say(page, VALUE_REPLIES[1]);
  const before = await conversation(page).getByRole('listitem').allInnerTexts();
  await app.kill();

  page = await app.open();
  const banner = page.getByRole('alert').filter({ hasText: 'Interrupted meeting' });
  await expect(banner).toContainText(CRO);
  await expect(banner).toContainText('2 turns');
  await banner.getByRole('button', { name: 'Resume' }).click();
  await expect(replyBox(page)).toBeVisible();
  expect(await conversation(page).getByRole('listitem').allInnerTexts()).toEqual(before);

  await say(page, VALUE_REPLIES[2]);
  await endMeeting(page);
  for (const reply of VALUE_REPLIES) await expect(page.getByRole('main')).toContainText(reply);
});

test('reloading the page mid-meeting loses nothing: the host still holds the meeting', async ({
  app,
}) => {
  const page = await app.open();
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  const before = await conversation(page).getByRole('listitem').allInnerTexts();
  await page.reload();
  await expect(replyBox(page)).toBeVisible();
  expect(await conversation(page).getByRole('listitem').allInnerTexts()).toEqual(before);
  await say(page, VALUE_REPLIES[1]);
  await expect(conversation(page).getByRole('listitem')).toHaveCount(5);
});

test('when the host has stopped, the page says so instead of waiting forever', async ({ app }) => {
  const page = await app.open();
  // The buyers have loaded (the heading alone shows before the host answers).
  const start = page.getByRole('article', { name: CRO }).getByRole('button', { name: 'Start' });
  await expect(start).toBeVisible();
  await app.stop();
  await start.click();
  await expect(page.getByRole('alert').filter({ hasText: /not answering/ })).toBeVisible({
    timeout: 15_000,
  });
});

test('an interrupted meeting can be scored as it stood', async ({ app }) => {
  let page = await app.open();
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  await app.kill();

  page = await app.open();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Interrupted meeting' })
    .getByRole('button', { name: 'Score it' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(VALUE_REPLIES[0]);
  await goTo(page, 'History');
  await expect(page.getByRole('table', { name: 'Sessions' }).getByRole('row')).toHaveCount(2);
});

test('a damaged session file is set aside with a message and the other sessions still open', async ({
  app,
}) => {
  let page = await app.open();
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  await endMeeting(page);
  await app.stop();

  mkdirSync(join(app.dataDir, 'sessions'), { recursive: true });
  writeFileSync(
    join(app.dataDir, 'sessions', '20250101-000000-broken.json'),
    '{"version": 1, "id": "20250101-000000-broken", "turns": [',
  );
  page = await app.open();
  await expect(
    page.getByRole('alert').filter({ hasText: '20250101-000000-broken.json' }),
  ).toContainText(/set-aside/);
  await goTo(page, 'History');
  const table = page.getByRole('table', { name: 'Sessions' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('main')).toContainText(VALUE_REPLIES[0]);
});

test('deleting a session can be undone, and the list exports as CSV', async ({ app }) => {
  const page = await app.open();
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  await endMeeting(page);
  await goTo(page, 'History');
  const table = page.getByRole('table', { name: 'Sessions' });
  await expect(table.getByRole('row')).toHaveCount(2);

  await table.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No sessions yet')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const rows = csv.trim().split(/\r?\n/);
  expect(rows[0]).toMatch(/^date,scenario,difficulty/);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(CRO);

  const json = page.waitForEvent('download');
  await table.getByRole('button', { name: 'Export JSON' }).click();
  const record = JSON.parse(await readFile(await (await json).path(), 'utf8')) as {
    scenario: { title: string };
    turns: { rep: string }[];
    report: { overall: number };
  };
  expect(record.scenario.title).toBe(CRO);
  expect(record.turns.map((t) => t.rep)).toEqual([VALUE_REPLIES[0]]);
  expect(typeof record.report.overall).toBe('number');
});
