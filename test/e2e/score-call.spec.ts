// Score a call in the app: a Zoom WebVTT transcript is chosen with the file
// picker, its speakers are previewed with the likely rep, the rep is confirmed,
// and the report opens and is in History marked as a real call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './host';
import { goTo, screenshot } from './pages';

const ZOOM = join(ROOT, 'test', 'fixtures', 'calls', 'zoom-first-meeting.vtt');

test('a Zoom transcript is previewed, scored with the confirmed rep, and listed in History as a real call', async ({
  app,
}) => {
  const page = await app.open();
  await goTo(page, 'Score a call');
  await expect(page.getByRole('heading', { level: 1, name: 'Score a call' })).toBeVisible();

  await page.getByLabel('Transcript file').setInputFiles(ZOOM);
  const preview = page.getByRole('region', { name: 'zoom-first-meeting.vtt' });
  await expect(preview).toContainText('Read as WebVTT (Zoom, Microsoft Teams): 8 turns');
  await expect(preview).toContainText('with times, so talk share and pauses are measured');
  const speakers = preview.getByRole('table', { name: 'Speakers and how much each spoke' });
  await expect(speakers.getByRole('row')).toHaveCount(3);
  await expect(speakers.getByRole('rowheader', { name: 'Sam Lee' })).toBeVisible();
  // The likely rep is chosen already, and says why.
  const sam = preview.getByRole('radio', { name: 'Sam Lee (likely the rep)' });
  await expect(sam).toBeChecked();
  await expect(preview.getByRole('radio', { name: 'Dana Kessler' })).not.toBeChecked();
  await screenshot(page, 'score-call-preview');

  await preview.getByRole('button', { name: 'Score this call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  const call = page.getByRole('region', { name: 'The call' });
  await expect(call).toContainText('zoom-first-meeting.vtt');
  await expect(call).toContainText('Sam Lee');
  await expect(call).toContainText('Dana Kessler');
  await expect(call).toContainText('Measured from the cue times');
  await expect(call).toContainText('No next step was agreed in the transcript');
  // The cue times feed the same delivery section spoken practice gets.
  await expect(page.getByRole('region', { name: 'Delivery', exact: true })).toBeVisible();
  const turns = page.getByRole('region', { name: 'Turn by turn' });
  await expect(turns.getByRole('article')).toHaveCount(4);
  await expect(turns).toContainText('What does a great year look like for the revenue team?');
  // A real call cannot be replayed, and has no buyer meters.
  await expect(page.getByRole('button', { name: /Replay from turn/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'How the buyer felt' })).toHaveCount(0);
  await screenshot(page, 'score-call-report');

  await goTo(page, 'History');
  const row = page.getByRole('row', { name: /zoom-first-meeting\.vtt/ });
  await expect(row).toContainText('Real call');
  await screenshot(page, 'score-call-history');
});

test('a file that is not a transcript is refused in words, and nothing is stored', async ({
  app,
}) => {
  const page = await app.open();
  await goTo(page, 'Score a call');
  await page.getByLabel('Transcript file').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('shopping list\nmilk\neggs\n'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'Could not read notes.txt (line 1): this is not a transcript',
  );
  await expect(page.getByRole('button', { name: 'Score this call' })).toHaveCount(0);
  await goTo(page, 'History');
  await expect(page.getByRole('row', { name: /notes\.txt/ })).toHaveCount(0);
});

test('a transcript dropped on the page is previewed like a picked one', async ({ app }) => {
  const page = await app.open();
  await goTo(page, 'Score a call');
  const text = readFileSync(ZOOM, 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped-call.vtt', { type: 'text/vtt' }));
    return data;
  }, text);
  const zone = page.locator('.drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  const preview = page.getByRole('region', { name: 'dropped-call.vtt' });
  await expect(preview).toContainText('8 turns');
  await expect(preview.getByRole('radio', { name: 'Sam Lee (likely the rep)' })).toBeChecked();
});
