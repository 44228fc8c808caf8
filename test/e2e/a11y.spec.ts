// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds nothing on any
// screen, in the light and the dark theme and in a small window; and what a
// screen-reader user hears of a meeting has no gaps: the opening once the
// heading has focus, a replay's turn and the buyer's last line, the walk-out
// line with a focused See report (no timed jump), focus never dropped while a
// meeting ends, the reply box before End meeting, History's buttons named by
// their session, Undo described by its message, an invalid setting announced,
// and the navigation saying which screen is shown.
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ROOT } from './host';
import {
  CRO,
  PITCH_REPLIES,
  VALUE_REPLIES,
  conversation,
  endMeeting,
  goTo,
  replyBox,
  say,
  sendUntilAnswered,
  startMeeting,
} from './pages';

const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string })
  .source;
const ZOOM_CALL = join(ROOT, 'test', 'fixtures', 'calls', 'zoom-first-meeting.vtt');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is and fails, listing each problem, on any violation. */
/** Sends a reply and waits until the buyer answered it or ended the meeting. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  // Evaluated through the debugging protocol, so the page's CSP does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: Violation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_21_AA);
  expect(
    violations.map(
      (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `accessibility problems on ${where}`,
  ).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 800, height: 600 },
  ]) {
    const where = `${scheme}, ${size.width}x${size.height}`;
    test.describe(`axe, ${where}`, () => {
      test.use({ colorScheme: scheme, viewport: size, reducedMotion: 'reduce' });

      test(`every screen passes WCAG 2.1 AA checks (${where})`, async ({ app }) => {
        const page = await app.open();
        await expect(page.getByRole('article', { name: CRO })).toBeVisible();
        await expectNoViolations(page, 'the gallery');

        await goTo(page, 'History');
        await expect(page.getByText('No sessions yet')).toBeVisible();
        await expectNoViolations(page, 'an empty History');

        await goTo(page, 'Settings');
        await expect(page.getByRole('radio', { name: 'Dark' })).toBeVisible();
        await expectNoViolations(page, 'Settings');
        const silence = page.getByLabel('Silence that ends your turn (seconds)');
        await silence.fill('99');
        await silence.press('Tab');
        await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
        await expectNoViolations(page, 'Settings with an invalid value');

        await goTo(page, 'Practise');
        await startMeeting(page, CRO, { mode: 'Coach' });
        await say(page, VALUE_REPLIES[0]);
        await say(page, VALUE_REPLIES[1]);
        await expectNoViolations(page, 'a meeting in coach mode');

        await endMeeting(page);
        await expect(page.getByRole('table', { name: 'Metrics' })).toBeVisible();
        await expectNoViolations(page, 'the report');

        await goTo(page, 'History');
        await expect(page.getByRole('table', { name: 'Sessions' }).getByRole('row')).toHaveCount(2);
        await expect(page.locator('.recharts-surface').first()).toBeVisible();
        await expectNoViolations(page, 'History with a session');
        await page.getByRole('button', { name: /^Delete the meeting of/ }).click();
        await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
        await expectNoViolations(page, 'History with the Undo notice');

        await goTo(page, 'Practise');
        await startMeeting(page, CRO, { mode: 'Exam' });
        for (const reply of PITCH_REPLIES) await sendUntilAnswered(page, reply);
        await expect(page.getByRole('button', { name: 'See report' })).toBeFocused();
        await expectNoViolations(page, 'a meeting the buyer ended, in exam mode');

        await goTo(page, 'Score a call');
        await expect(page.getByLabel('Transcript file')).toBeVisible();
        await expectNoViolations(page, 'Score a call');
        await page.getByLabel('Transcript file').setInputFiles(ZOOM_CALL);
        await expect(page.getByRole('button', { name: 'Score this call' })).toBeVisible();
        await expectNoViolations(page, 'Score a call with its preview');
        await page.getByRole('button', { name: 'Score this call' }).click();
        await expect(page.getByRole('region', { name: 'The call' })).toBeVisible();
        await expectNoViolations(page, "a real call's report");

        await goTo(page, 'Team roleplay');
        for (const rep of ['Ana', 'Ben']) {
          await page.getByLabel('Rep name').fill(rep);
          await page.getByRole('button', { name: 'Add rep' }).click();
        }
        await page.getByLabel('Rep name').fill('ana');
        await page.getByRole('button', { name: 'Add rep' }).click();
        await expect(page.getByText(/ana is on the roster already/)).toBeVisible();
        await expectNoViolations(page, 'Team roleplay set-up with a refused name');
        await page.getByRole('button', { name: 'Start team roleplay' }).click();
        await page.getByLabel('Your reply').fill(VALUE_REPLIES[0]);
        await page.getByRole('button', { name: 'Send' }).click();
        await expect(page.getByRole('region', { name: /^Call turn 1/ })).toBeVisible();
        await expectNoViolations(page, 'the presenter asking the room to call a turn');
        await page.getByRole('button', { name: /^Value/ }).click();
        await page.getByRole('button', { name: 'Change behaviour of turn 1' }).click();
        await expectNoViolations(page, 'the presenter with a change of behaviour open');
        await page.getByRole('button', { name: /^End roleplay/ }).click();
        await page.getByRole('button', { name: 'Yes, end and show the board' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Team board' })).toBeVisible();
        await expectNoViolations(page, 'the team board');

        await goTo(page, 'Drills');
        await expect(
          page.getByRole('heading', { level: 2, name: 'Who is practising?' }),
        ).toBeVisible();
        await expectNoViolations(page, 'Drills before a learner is added');
        await page.getByLabel("New learner's name").fill('Sam');
        await page.getByRole('button', { name: 'Add learner' }).click();
        await expect(page.getByRole('heading', { level: 2, name: "Today's drills" })).toBeVisible();
        await expectNoViolations(page, "Drills with today's set");
        await page
          .getByRole('button', { name: /^Start / })
          .first()
          .click();
        await page.getByLabel('Your answer').fill(PITCH_REPLIES[0]);
        await page.getByRole('button', { name: 'Answer' }).click();
        await expect(
          page.getByRole('heading', { level: 2, name: /^(Passed|Not yet)$/ }),
        ).toBeVisible();
        await expectNoViolations(page, "a quick drill's result");
        await goTo(page, 'Drills');
        await page.getByRole('button', { name: 'Open First week' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'First week' })).toBeVisible();
        await expectNoViolations(page, 'a track');
      });
    });
  }
}

/** Records, in the page, each time the live log's text changes and what had focus then. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {
      logEvents: { created?: string; text?: string; focus?: string }[];
    };
    w.logEvents = [];
    const describe = () => {
      const el = document.activeElement;
      return el ? `${el.tagName}:${(el.textContent ?? '').trim().slice(0, 60)}` : 'none';
    };
    let log: Element | null = null;
    const heard = new WeakSet<Element>();
    new MutationObserver(() => {
      if (!log) {
        log = document.querySelector('[role="log"]');
        if (!log) return;
        w.logEvents.push({ created: log.textContent ?? '' });
        for (const line of log.children) heard.add(line);
      }
      for (const line of log.children) {
        if (heard.has(line)) continue;
        heard.add(line);
        w.logEvents.push({ text: line.textContent ?? '', focus: describe() });
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

function announcements(page: Page) {
  return page.evaluate(
    () =>
      (window as unknown as { logEvents: { created?: string; text?: string; focus?: string }[] })
        .logEvents,
  );
}

test('the opening is announced once the heading has focus, and a replay says where it starts', async ({
  app,
}) => {
  const page = await app.open();
  await recordAnnouncements(page);
  await page.reload();
  await startMeeting(page, CRO);
  const opening = (await conversation(page).getByRole('listitem').first().innerText()).replace(
    /^Dana Kessler\s*/,
    '',
  );
  await expect(page.getByRole('log')).toHaveText(opening);
  let events = await announcements(page);
  // The log was there, empty, before the meeting; the opening came after the heading took focus.
  expect(events[0]).toEqual({ created: '' });
  expect(events[1]).toEqual({ text: opening, focus: 'H1:Meeting with Dana Kessler' });

  for (const reply of VALUE_REPLIES) await say(page, reply);
  const buyerLines = conversation(page).locator('.line-buyer .line-text');
  await expect(page.getByRole('log')).toContainText(await buyerLines.last().innerText());
  await endMeeting(page);

  await page.getByRole('button', { name: 'Replay from turn 3' }).click();
  await expect(replyBox(page)).toBeVisible();
  const lastBuyerLine = await buyerLines.last().innerText();
  await expect(page.getByRole('log')).toHaveText(`Replay from turn 3.${lastBuyerLine}`);
  events = await announcements(page);
  const replay = events.filter((e) => e.text === 'Replay from turn 3.');
  expect(replay).toHaveLength(1);
  expect(replay[0]?.focus).toBe('H1:Meeting with Dana Kessler');
});

