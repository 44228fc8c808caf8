// Team roleplays in the real app: a relay of three reps through to the board
// with the room calling every turn, a note and an override that changes a
// rep's score; One meeting each with a ranking; the host killed mid-roleplay
// and resumed with everything kept; a roleplay held by keyboard alone; the
// print view. Screenshots of set-up, presenter and board are kept.
import { expect, test } from './fixtures';
import { goTo, replyBox, screenshot } from './pages';
import type { Page } from '@playwright/test';

const GOOD = 'What does a great year look like for your team?';
const FOLLOW = 'What gets in the way of that today?';
const PITCH = 'Our platform is the leading solution with the best dashboards on the market.';
const ASK = 'When a new hire chases a bad-fit deal, what does that cost you?';

async function setUp(
  page: Page,
  reps: readonly string[],
  options: { rotation?: 'Relay' | 'One meeting each'; calling?: boolean } = {},
): Promise<void> {
  await goTo(page, 'Team roleplay');
  await expect(page.getByRole('heading', { level: 1, name: 'Team roleplay' })).toBeVisible();
  await page.getByLabel('Scenario').selectOption({ value: 'light-stack-leader' });
  for (const rep of reps) {
    await page.getByLabel('Rep name').fill(rep);
    await page.getByRole('button', { name: 'Add rep' }).click();
  }
  if (options.rotation) await page.getByRole('radio', { name: options.rotation }).check();
  if (options.calling === false)
    await page.getByRole('checkbox', { name: /The room calls each turn/ }).uncheck();
}

async function start(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start team roleplay' }).click();
  await expect(page.getByText(/^Now speaking: /)).toBeVisible();
}

/** The current rep's turn: sent, and answered (the reply box empties). */
async function turn(page: Page, text: string): Promise<void> {
  await replyBox(page).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(replyBox(page)).toHaveValue('');
  await expect(page.locator('.team-turn').first()).toContainText(text.slice(0, 30));
}

