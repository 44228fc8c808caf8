// Spoken replies end to end: Chromium hears a flite recording as its
// microphone (audio.ts), the page streams it to the real host, pocketsphinx
// transcribes it, and the buyer answers, in hold-to-talk and in hands-free
// mode. The report then has a delivery section for the spoken turn.
import { holdMs, MIC_SENTENCE } from './audio';
import { expect, test } from './fixtures';
import { conversation, CRO, endMeeting, goTo, replyBox, screenshot, startMeeting } from './pages';

const HEARD = /quarter/i;

test('hold to talk: the rep speaks, the words are sent, and the buyer answers', async ({ app }) => {
  const page = await app.open();
  await startMeeting(page, CRO);
  const lines = conversation(page).getByRole('listitem');
  await expect(lines).toHaveCount(1);

  const talk = page.getByRole('button', { name: 'Hold to talk' });
  await expect(talk).toBeEnabled();
  await talk.hover();
  await page.mouse.down();
  await expect(page.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
  await page.waitForTimeout(holdMs()); // holding the button while the sentence is spoken
  await page.mouse.up();

  // The rep's spoken line, then the buyer's answer.
  await expect(lines).toHaveCount(3, { timeout: 20_000 });
  await expect(lines.nth(1)).toContainText(HEARD);
  await expect(lines.nth(1)).toContainText('(spoken)');
  await expect(lines.nth(2)).not.toHaveText('');
  await expect(replyBox(page)).toHaveValue('');
  await screenshot(page, 'meeting-spoken');

  await endMeeting(page);
  await expect(page.getByRole('heading', { name: 'Delivery' })).toBeVisible();
  const delivery = page.getByRole('table', { name: 'Delivery metrics' });
  for (const metric of ['Speaking pace', 'Filler words', 'Longest spoken turn'])
    await expect(delivery.getByRole('rowheader', { name: metric })).toBeVisible();
  await screenshot(page, 'report-delivery');
});

test('hands-free: the app hears the rep start and stop, and sends the reply itself', async ({
  app,
}) => {
  const page = await app.open();
  await startMeeting(page, CRO);
  const lines = conversation(page).getByRole('listitem');
  // Opening the microphone starts the recording; the silence after it ends the turn.
  await page.getByRole('checkbox', { name: 'Hands-free' }).check();
  await expect(lines).toHaveCount(3, { timeout: 25_000 });
  await expect(lines.nth(1)).toContainText(HEARD);
  await expect(lines.nth(1)).toContainText('(spoken)');
  // Only one turn: the silence after the sentence is not a reply.
  await page.waitForTimeout(2500);
  await expect(lines).toHaveCount(3);
});

test('a team roleplay hears the current rep the same way, and the turn is theirs', async ({
  app,
}) => {
  const page = await app.open();
  await goTo(page, 'Team roleplay');
  for (const rep of ['Ana', 'Ben']) {
    await page.getByLabel('Rep name').fill(rep);
    await page.getByRole('button', { name: 'Add rep' }).click();
  }
  await page.getByRole('checkbox', { name: /The room calls each turn/ }).uncheck();
  await page.getByRole('button', { name: 'Start team roleplay' }).click();
  await expect(page.getByText('Now speaking: Ana')).toBeVisible();
  const talk = page.getByRole('button', { name: 'Hold to talk' });
  await expect(talk).toBeEnabled();
  await talk.hover();
  await page.mouse.down();
  await page.waitForTimeout(holdMs());
  await page.mouse.up();
  const first = page.locator('.team-turn[data-turn="1"]');
  await expect(first).toContainText(HEARD, { timeout: 20_000 });
  await expect(first).toContainText('Ana');
  await expect(page.getByText('Now speaking: Ben')).toBeVisible();
});

test('a quick drill takes a spoken answer: the words wait in the box, then Answer judges them', async ({
  app,
}) => {
  const page = await app.open();
  await goTo(page, 'Drills');
  await page.getByLabel("New learner's name").fill('Sam');
  await page.getByRole('button', { name: 'Add learner' }).click();
  await page
    .getByRole('button', { name: /^Start / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quick drill: / })).toBeVisible();
  const talk = page.getByRole('button', { name: 'Hold to talk' });
  await expect(talk).toBeEnabled();
  await talk.hover();
  await page.mouse.down();
  await page.waitForTimeout(holdMs());
  await page.mouse.up();
  const box = page.getByLabel('Your answer');
  await expect(box).toHaveValue(HEARD, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^(Passed|Not yet)$/ })).toBeVisible();
  await expect(page.getByText(/^You said: /)).toContainText(HEARD);
});

test('review first: the transcript waits in the reply box to be edited, then goes as spoken', async ({
  app,
}) => {
  const page = await app.open();
  await goTo(page, 'Settings');
  await page.getByRole('checkbox', { name: 'Review the transcript before sending' }).check();
  await goTo(page, 'Practise');
  await startMeeting(page, CRO);
  const lines = conversation(page).getByRole('listitem');

  const talk = page.getByRole('button', { name: 'Hold to talk' });
  await talk.hover();
  await page.mouse.down();
  await page.waitForTimeout(holdMs());
  await page.mouse.up();

  await expect(replyBox(page)).toHaveValue(HEARD, { timeout: 20_000 });
  await expect(lines).toHaveCount(1); // nothing sent yet
  await replyBox(page).fill(`${MIC_SENTENCE} And what gets in the way?`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toContainText('And what gets in the way?');
  await expect(lines.nth(1)).toContainText('(spoken)');
});
