// Drill benchmarks: judging a quick-drill answer (core), and opening the
// Drills screen in Chromium for a learner with 5,000 attempts.
import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DrillBank, loadDrillBankFile } from '../../src-main/core/drills/bank';
import { judgeQuickDrill } from '../../src-main/core/drills/judge';
import { defaultClassifier } from '../../src-main/core/understanding/default';
import { LearnerStore } from '../../src-main/services/drills/learners';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/host';
import { report, time } from './measure';

const root = resolve(import.meta.dirname, '../..');

function bank(): DrillBank {
  const b = new DrillBank();
  const dir = join(root, 'scenarios/drills');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')))
    b.add(
      f,
      loadDrillBankFile(readFileSync(join(dir, f), 'utf8'), f, [
        'average-cro',
        'light-stack-leader',
        'locked-in-buyer',
      ]),
    );
  return b;
}

export function benchDrillJudge(): void {
  const drills = bank().quickDrills;
  const classifier = defaultClassifier();
  const answers = drills.flatMap((d) => d.models.map((m) => [d, m] as const));
  // Warm up the JIT so the samples do not measure compilation.
  for (const [d] of answers.slice(0, 200))
    judgeQuickDrill(d, 'What gets in the way today?', classifier);
  const samples = answers.map(([d, m]) => time(() => judgeQuickDrill(d, m, classifier)));
  report('judge a quick-drill answer', samples, 'ms', 'p95 < 5 ms', 5);
}

export async function benchDrillsScreen(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-'));
  const store = new LearnerStore(dataDir);
  const learner = store.add('Bench', new Date('2026-01-01T09:00:00Z'));
  const ids = bank().quickDrills.map((d) => d.id);
  const start = Date.parse('2025-01-01T09:00:00Z');
  for (let i = 0; i < 5000; i++) {
    store.record({
      id: `a-${i}`,
      learnerId: learner.id,
      drillId: ids[i % ids.length] as string,
      kind: 'quick',
      startedAt: new Date(start + i * 3_600_000).toISOString(),
      durationMs: 1000,
      passed: i % 3 !== 0,
      score: i % 3 !== 0 ? 100 : 0,
      objectives: [
        { name: 'No pitch or argument', met: true, why: 'read as goal question (value)' },
      ],
      answer: 'What does a great year look like for your team?',
    });
  }
  store.close();
  const { child, url } = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const samples: number[] = [];
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'Start' }).first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (let run = 0; run < 11; run++) {
      const t0 = performance.now();
      await nav.getByRole('button', { name: 'Drills' }).click();
      await page.getByRole('heading', { level: 2, name: 'Tracks' }).waitFor();
      samples.push(performance.now() - t0);
      await nav.getByRole('button', { name: 'Practise' }).click();
      await page.getByRole('button', { name: 'Start' }).first().waitFor();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  report('open Drills with 5,000 attempts', samples.slice(1), 'ms', 'p95 < 300 ms', 300);
}
