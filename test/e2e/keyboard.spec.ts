// A meeting held with the keyboard alone: no mouse from the gallery to the report.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CRO, VALUE_REPLIES, conversation, replyBox } from './pages';

/** Presses Tab until `target` has focus, failing after `limit` presses: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  await target.evaluate((el) => el.setAttribute('data-tab-target', ''));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.hasAttribute('data-tab-target'))) {
      await target.evaluate((el) => el.removeAttribute('data-tab-target'));
      return;
    }
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

test('a meeting held with the keyboard alone', async ({ app }) => {
  const page = await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a buyer' })).toBeVisible();

  const card = page.getByRole('article', { name: CRO });
  await tabTo(page, card.getByRole('button', { name: 'Start' }));
  await page.keyboard.press('Enter');
  await expect(replyBox(page)).toBeVisible();

  // Starting a meeting may already put the cursor in the reply box; if not, Tab gets there.
  if (!(await replyBox(page).evaluate((el) => el === document.activeElement))) {
    await tabTo(page, replyBox(page));
  }
  await page.keyboard.type('What does a good year look like');
  // Shift+Enter adds a line; Enter sends.
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('for your team?');
  await expect(replyBox(page)).toHaveValue('What does a good year look like\nfor your team?');
  await page.keyboard.press('Enter');
  await expect(conversation(page).getByRole('listitem')).toHaveCount(3);
  await expect(replyBox(page)).toBeFocused();

  await page.keyboard.type(VALUE_REPLIES[1]);
  await page.keyboard.press('Enter');
  await expect(conversation(page).getByRole('listitem')).toHaveCount(5);

  await tabTo(page, page.getByRole('button', { name: 'End meeting' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeFocused();
});