/** Presses Tab until `target` has focus: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reachable with Tab');
}

async function callTurn(page: Page, call: 'Value' | 'Neutral' | 'Pitch'): Promise<void> {
  const panel = page.getByRole('region', { name: /^Call turn \d+/ });
  await panel.getByRole('button', { name: new RegExp(`^${call}`) }).click();
  await expect(panel).toBeHidden();
}

test('a relay of three reps: the room calls each turn, a note and an override change what the board shows', async ({
  app,
}) => {
  const page = await app.open();
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUp(page, ['Ana', 'Ben', 'Chloe']);
  // A bad name gets its message next to the field, and nothing is added.
  await page.getByLabel('Rep name').fill('ana');
  await page.getByRole('button', { name: 'Add rep' }).click();
  await expect(
    page.getByText('ana is on the roster already; give each rep a different name.'),
  ).toBeVisible();
  await page.getByLabel('Rep name').fill('');
  await screenshot(page, 'team-setup-1280x800');
  await start(page);

  await expect(page.getByText('Now speaking: Ana')).toBeVisible();
  await turn(page, GOOD);
  // The coach's call waits for the room's.
  await expect(page.getByText("The coach's call shows once the room has called it.")).toBeVisible();
  await callTurn(page, 'Value');
  await expect(page.getByRole('status').filter({ hasText: 'Turn 1: Room: Value' })).toContainText(
    'Coach: Value',
  );

  await expect(page.getByText('Now speaking: Ben')).toBeVisible();
  await turn(page, PITCH);
  await callTurn(page, 'Pitch');
  await expect(page.getByText('Now speaking: Chloe')).toBeVisible();
  await turn(page, FOLLOW);
  await callTurn(page, 'Neutral');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'team-presenter-1920x1080');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'team-presenter-1280x720');

  // A note that is markup stays text; Ben's pitch is changed with a reason.
  const benTurn = page.locator('.team-turn[data-turn="2"]');
  await benTurn.getByRole('button', { name: 'Add note to turn 2' }).click();
  await benTurn.getByLabel('Note on turn 2').fill('<img src=x onerror=alert(1)>');
  await benTurn.getByRole('button', { name: 'Save note' }).click();
  await expect(benTurn.getByRole('list', { name: 'Notes on turn 2' })).toHaveText(
    // The note is text: shown as typed, never run as markup.
    'Note: <img src=x onerror=alert(1)>',
  );
  await benTurn.getByRole('button', { name: 'Change behaviour of turn 2' }).click();
  await benTurn.getByLabel('Behaviour for turn 2').selectOption({ label: 'Insight' });
  await benTurn.getByRole('button', { name: 'Save change' }).click();
  await expect(benTurn.getByText('Say why: a change of behaviour needs a reason.')).toBeVisible();
  await benTurn.getByLabel('Reason (required)').fill('The buyer had asked what we see elsewhere');
  await benTurn.getByRole('button', { name: 'Save change' }).click();
  await expect(benTurn).toContainText(
    'by the facilitator: The buyer had asked what we see elsewhere',
  );

  await page.getByRole('button', { name: /^End roleplay/ }).click();
  await page.getByRole('button', { name: 'Yes, end and show the board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team board' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  const ben = page.getByRole('row', { name: /^Ben/ });
  // The override counts: Ben's one turn is no longer a pitch.
  await expect(ben.getByRole('cell').nth(2)).toHaveText('0');
  await expect(
    page.getByText(
      /The room agreed with the coach on \d+% of 3 called turns\. The facilitator changed 1 behaviour\./,
    ),
  ).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await screenshot(page, 'team-board-1280x720');

  // Ben's own report: only his turn.
  await page.getByRole('button', { name: 'Open report of Ben' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  await expect(
    page.getByText('Ben, in a team roleplay (only their turns are scored)'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Back to the team board' }).click();

  // Export CSV: one row per rep and one per turn, the note as text.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(csv, 'utf8');
  expect(text.split('\r\n').filter((l) => l.startsWith('rep,'))).toHaveLength(3);
  expect(text.split('\r\n').filter((l) => l.startsWith('turn,'))).toHaveLength(3);
  expect(text).toContain('<img src=x onerror=alert(1)>');

  // History lists it as a team roleplay with its roster, and opens the board again.
  await goTo(page, 'History');
  const row = page.getByRole('row').filter({ hasText: 'Team · relay' });
  await expect(row).toContainText('with Ana, Ben, Chloe');
  await row.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team board' })).toBeVisible();
});

test('one meeting each: two reps meet the same buyer and the board ranks them', async ({ app }) => {
  const page = await app.open();
  await setUp(page, ['Dana', 'Eli'], { rotation: 'One meeting each', calling: false });
  await start(page);
  const opening = await page.locator('.buyer-line p').textContent();
  await turn(page, GOOD);
  await turn(page, ASK);
  await page.getByRole('button', { name: /^Next rep/ }).click();
  await expect(page.getByText('Now speaking: Eli')).toBeVisible();
  await expect(page.locator('.buyer-line p')).toHaveText(opening ?? '');
  await turn(page, PITCH);
  await turn(page, `${PITCH} It also integrates with everything.`);
  await page.getByRole('button', { name: /^End roleplay/ }).click();
  await page.getByRole('button', { name: 'Yes, end and show the board' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ranking' })).toBeVisible();
  const body = page.getByRole('table').getByRole('row');
  await expect(body.nth(1)).toContainText('Dana');
  await expect(body.nth(1).getByRole('cell').first()).toHaveText('1');
  await expect(body.nth(2)).toContainText('Eli');
});

test('the host killed mid-roleplay: the next start resumes it with roster, calls, notes and overrides', async ({
  app,
}) => {
  let page = await app.open();
  await setUp(page, ['Ana', 'Ben', 'Chloe']);
  await start(page);
  await turn(page, GOOD);
  await callTurn(page, 'Value');
  await turn(page, PITCH);
  await callTurn(page, 'Value');
  const benTurn = page.locator('.team-turn[data-turn="2"]');
  await benTurn.getByRole('button', { name: 'Add note to turn 2' }).click();
  await benTurn.getByLabel('Note on turn 2').fill('Talked about us too early');
  await benTurn.getByRole('button', { name: 'Save note' }).click();
  await expect(benTurn).toContainText('Talked about us too early');
  await benTurn.getByRole('button', { name: 'Change behaviour of turn 2' }).click();
  await benTurn.getByLabel('Behaviour for turn 2').selectOption({ label: 'Proof to sell' });
  await benTurn.getByLabel('Reason (required)').fill('It named a customer result');
  await benTurn.getByRole('button', { name: 'Save change' }).click();
  await expect(benTurn).toContainText('It named a customer result');

  await app.kill();
  page = await app.open();
  const banner = page.getByRole('alert').filter({ hasText: 'Interrupted team roleplay' });
  await expect(banner).toContainText('with Ana, Ben, Chloe, 2 turns');
  await banner.getByRole('button', { name: 'Resume team roleplay' }).click();
  await expect(page.getByText('Now speaking: Chloe')).toBeVisible();
  const resumed = page.locator('.team-turn[data-turn="2"]');
  await expect(resumed).toContainText('Talked about us too early');
  await expect(resumed).toContainText('It named a customer result');
  await expect(resumed).toContainText('Room: Value');
  await expect(page.locator('.team-turn[data-turn="1"]')).toContainText('Room: Value');
});

test('a roleplay held by keyboard alone: set-up, turns, calls by number keys, pause, events and the board', async ({
  app,
}) => {
  const page = await app.open();
  await goTo(page, 'Team roleplay');
  await expect(page.getByRole('heading', { level: 1, name: 'Team roleplay' })).toBeFocused();
  // Tab to the name field, type, Enter adds; twice.
  await tabTo(page, page.getByLabel('Rep name'));
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ben');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Start team roleplay' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Now speaking: Ana')).toBeVisible();
  await tabTo(page, replyBox(page));
  await page.keyboard.type(GOOD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /^Call turn 1/ })).toBeVisible();
  // The digit keys call the turn once focus has left the reply box.
  await tabTo(page, page.getByRole('button', { name: /^Value/ }));
  await page.keyboard.press('1');
  await expect(page.getByRole('status').filter({ hasText: 'Turn 1: Room: Value' })).toBeVisible();
  await page.keyboard.press('Alt+P');
  await expect(page.getByRole('button', { name: /^Resume/ })).toBeVisible();
  await expect(page.getByText(/Paused/)).toBeVisible();
  await page.keyboard.press('Alt+P');
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  // An event from the keyboard: the buyer says its line.
  await tabTo(page, page.getByRole('button', { name: 'The CFO joins' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.buyer-line p')).toContainText(/CFO|finance/);
  await page.keyboard.press('Alt+N');
  await expect(page.getByText('Now speaking: Ana')).toBeVisible();
  await page.keyboard.press('Alt+E');
  await expect(page.getByRole('button', { name: 'Yes, end and show the board' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Team board' })).toBeVisible();
});

test('the print view shows the board without the app around it', async ({ app }) => {
  const page = await app.open();
  await setUp(page, ['Ana', 'Ben'], { calling: false });
  await start(page);
  await turn(page, GOOD);
  await turn(page, PITCH);
  await page.getByRole('button', { name: /^End roleplay/ }).click();
  await page.getByRole('button', { name: 'Yes, end and show the board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team board' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open report of Ana' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Reps' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Ana/ })).toBeVisible();
  await screenshot(page, 'team-board-print');
  const pdf = await page.pdf();
  expect(pdf.byteLength).toBeGreaterThan(1000);
});