test('when the buyer walks out, See report takes focus, the last line is announced after it, and nothing jumps', async ({
  app,
}) => {
  const page = await app.open();
  await recordAnnouncements(page);
  await page.reload();
  await startMeeting(page, CRO, { difficulty: 'Normal' });
  for (const reply of PITCH_REPLIES) await sendUntilAnswered(page, reply);
  const seeReport = page.getByRole('button', { name: 'See report' });
  await expect(seeReport).toBeFocused();
  await expect(seeReport).toHaveAccessibleDescription('Dana Kessler ended the meeting.');
  const walkOut = await conversation(page).locator('.line-buyer .line-text').last().innerText();
  await expect(page.getByRole('log')).toContainText(walkOut);
  const events = await announcements(page);
  expect(events.find((e) => e.text === walkOut)?.focus).toBe('BUTTON:See report');

  // The meeting is stored at once, and the rep still reads it until they move on.
  const sessions = join(app.dataDir, 'sessions');
  await expect
    .poll(() =>
      existsSync(sessions) ? readdirSync(sessions).filter((f) => f.endsWith('.json')) : [],
    )
    .toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1, name: /Meeting with/ })).toBeVisible();
  await expect(seeReport).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText(/ended by the buyer/i);
});

test('ending a meeting keeps focus on a live element, and the reply box comes before End meeting', async ({
  app,
}) => {
  const page = await app.open();
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);

  // Tab order from the heading: the reply box is reached before End meeting.
  await page.getByRole('heading', { level: 1 }).focus();
  const order: string[] = [];
  for (let i = 0; i < 30 && !order.includes('End meeting'); i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement | null;
        return (
          el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.innerText ?? ''
        );
      }),
    );
  }
  expect(order).toContain('Your reply');
  expect(order).toContain('End meeting');
  expect(order.indexOf('Your reply')).toBeLessThan(order.indexOf('End meeting'));

  // From pressing End meeting until the report's heading has focus, focus is never on the page itself.
  await page.evaluate(() => {
    const w = window as unknown as { focusTrail: string[]; stopTrail: boolean };
    w.focusTrail = [];
    const watch = () => {
      const el = document.activeElement;
      const now = !el || el === document.body ? 'BODY' : `${el.tagName}:${el.textContent ?? ''}`;
      if (w.focusTrail[w.focusTrail.length - 1] !== now) w.focusTrail.push(now);
      if (!w.stopTrail) requestAnimationFrame(watch);
    };
    document.addEventListener('focusout', () => queueMicrotask(watch));
    watch();
  });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeFocused();
  const trail = await page.evaluate(() => {
    const w = window as unknown as { focusTrail: string[]; stopTrail: boolean };
    w.stopTrail = true;
    return w.focusTrail;
  });
  expect(trail[0]).toBe('BUTTON:End meeting');
  expect(trail).not.toContain('BODY');
  expect(trail[trail.length - 1]).toBe('H1:Session report');
});

