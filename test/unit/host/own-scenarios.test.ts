// The organisation's own scenarios in the app: files in the data folder's
// scenarios folder appear beside the built-in buyers, a broken one is listed as
// unusable with its file:line:column messages while the others still start,
// and a saved change is picked up without restarting.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeHost, type ComposedHost } from '../../../src-main/host/compose';
import { openJsonSettingsBackend } from '../../../src-main/services/json-settings';
import { freshFolders } from '../support/folders';
import { call, hostsClosedAfterEach, send } from '../support/host';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('own-scenarios');
const STARTER = readFileSync(
  join(import.meta.dirname, '../../../scenarios/light-stack-leader.yaml'),
  'utf8',
);
const ours = (id: string) => STARTER.replace('id: light-stack-leader', `id: ${id}`);

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const list = (composed: ComposedHost) => call(composed, 'scenarios.list', undefined);

describe("the organisation's own scenarios", () => {
  it('appear in the list marked as their own, and start like any other', async () => {
    const dataDir = freshDataDir();
    const first = hostOn(dataDir);
    const { ownFolder } = await list(first);
    expect(ownFolder).toBe(join(dataDir, 'scenarios'));
    writeFileSync(join(ownFolder, 'our-buyer.yaml'), ours('our-buyer'));
    const composed = hostOn(dataDir);
    const { cards, unusable } = await list(composed);
    expect(cards.find((c) => c.id === 'our-buyer')?.source).toBe('own');
    expect(cards.find((c) => c.id === 'average-cro')?.source).toBe('built-in');
    expect(unusable).toEqual([]);
    const view = await call(composed, 'session.start', {
      scenarioId: 'our-buyer',
      difficulty: 'normal',
      mode: 'coach',
    });
    expect(view.scenario.source).toBe('own');
  });

  it('a broken one is unusable with its messages, the others still start, and fixing it needs no restart', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const { ownFolder } = await list(composed);
    const broken = join(ownFolder, 'broken.yaml');
    writeFileSync(broken, ours('broken-buyer').replace('initial: guarded', 'initial: nowhere'));
    const seen = await until(
      () => list(composed),
      (l) => l.unusable.length > 0,
    );
    expect(seen.unusable).toEqual([
      {
        file: broken,
        source: 'own',
        problems: [expect.stringMatching(/broken\.yaml:\d+:\d+: unknown state "nowhere"/)],
      },
    ]);
    expect(seen.cards.map((c) => c.id)).not.toContain('broken-buyer');
    await call(composed, 'session.start', {
      scenarioId: 'average-cro',
      difficulty: 'normal',
      mode: 'coach',
    });

    writeFileSync(broken, ours('broken-buyer'));
    const fixed = await until(
      () => list(composed),
      (l) => l.cards.some((c) => c.id === 'broken-buyer'),
    );
    expect(fixed.unusable).toEqual([]);
    expect(fixed.cards.map((c) => c.id)).toContain('broken-buyer');
  });

  it('a built-in id cannot be shadowed: the clash is reported and the built-in buyer kept', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const { ownFolder } = await list(composed);
    writeFileSync(join(ownFolder, 'copy.yaml'), STARTER.replace(/title: .*/, 'title: Our copy'));
    const seen = await until(
      () => list(composed),
      (l) => l.unusable.length > 0,
    );
    expect(seen.unusable[0]?.problems[0]).toMatch(
      /belongs to a built-in scenario; give this scenario another id/,
    );
    expect(seen.cards.find((c) => c.id === 'light-stack-leader')?.title).not.toBe('Our copy');
  });
});

describe('opening the own scenarios folder', () => {
  it('browser mode says it cannot; the desktop app opens the folder the gallery names', async () => {
    const dataDir = freshDataDir();
    const browser = hostOn(dataDir);
    expect(await send(browser, 'app.openScenarioFolder', undefined)).toEqual({
      ok: false,
      error: {
        kind: 'invalid',
        message: 'Only the desktop app can open folders; its path is shown.',
      },
    });
    const opened: string[] = [];
    const desktop = composeHost({
      dataDir,
      shell: 'electron',
      version: '0.0.0-test',
      openSettingsBackend: openJsonSettingsBackend,
      effects: { openFolder: async (path) => void opened.push(path) },
    });
    try {
      expect(await call(desktop, 'app.openScenarioFolder', undefined)).toBeNull();
      expect(opened).toEqual([join(dataDir, 'scenarios')]);
    } finally {
      await desktop.close();
    }
  });
});
