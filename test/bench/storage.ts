// Storage benchmarks: what durability costs a reply (a journal line written in
// full and flushed), and what many interrupted meetings cost a start and a
// lookup now that journals are indexed once instead of read on every call.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeHost } from '../../src-main/host/compose';
import { openJsonSettingsBackend } from '../../src-main/services/json-settings';
import { JournalWriter, type JournalHeader } from '../../src-main/services/storage/journal';
import { report, time } from './measure';

const HEADER: JournalHeader = {
  type: 'start',
  version: 1,
  id: 'bench-journal',
  scenarioId: 'average-cro',
  scenarioTitle: 'Bench',
  scenarioDigest: '0',
  difficulty: 'normal',
  mode: 'coach',
  seed: 7,
  reps: ['Rep'],
  startedAt: '2026-01-01T09:00:00.000Z',
};

export async function benchStorage(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'first-meeting-bench-storage-'));
  try {
    // 1. One journal line: checked for every byte and flushed before the buyer answers.
    const writer = JournalWriter.create(join(root, 'one.jsonl'), HEADER);
    const appendSamples: number[] = [];
    for (let n = 1; n <= 300; n++) {
      appendSamples.push(
        time(() =>
          writer.append({
            type: 'turn',
            n,
            rep: 'Where do deals tend to get stuck for your team, and what does that cost you?',
            repName: 'Rep',
            source: 'typed',
            at: n * 1000,
            buyer: 'Mostly in legal. It costs us the quarter now and then.',
          }),
        ),
      );
    }
    writer.close();
    report(
      'journal a reply (write all + fsync)',
      appendSamples,
      'ms',
      'part of the 50 ms reply budget',
    );

    // 2. A data folder with 5,000 interrupted meetings.
    const dataDir = join(root, 'data');
    mkdirSync(join(dataDir, 'journal'), { recursive: true });
    for (let i = 0; i < 5000; i++) {
      const id = `20260101-090000-${i.toString(16).padStart(8, '0')}`;
      writeFileSync(
        join(dataDir, 'journal', `${id}.jsonl`),
        `${JSON.stringify({ ...HEADER, id })}\n`,
      );
    }
    const open = () =>
      composeHost({
        dataDir,
        shell: 'browser',
        version: 'bench',
        openSettingsBackend: openJsonSettingsBackend,
      });
    let composed = open();
    composed.host.close();
    const startSamples: number[] = [];
    for (let i = 0; i < 5; i++) {
      startSamples.push(
        time(() => {
          composed = open();
        }),
      );
      if (i < 4) composed.host.close();
    }
    report('start with 5,000 interrupted meetings', startSamples, 'ms', '(read once, at start)');
    for (let i = 0; i < 20; i++) composed.host.info(); // warm up
    const infoSamples: number[] = [];
    for (let i = 0; i < 100; i++) infoSamples.push(time(() => composed.host.info()));
    report('app.info with 5,000 interrupted meetings', infoSamples, 'ms', 'p95 < 20 ms', 20);
    const lookupSamples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = `20260101-090000-${(i * 17).toString(16).padStart(8, '0')}`;
      lookupSamples.push(
        time(() => {
          try {
            composed.host.reply({ sessionId: id, text: 'Hello?', source: 'typed' });
          } catch {
            // "interrupted: resume it first": found without reading every journal.
          }
        }),
      );
    }
    report('call naming a meeting that is not live', lookupSamples, 'ms', 'p95 < 1 ms', 1);
    await composed.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
