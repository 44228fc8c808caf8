// A rep holds a meeting from the gallery to the report, in coach and exam
// mode, gets walked out on for pitching, and replays a meeting from a turn.
import { test, expect } from './fixtures';
import {
  CRO,
  PITCH_REPLIES,
  VALUE_REPLIES,
  conversation,
  endMeeting,
  replyBox,
  say,
  screenshot,
  startMeeting,
} from './pages';

test.describe('with reduced motion (charts drawn at once, as screenshots need)', () => {
  test.use({ reducedMotion: 'reduce' });

  test('a whole meeting, from choosing a buyer to the report with its evidence', async ({
    app,
  }) => {
    const page = await app.open();
    await expect(page.getByRole('article', { name: CRO })).toContainText('Dana Kessler');
    await expect(page.getByRole('article', { name: CRO })).toContainText('Chief Revenue Officer');
    await screenshot(page, 'gallery');

    await startMeeting(page, CRO, { difficulty: 'Normal', mode: 'Coach' });
    // The buyer opens the meeting (in one of several wordings, chosen per session).
    await expect(conversation(page).getByRole('listitem')).toHaveCount(1);
    await expect(conversation(page).getByRole('listitem').first()).toContainText(
      /Dana Kessler\s*\S+/,
    );
    await expect(page.getByRole('timer', { name: 'Meeting clock' })).toBeVisible();
    const trust = page.getByRole('meter', { name: 'Trust' });
    const trustBefore = Number(await trust.getAttribute('aria-valuenow'));

    for (const reply of VALUE_REPLIES) await say(page, reply);
    // Every buyer line is announced to screen readers, and good questions build trust.
    await expect(page.getByRole('log')).toContainText(/\w/);
    expect(Number(await trust.getAttribute('aria-valuenow'))).toBeGreaterThan(trustBefore);
    await expect(conversation(page).getByRole('listitem')).toHaveCount(
      1 + 2 * VALUE_REPLIES.length,
    );
    await screenshot(page, 'meeting');

    await endMeeting(page);
    const report = page.getByRole('main');
    for (const label of ['Value creation', 'Pitching', 'Overall']) {
      await expect(report.getByText(label, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('Questions');
    // One moment per turn, each with the rep's words and what to try instead.
    for (const reply of VALUE_REPLIES) await expect(report).toContainText(reply);
    await expect(report.getByText('Try instead').first()).toBeVisible();
    await expect(report.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Practise again' })).toBeVisible();
    await screenshot(page, 'report');
  });
});

test('the buyer ends the meeting after three pitches in a row, and the report says so', async ({
  app,
}) => {
  const page = await app.open();
  await startMeeting(page, CRO, { difficulty: 'Normal', mode: 'Coach' });
  const [first, second, last] = PITCH_REPLIES;
  for (const reply of [first, second]) {
    await replyBox(page).fill(reply);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(replyBox(page)).toHaveValue('');
  }
  await replyBox(page).fill(last);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText(/ended the meeting/i).first()).toBeVisible();
  // No timed jump: the walk-out line stays until the rep moves on.
  await page.getByRole('button', { name: 'See report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/ended by the buyer/i);
  await expect(page.getByRole('main')).toContainText(PITCH_REPLIES[0]);

  // Practise again: the same buyer, at the same difficulty, from the start.
  await page.getByRole('button', { name: 'Practise again' }).click();
  await expect(replyBox(page)).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Normal');
  await expect(conversation(page).getByRole('listitem')).toHaveCount(1);
  await expect(conversation(page)).toContainText('Dana Kessler');
});

test('exam mode hides the meters and behaviour tags during the meeting', async ({ app }) => {
  const page = await app.open();
  await startMeeting(page, CRO, { mode: 'Exam' });
  await say(page, VALUE_REPLIES[0]);
  await expect(page.getByRole('meter')).toHaveCount(0);
  await expect(conversation(page)).not.toContainText(/goal question/i);
  await endMeeting(page);
  await expect(page.getByRole('main')).toContainText(VALUE_REPLIES[0]);
});

test('replaying from a turn restores the meeting as it stood and lets the rep answer differently', async ({
  app,
}) => {
  const page = await app.open();
  await startMeeting(page, CRO);
  for (const reply of VALUE_REPLIES) await say(page, reply);
  const original = await conversation(page).getByRole('listitem').allInnerTexts();
  await endMeeting(page);

  await page.getByRole('button', { name: 'Replay from turn 3' }).click();
  await expect(replyBox(page)).toBeVisible();
  const lines = conversation(page).getByRole('listitem');
  // The opening and the first two exchanges, word for word.
  await expect(lines).toHaveCount(5);
  expect(await lines.allInnerTexts()).toEqual(original.slice(0, 5));

  await say(page, 'What would it mean for the board if win rates stayed where they are?');
  await endMeeting(page);
  await expect(page.getByRole('main')).toContainText('What would it mean for the board');
  await expect(page.getByRole('main')).not.toContainText(VALUE_REPLIES[2]);
});
