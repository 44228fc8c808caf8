// Drills in the real app: a new learner does day one of the first-week track,
// fails a quick drill that comes back the next (simulated) day before new
// ones, passes it, and once the rest of the track is done (played with the
// command line, as an enablement lead might) sees the track's certificate,
// whose code the command line verifies. Two learners' drills stay apart.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { goTo, screenshot, sendUntilAnswered } from './pages';

interface Quick {
  id: string;
  title: string;
  models: string[];
}
const bank = new Map<string, Quick>();
for (const file of readdirSync(join(ROOT, 'scenarios/drills')).filter((f) => f.endsWith('.yaml'))) {
  const data = parse(readFileSync(join(ROOT, 'scenarios/drills', file), 'utf8')) as {
    quick?: Quick[];
  };
  for (const q of data.quick ?? []) bank.set(q.id, q);
}
const track = parse(readFileSync(join(ROOT, 'scenarios/tracks/first-week.yaml'), 'utf8')) as {
  modules: { id: string; quick?: string[]; meeting?: string[] }[];
};
const scripts = parse(readFileSync(join(ROOT, 'test/golden/scripts.yaml'), 'utf8')) as {
  good: Record<string, { turns: string[] }[]>;
};
const PITCH = 'Our platform is the leading solution, let me show you our features.';

/** The command line as a user runs it (`npm run cli`), on the test's data folder. */
function cli(dataDir: string, ...args: string[]): string {
  return execFileSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['src-main/cli/index.ts', ...args, '--data-dir', dataDir],
    // tsx keeps its cache in the temp folder: the test's own, removed with it.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: dataDir } },
  );
}

async function addLearner(page: Page, name: string): Promise<void> {
  await page.getByLabel("New learner's name").fill(name);
  await page.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByLabel('Learner', { exact: true })).toHaveValue(/^l-/);
  await expect(page.getByRole('heading', { level: 2, name: "Today's drills" })).toBeVisible();
}

