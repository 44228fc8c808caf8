// Settings' Learning record store against the loopback test store
// (test/unit/support/lrs.ts): the rep sets it up, tests the connection, turns
// Send results on, and a meeting's statements reach the store once each
// after an outage; the secret is never shown again nor written to settings.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestLrs } from '../unit/support/lrs';
import { test, expect } from './fixtures';
import { CRO, VALUE_REPLIES, endMeeting, goTo, say, screenshot, startMeeting } from './pages';

const SECRET = 'e2e-secret-31337';

test('statements reach the test store once each after an outage', async ({ app }) => {
  const store = new TestLrs({ key: 'team-key-0042', secret: SECRET });
  await store.start();
  try {
    const page = await app.open();
    await goTo(page, 'Settings');
    const section = page.getByRole('region', { name: 'Learning record store' });
    await section.getByLabel('Endpoint').fill(store.endpoint);
    await section.getByLabel('Key').fill('team-key-0042');
    await section.getByLabel('Secret').fill(SECRET);
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section).toContainText('Saved.');
    await expect(section.getByLabel('Secret')).toHaveValue('');
    await expect(section.getByLabel('Key')).toHaveAttribute('placeholder', 'Saved (••••0042)');
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect(section).toContainText('Connected: the store speaks xAPI 1.0.3');
    await section.getByLabel('Send results').check();
    await expect(section.getByLabel('Send results')).toBeChecked();

    store.outage();
    await goTo(page, 'Practise');
    await startMeeting(page, CRO);
    await say(page, VALUE_REPLIES[0]);
    await endMeeting(page);

    await goTo(page, 'Settings');
    await expect(section).toContainText('2 statements waiting to be sent.');
    await expect(section).toContainText('Last problem: The store answered 503');
    await screenshot(page, 'settings-lrs-outage');
    store.recover();
    // The sender's own retry may get there first; either way they arrive once.
    await section
      .getByRole('button', { name: 'Send now' })
      .click({ timeout: 3000 })
      .catch(() => undefined);
    await expect(section).toContainText('Nothing waiting to be sent.', { timeout: 20_000 });
    expect(store.statements.size).toBe(2);
    const delivered = store.received.filter((r) => r.status < 300).flatMap((r) => r.ids);
    expect(delivered.length).toBe(new Set(delivered).size);

    await expect(page.locator('body')).not.toContainText(SECRET);
    const settings = await readFile(join(app.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain(SECRET);
    expect(JSON.parse(settings)).toMatchObject({ sendResults: true });
  } finally {
    await store.stop();
  }
});
