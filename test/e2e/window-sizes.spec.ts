// Every window size a rep is likely to use, and high zoom: in a meeting the
// conversation scrolls in its own pane while the header (buyer, clock, End
// meeting), the meters and the reply box stay on screen, and the newest line
// is in view after each Send; History shows every column and its actions
// without sideways scrolling; each buyer's Start is in view with the card;
// the progress axis tells sessions of one day apart by their times. A
// screenshot of each screen at each size goes to test-results/screenshots.
import type { Locator, Page } from '@playwright/test';
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

const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Enough turns that the conversation outgrows its pane even in the largest window. */
const MORE_REPLIES = [
  'Which part of the pipeline worries you most this quarter?',
  'When a deal slips, what does that do to the forecast you give the board?',
  'How do your best reps find out what a buyer really needs?',
  'What would change for your team if that were easier?',
] as const;

/** The element lies inside the window (all of it, give or take a pixel of rounding). */
async function expectWhollyInView(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeInViewport({ ratio: 0.95 });
}

/** The page itself does not scroll sideways; `box`, if given, neither. */
async function expectNoSidewaysScroll(page: Page, box?: Locator): Promise<void> {
  const page_ = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(page_.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(page_.width);
  if (box) {
    const inner = await box.evaluate((el) => ({ scroll: el.scrollWidth, width: el.clientWidth }));
    expect(inner.scroll, 'the table scrolls sideways').toBeLessThanOrEqual(inner.width);
  }
}

/**
 * The newest line is on screen inside the conversation pane: all of it, or,
 * for a line taller than the pane, as much as the pane can show.
 */
async function expectNewestLineShown(page: Page): Promise<void> {
  await expect
    .poll(() =>
      conversation(page).evaluate((pane) => {
        const line = pane.lastElementChild;
        if (!line) return 'no line';
        const p = pane.getBoundingClientRect();
        const l = line.getBoundingClientRect();
        const top = Math.max(p.top, l.top, 0);
        const bottom = Math.min(p.bottom, l.bottom, window.innerHeight);
        const shown = Math.max(0, bottom - top);
        return shown >= Math.min(l.height, pane.clientHeight) - 2
          ? 'shown'
          : `${shown} of ${l.height}px`;
      }),
    )
    .toBe('shown');
}

async function expectMeetingFrame(page: Page): Promise<void> {
  // The header, the meters and the reply box stay put; the newest line is in view.
  await expectWhollyInView(page, page.getByRole('heading', { level: 1, name: /Meeting with/ }));
  await expectWhollyInView(page, page.getByRole('timer', { name: 'Meeting clock' }));
  await expectWhollyInView(page, page.getByRole('button', { name: 'End meeting' }));
  for (const meter of await page.getByRole('meter').all()) await expectWhollyInView(page, meter);
  await expectWhollyInView(page, replyBox(page));
  await expectWhollyInView(page, page.getByRole('button', { name: 'Send' }));
  await expectNewestLineShown(page);
  // Only the conversation scrolls: the page never does.
  const scrolls = await page.evaluate(
    () => document.documentElement.scrollHeight > document.documentElement.clientHeight,
  );
  expect(scrolls, 'the page scrolls, not just the conversation').toBe(false);
}

for (const size of SIZES) {
  const name = `${size.width}x${size.height}`;
  test.describe(`in a ${name} window`, () => {
    test.use({ viewport: size, reducedMotion: 'reduce' });

    test(`gallery, meeting, report and History all fit at ${name}`, async ({ app }) => {
      const page = await app.open();
      await expect(page.getByRole('heading', { level: 1, name: 'Choose a buyer' })).toBeVisible();
      const cards = page.getByRole('article');
      await expect(cards).toHaveCount(3);
      // The first buyer's Start is on the first screen; every card shows its Start
      // together with its title once the card is scrolled to.
      await expectWhollyInView(page, cards.first().getByRole('button', { name: 'Start' }));
      const header = await page.locator('.app-header').evaluate((el) => el.clientHeight);
      for (const card of await cards.all()) {
        const box = await card.boundingBox();
        expect(box && box.height, 'a card is taller than the window').toBeLessThanOrEqual(
          size.height - header,
        );
        await card.scrollIntoViewIfNeeded();
        await expectWhollyInView(page, card.getByRole('button', { name: 'Start' }));
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `gallery-${name}`);

      await startMeeting(page, CRO, { mode: 'Coach' });
      await expectMeetingFrame(page);
      for (const reply of [...VALUE_REPLIES, ...MORE_REPLIES]) {
        await say(page, reply);
        await expectMeetingFrame(page);
      }
      // The conversation did outgrow its pane, and scrolls inside it.
      const pane = await conversation(page).evaluate((el) => ({
        scroll: el.scrollHeight,
        height: el.clientHeight,
      }));
      expect(pane.scroll).toBeGreaterThan(pane.height);
      await screenshot(page, `meeting-${name}`);

      await endMeeting(page);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `report-${name}`);

      // A second meeting on the same day, for the progress chart.
      await page.getByRole('button', { name: 'Practise again' }).click();
      await expect(replyBox(page)).toBeVisible();
      await say(page, VALUE_REPLIES[0]);
      await endMeeting(page);

      await goTo(page, 'History');
      const table = page.getByRole('table', { name: 'Sessions' });
      await expect(table.getByRole('row')).toHaveCount(3);
      await expectNoSidewaysScroll(page, page.locator('.history-wrap'));
      // Every column of every row can be read, and every action pressed, without scrolling sideways.
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      for (const row of await table
        .getByRole('row')
        .filter({ has: page.getByRole('cell') })
        .all()) {
        const cells = row.locator('th, td');
        await expect(cells).toHaveCount(8);
        for (const cell of await cells.all()) {
          await cell.scrollIntoViewIfNeeded();
          const box = await cell.boundingBox();
          if (!box) throw new Error('a cell is not shown');
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
        for (const button of await row.getByRole('button').all()) {
          await button.scrollIntoViewIfNeeded();
          await expectWhollyInView(page, button);
        }
      }
      // Both sessions fell on one day: the axis shows their times.
      // (The time axis's labels are centred under their points; the score axis's are not.)
      const ticks = page.locator('.recharts-cartesian-axis-tick-value[text-anchor="middle"]');
      await expect(ticks.first()).toBeVisible();
      for (const tick of await ticks.allTextContents()) expect(tick).toMatch(/^\d\d:\d\d$/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `history-${name}`);

      await goTo(page, 'Settings');
      await expectNoSidewaysScroll(page);
      await screenshot(page, `settings-${name}`);
    });
  });
}

// Browser zoom: 200% and 400% of a 1280x800 window, as Chromium lays it out.
for (const zoom of [2, 4] as const) {
  test.describe(`at ${zoom * 100}% zoom`, () => {
    test.use({
      viewport: { width: 1280 / zoom, height: 800 / zoom },
      deviceScaleFactor: zoom,
      reducedMotion: 'reduce',
    });

    test(`the reply box is in view after each answer at ${zoom * 100}% zoom`, async ({ app }) => {
      const page = await app.open();
      await startMeeting(page, CRO, { mode: 'Coach' });
      for (const reply of [...VALUE_REPLIES, ...MORE_REPLIES.slice(0, 2)]) {
        await say(page, reply);
        await expectWhollyInView(page, replyBox(page));
        // The newest line sits just above it (at least its end, where the page is this short).
        await expect(conversation(page).getByRole('listitem').last()).toBeInViewport();
        await expect(replyBox(page)).toBeFocused();
      }
      await expectNoSidewaysScroll(page);
      await screenshot(page, `meeting-zoom-${zoom * 100}`);
      await endMeeting(page);
      await goTo(page, 'History');
      await expectNoSidewaysScroll(page, page.locator('.history-wrap'));
      await screenshot(page, `history-zoom-${zoom * 100}`);
    });
  });
}
