// The organisation's own scenarios in the app: a broken file is shown with its
// file:line:column messages while the other buyers still start, and fixing it
// brings the buyer into the gallery without a restart.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './host';
import { CRO, conversation, screenshot, startMeeting } from './pages';

const STARTER = readFileSync(join(ROOT, 'scenarios', 'light-stack-leader.yaml'), 'utf8');
const OURS = STARTER.replace('id: light-stack-leader', 'id: our-buyer').replace(
  /^title: .*$/m,
  'title: Our own regional buyer',
);

test('a broken own scenario shows its messages, the others start, and the fixed one appears without a restart', async ({
  app,
}) => {
  const folder = join(app.dataDir, 'scenarios');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'our-buyer.yaml');
  writeFileSync(file, OURS.replace('initial: guarded', 'initial: nowhere'));
  const page = await app.open();

  const unusable = page.getByRole('region', { name: 'One scenario file cannot be used' });
  await expect(unusable).toContainText('our-buyer.yaml');
  await expect(unusable).toContainText(/our-buyer\.yaml:\d+:\d+: unknown state "nowhere"/);
  await expect(page.getByRole('article', { name: 'Our own regional buyer' })).toHaveCount(0);
  await screenshot(page, 'gallery-broken-own-scenario');

  // The other buyers still start.
  await startMeeting(page, CRO, { difficulty: 'Normal', mode: 'Coach' });
  await expect(conversation(page).getByRole('listitem')).toHaveCount(1);
  // Ended before a word was said: nothing to score, so it is not stored, and the gallery is back.
  await page.getByRole('button', { name: 'End meeting' }).click();
  await expect(page.getByText('nothing to score; the meeting was not stored')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a buyer' })).toBeVisible();

  writeFileSync(file, OURS);
  const ours = page.getByRole('article', { name: 'Our own regional buyer' });
  await expect(ours).toBeVisible({ timeout: 10_000 });
  await expect(ours).toContainText("Your organisation's");
  await expect(unusable).toHaveCount(0);
  await screenshot(page, 'gallery-own-scenario');
});
