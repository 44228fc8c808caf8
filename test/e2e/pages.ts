// Page models: how a rep uses each screen, by what they see (roles and
// labels), shared by every spec and by both shells.
import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS } from './fixtures';

export const CRO = 'The CRO who wants more pipeline';

export async function startMeeting(
  page: Page,
  title: string,
  options: { difficulty?: 'Easy' | 'Normal' | 'Hard'; mode?: 'Coach' | 'Exam' } = {},
): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a buyer' })).toBeVisible();
  const card = page.getByRole('article', { name: title });
  if (options.difficulty)
    await card.getByLabel('Difficulty').selectOption({ label: options.difficulty });
  if (options.mode) await card.getByLabel('Mode').selectOption({ label: options.mode });
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(replyBox(page)).toBeVisible();
}

export function replyBox(page: Page): Locator {
  return page.getByLabel('Your reply');
}

export function conversation(page: Page): Locator {
  return page.getByRole('list', { name: 'Conversation' });
}

/** Sends a reply and waits until the buyer has answered it. */
export async function say(page: Page, text: string): Promise<void> {
  const lines = conversation(page).getByRole('listitem');
  const before = await lines.count();
  await replyBox(page).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  // The rep's line, then the buyer's answer (unless the buyer walked out without a word).
  await expect(lines.nth(before)).toContainText(text.slice(0, 40));
  await expect(replyBox(page)).toHaveValue('');
}

export async function endMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
}

export async function goTo(
  page: Page,
  screen: 'Practise' | 'Team roleplay' | 'Drills' | 'Score a call' | 'History' | 'Settings',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: screen })
    .click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Replies that create value: questions about outcomes and what problems cost. */
export const VALUE_REPLIES = [
  'What does a good year look like for your team?',
  'What happens to the deals your team ends up losing, where does that time go?',
  'How does a 17% win rate affect what you can promise the board?',
] as const;

/** Replies that pitch: talking about us and pushing data that supports buying. */
export const PITCH_REPLIES = [
  'Our platform is the market leader in revenue intelligence and we have a great product.',
  'Let me tell you about our features: AI coaching, forecasting, and dashboards.',
  'Our customers see a 30% lift in win rates, so you should buy our solution today.',
] as const;

/** Sends a reply and waits until the buyer has answered it or ended the meeting (See report). */
export async function sendUntilAnswered(page: Page, reply: string): Promise<void> {
  await replyBox(page).fill(reply);
  await page.getByRole('button', { name: 'Send' }).click();
  const seeReport = page.getByRole('button', { name: 'See report' });
  await expect
    .poll(
      async () =>
        (await seeReport.isVisible()) ||
        (await replyBox(page)
          .inputValue({ timeout: 500 })
          .catch(() => reply)) === '',
    )
    .toBe(true);
}
