// Results bundles between machines: merged by result id, never duplicated, a
// re-import changes nothing, and a newer or damaged bundle is refused with
// nothing changed. Real files in a temp data folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from '../../../../src-main/core/drills/bundle';
import type { Clock, DrillAttempt } from '../../../../src-main/core/drills/types';
import { exportBundle, importBundle } from '../../../../src-main/services/drills/bundle';
import { LearnerStore } from '../../../../src-main/services/drills/learners';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'first-meeting-bundles-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const clock: Clock = { now: () => new Date('2026-03-01T09:00:00Z') };
const attempt = (learnerId: string, id: string): DrillAttempt => ({
  id,
  learnerId,
  drillId: 'qd-no-budget',
  kind: 'quick',
  startedAt: '2026-03-01T08:00:00.000Z',
  durationMs: 3,
  passed: false,
  score: 0,
  objectives: [{ name: 'No pitch or argument', met: false, why: 'read as pitch' }],
  answer: 'Our platform is great.',
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function machine(name: string): LearnerStore {
  return new LearnerStore(mkdtempSync(join(root, `${name}-`)));
}

describe('results bundles', () => {
  it('merges by id: a second import adds nothing; two people with one name are never merged', () => {
    const trainee = machine('trainee');
    const noor = trainee.add('Noor', clock.now());
    trainee.record(attempt(noor.id, 'a-1'));
    trainee.record(attempt(noor.id, 'a-2'));
    const text = JSON.stringify(exportBundle(trainee, clock));
    const lead = machine('lead');
    const otherNoor = lead.add('Noor', clock.now());
    lead.record(attempt(otherNoor.id, 'a-9'));
    expect(importBundle(lead, text, 'bundle.json')).toEqual({
      learnersAdded: 1,
      attemptsAdded: 2,
      certificatesAdded: 0,
    });
    expect(lead.learners.map((l) => l.name)).toEqual(['Noor', 'Noor (imported)']);
    expect(lead.attempts(noor.id).map((a) => a.id)).toEqual(['a-1', 'a-2']);
    expect(lead.attempts(otherNoor.id).map((a) => a.id)).toEqual(['a-9']);
    const before = snapshot(lead.dataDir);
    expect(importBundle(lead, text, 'bundle.json')).toEqual({
      learnersAdded: 0,
      attemptsAdded: 0,
      certificatesAdded: 0,
    });
    expect(snapshot(lead.dataDir)).toEqual(before);
    // A newer export from the trainee adds only what is new.
    trainee.record(attempt(noor.id, 'a-3'));
    expect(
      importBundle(lead, JSON.stringify(exportBundle(trainee, clock)), 'b2.json').attemptsAdded,
    ).toBe(1);
  });

  it('refuses a damaged or newer bundle in one sentence and changes nothing', () => {
    const trainee = machine('trainee');
    const sam = trainee.add('Sam', clock.now());
    trainee.record(attempt(sam.id, 'a-1'));
    const good = JSON.stringify(exportBundle(trainee, clock));
    const lead = machine('lead');
    lead.add('Lead', clock.now());
    const before = snapshot(lead.dataDir);
    const cases: [string, RegExp][] = [
      [
        good.slice(0, good.length / 2),
        /damaged \(it is not complete JSON\); nothing was imported$/,
      ],
      [
        good.replace('"version":1', '"version":2'),
        /made by a newer First Meeting \(format 2; this one reads 1\)/,
      ],
      [
        good.replace('"passed":false', '"passed":"no"'),
        /damaged \(attempts\[0\]\.passed: .*\); nothing was imported$/,
      ],
      ['{"format":"something-else"}', /not a First Meeting results bundle/],
    ];
    for (const [text, message] of cases) {
      expect(() => importBundle(lead, text, 'bad.json')).toThrow(BundleError);
      expect(() => importBundle(lead, text, 'bad.json')).toThrow(message);
    }
    expect(snapshot(lead.dataDir)).toEqual(before);
  });
});