test("History's buttons are named by their session, Undo by its message, and the navigation shows where the rep is", async ({
  app,
}) => {
  const page = await app.open();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Practise' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await startMeeting(page, CRO);
  await say(page, VALUE_REPLIES[0]);
  await endMeeting(page);
  // A new report is not History (nor any other screen of the navigation).
  for (const item of ['Practise', 'Score a call', 'History', 'Settings'])
    await expect(nav.getByRole('button', { name: item })).not.toHaveAttribute('aria-current', /.+/);

  await goTo(page, 'History');
  await expect(nav.getByRole('button', { name: 'History' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const table = page.getByRole('table', { name: 'Sessions' });
  const when = (await table.getByRole('rowheader').first().innerText()).trim();
  expect(when).toMatch(/^\d{1,2} [A-Z][a-z]{2}( \d{4})?, \d\d:\d\d$/);
  for (const action of ['Open', 'Export JSON of', 'Delete'])
    await expect(
      table.getByRole('button', { name: `${action} the meeting of ${when}`, exact: true }),
    ).toBeVisible();

  await table.getByRole('button', { name: `Open the meeting of ${when}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  // A report opened from History is within History.
  await expect(nav.getByRole('button', { name: 'History' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  await goTo(page, 'History');
  await table.getByRole('button', { name: `Delete the meeting of ${when}`, exact: true }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toHaveAccessibleDescription('Session deleted');
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(table.getByRole('row')).toHaveCount(2);

  await goTo(page, 'Settings');
  await expect(nav.getByRole('button', { name: 'Settings' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const silence = page.getByLabel('Silence that ends your turn (seconds)');
  await silence.fill('0');
  await silence.press('Enter');
  await expect(silence).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveText(
    /Not saved: enter a number of seconds from [\d.]+ to [\d.]+\./,
  );
  await silence.fill('1.5');
  await silence.press('Enter');
  await expect(silence).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveCount(0);
});