async function answerDrill(page: Page, id: string, answer: string): Promise<boolean> {
  const drill = bank.get(id) as Quick;
  await page
    .getByRole('button', { name: `Start ${drill.title}` })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Quick drill: ${drill.title}` }),
  ).toBeVisible();
  await page.getByLabel('Your answer').fill(answer);
  await page.getByRole('button', { name: 'Answer' }).click();
  const verdict = page.getByRole('heading', { level: 2, name: /^(Passed|Not yet)$/ });
  await expect(verdict).toBeVisible();
  // The answer box went away: the verdict takes focus, so the keyboard is not dropped to the page.
  await expect(verdict).toBeFocused();
  return (await verdict.textContent()) === 'Passed';
}

test('a new learner does day one, a failed drill comes back the next day, and the passed track earns a certificate', async ({
  app,
}) => {
  let page = await app.open();
  await goTo(page, 'Drills');
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Who is practising?' })).toBeVisible();
  await page.getByLabel("New learner's name").fill('x'.repeat(61));
  await page.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByText(/at most 60 characters; this one has 61/)).toBeVisible();
  await addLearner(page, 'Noor');
  await screenshot(page, 'drills-1280');

  // Day one of first-week: the first quick drill answered with a pitch fails.
  await page.getByRole('button', { name: 'Open First week' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First week' })).toBeVisible();
  const [failedId = '', ...others] = track.modules[0]?.quick ?? [];
  expect(await answerDrill(page, failedId, PITCH)).toBe(false);
  await expect(page.getByText(/Two answers that pass/)).toBeVisible();
  await expect(page.getByText(`You said: ${PITCH}`)).toBeVisible();
  await screenshot(page, 'quick-drill-result');
  await page.getByRole('button', { name: 'Back to the track' }).click();
  for (const id of others) {
    expect(await answerDrill(page, id, bank.get(id)?.models[0] ?? '')).toBe(true);
    await page.getByRole('button', { name: 'Back to the track' }).click();
  }
  // Day one's meeting drill, held in the app.
  await page.getByRole('button', { name: /^Start meeting Listen before you pitch/ }).click();
  const seeReport = page.getByRole('button', { name: 'See report' });
  for (const text of scripts.good['average-cro']?.[0]?.turns ?? []) {
    if (await seeReport.isVisible()) break;
    await sendUntilAnswered(page, text);
  }
  if (await seeReport.isVisible()) await seeReport.click();
  else await page.getByRole('button', { name: 'End meeting' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Meeting drill: passed' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Back to the track' }).click();
  const day1 = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /^Day 1/ }) });
  await expect(day1.getByRole('heading')).toContainText('Passed');
  await screenshot(page, 'track-day-one');

  // The next (simulated) day: the failed drill is due again, first.
  await app.stop();
  process.env.FIRST_MEETING_DAYS_AHEAD = '1';
  try {
    page = await app.open();
    await goTo(page, 'Drills');
    const today = page.getByRole('list').filter({ hasText: 'Due again' });
    await expect(today.getByRole('listitem').first()).toContainText(
      `Due again ${bank.get(failedId)?.title}`,
    );
    expect(await answerDrill(page, failedId, bank.get(failedId)?.models[1] ?? '')).toBe(true);
    await page.getByRole('button', { name: 'Back to Drills' }).click();
    // Passed today, it leaves today's set (the ones passed yesterday are due after a day).
    await expect(
      page.getByRole('button', { name: `Start ${bank.get(failedId)?.title}` }),
    ).toHaveCount(0);

    // The rest of the track, played from scripts with the command line.
    await app.stop();
    for (const module of track.modules.slice(1)) {
      for (const id of module.quick ?? []) {
        const file = join(app.dataDir, `answer-${id}.txt`);
        writeFileSync(file, `${bank.get(id)?.models[0]}\n`);
        cli(app.dataDir, 'drill', 'run', id, '--replies', file, '--learner', 'Noor');
      }
      for (const id of module.meeting ?? []) {
        const scenario = id
          .replace('md-certify-', '')
          .replace('md-implications-cro', 'average-cro');
        const file = join(app.dataDir, `script-${id}.txt`);
        writeFileSync(file, `${(scripts.good[scenario]?.[0]?.turns ?? []).join('\n')}\n`);
        cli(app.dataDir, 'drill', 'run', id, '--replies', file, '--learner', 'Noor', '--seed', '3');
      }
    }
    page = await app.open();
    await goTo(page, 'Drills');
    await page.getByRole('button', { name: 'Certificate for First week' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Certificate' })).toBeVisible();
    await expect(page.getByText('Noor', { exact: true })).toBeVisible();
    const code = (await page.locator('.certificate-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    await screenshot(page, 'certificate');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the certificate file' }).click();
    const saved = await (await download).path();
    const verified = execFileSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src-main/cli/index.ts', 'certificate', 'verify', saved],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: app.dataDir } },
    );
    expect(verified).toMatch(/^Valid: Noor passed First week/);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(page.getByText(code)).toBeVisible();
  } finally {
    delete process.env.FIRST_MEETING_DAYS_AHEAD;
  }
});

test("two learners' drills stay apart", async ({ app }) => {
  const page = await app.open();
  await goTo(page, 'Drills');
  await addLearner(page, 'Ana');
  const first = page
    .getByRole('list')
    .filter({ has: page.getByRole('button', { name: /^Start / }) })
    .first();
  const title = ((await first.getByRole('listitem').first().textContent()) ?? '')
    .replace(/Start.*$/, '')
    .trim();
  const id = [...bank.values()].find((q) => q.title === title)?.id ?? '';
  expect(id).not.toBe('');
  expect(await answerDrill(page, id, PITCH)).toBe(false);
  await page.getByRole('button', { name: 'Back to Drills' }).click();
  await addLearner(page, 'Ben');
  // Ben has not tried it: it is new for him, not due, and Ana's attempt is hers.
  await expect(page.getByText('Due again')).toHaveCount(0);
  await page.getByLabel('Learner', { exact: true }).selectOption({ label: 'Ana' });
  await expect(page.getByLabel('Learner', { exact: true })).toHaveValue(/^l-/);
  await expect(page.getByRole('heading', { level: 2, name: "Today's drills" })).toBeVisible();
  await expect(page.getByRole('button', { name: `Start ${title}` })).toHaveCount(0);
});
