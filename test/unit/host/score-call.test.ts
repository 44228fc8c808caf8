// Score a call through the host, as the app does: the file's text in pieces, a
// preview with the likely rep, the report stored in History marked as a real
// call, the raw file kept only when asked, and every bad file refused in words.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CALL_PIECE_CHARS } from '../../../src-main/contract/api';
import type { ComposedHost } from '../../../src-main/host/compose';
import { freshFolders } from '../support/folders';
import { call, hostsClosedAfterEach, send } from '../support/host';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('score-call');
const ZOOM = readFileSync(
  join(import.meta.dirname, '../../fixtures/calls/zoom-first-meeting.vtt'),
  'utf8',
);

async function upload(composed: ComposedHost, fileName: string, text: string): Promise<string> {
  const { uploadId } = await call(composed, 'call.begin', {
    fileName,
    bytes: Buffer.byteLength(text),
  });
  for (let i = 0, seq = 0; i < text.length; i += MAX_CALL_PIECE_CHARS, seq++) {
    await call(composed, 'call.text', {
      uploadId,
      seq,
      text: text.slice(i, i + MAX_CALL_PIECE_CHARS),
    });
  }
  return uploadId;
}

describe('Score a call', () => {
  it('previews the speakers and the likely rep, then stores the report in History as a real call', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const uploadId = await upload(composed, 'zoom-first-meeting.vtt', ZOOM);
    const preview = await call(composed, 'call.preview', { uploadId });
    expect(preview).toMatchObject({
      fileName: 'zoom-first-meeting.vtt',
      format: 'vtt',
      timed: true,
    });
    expect(preview.speakers.map((s) => s.name)).toEqual(['Sam Lee', 'Dana Kessler']);
    expect(preview.suggestion.name).toBe('Sam Lee');

    const record = await call(composed, 'call.score', {
      uploadId,
      rep: 'Sam Lee',
      keepFile: false,
    });
    expect(record.call).toMatchObject({
      fileName: 'zoom-first-meeting.vtt',
      rep: 'Sam Lee',
      buyers: ['Dana Kessler'],
      timings: 'measured',
    });
    expect(record.call?.keptAs).toBeUndefined();
    expect(record.turns.map((t) => t.repName)).toEqual([
      'Sam Lee',
      'Sam Lee',
      'Sam Lee',
      'Sam Lee',
    ]);
    expect(record.turns[0]?.buyer).toMatch(/^Sure, go ahead/);
    expect(record.report.moments).toHaveLength(4);

    const page = await call(composed, 'history.list', { offset: 0, limit: 10 });
    expect(page.rows[0]).toMatchObject({ id: record.id, call: 'zoom-first-meeting.vtt' });
    // Read back after a restart: the call's details survive the record schema.
    const again = hostOn(dataDir);
    const stored = await call(again, 'history.get', { sessionId: record.id });
    expect(stored.call).toEqual(record.call);
    // The raw file was not kept anywhere in the data folder.
    expect(existsSync(join(dataDir, 'calls'))).toBe(false);
  });

  it('keeps a copy of the file in the data folder only when asked', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const uploadId = await upload(composed, 'kept call.vtt', ZOOM);
    const record = await call(composed, 'call.score', { uploadId, rep: 'sam', keepFile: true });
    expect(record.call?.keptAs).toMatch(/^calls\/.*kept-call\.vtt$/);
    expect(readFileSync(join(dataDir, record.call?.keptAs ?? ''), 'utf8')).toBe(ZOOM);
    expect(readdirSync(join(dataDir, 'calls'))).toHaveLength(1);
  });

  it('a large call arrives in many pieces and reads the same', async () => {
    const composed = hostOn(freshDataDir());
    const cues: string[] = ['WEBVTT', ''];
    for (let i = 0; i < 1500; i++) {
      const start = `00:${String(Math.floor(i / 30)).padStart(2, '0')}:${String((i * 2) % 60).padStart(2, '0')}.000`;
      const end = `00:${String(Math.floor(i / 30)).padStart(2, '0')}:${String(((i * 2) % 60) + 1).padStart(2, '0')}.500`;
      cues.push(`${start} --> ${end}`);
      cues.push(
        i % 2 === 0
          ? `Sam Lee: Where does turn ${i} get stuck for your team?`
          : `Dana Kessler: It gets stuck in legal review, line ${i}.`,
      );
      cues.push('');
    }
    const text = cues.join('\n').repeat(3);
    expect(text.length).toBeGreaterThan(2 * MAX_CALL_PIECE_CHARS);
    const uploadId = await upload(composed, 'long.vtt', text);
    const preview = await call(composed, 'call.preview', { uploadId });
    expect(preview.turns).toBeGreaterThan(4000);
  });

  it('refuses bad files in words that name the file, and keeps nothing', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const big = await send(composed, 'call.begin', {
      fileName: 'huge.vtt',
      bytes: 25 * 1024 * 1024,
    });
    expect(big).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    if (!big.ok)
      expect(big.error.message).toMatch(/huge\.vtt is 25 MB; a transcript can be at most 20 MB/);

    const one = await upload(composed, 'monologue.txt', 'Sam: Hello there.\nSam: Anyone?\n');
    const lonely = await send(composed, 'call.preview', { uploadId: one });
    expect(lonely.ok).toBe(false);
    if (!lonely.ok)
      expect(lonely.error.message).toMatch(/^Could not read monologue\.txt.*one speaker/);

    const notText = await upload(composed, 'notes.txt', 'just some notes\nwith nobody speaking\n');
    const notes = await send(composed, 'call.preview', { uploadId: notText });
    expect(notes.ok).toBe(false);
    if (!notes.ok)
      expect(notes.error.message).toMatch(
        /^Could not read notes\.txt \(line 1\): this is not a transcript/,
      );

    const good = await upload(composed, 'zoom.vtt', ZOOM);
    const wrongRep = await send(composed, 'call.score', {
      uploadId: good,
      rep: 'Bob',
      keepFile: true,
    });
    expect(wrongRep.ok).toBe(false);
    if (!wrongRep.ok)
      expect(wrongRep.error.message).toMatch(/^Could not score zoom\.vtt: no speaker called "Bob"/);

    const { uploadId } = await call(composed, 'call.begin', { fileName: 'gap.vtt', bytes: 10 });
    const gap = await send(composed, 'call.text', { uploadId, seq: 1, text: 'WEBVTT' });
    expect(gap.ok).toBe(false);
    if (!gap.ok) expect(gap.error.message).toMatch(/out of order; choose the file again/);

    const gone = await send(composed, 'call.preview', { uploadId: 'cnope' });
    expect(gone).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    expect((await call(composed, 'history.list', { offset: 0, limit: 10 })).total).toBe(0);
    expect(existsSync(join(dataDir, 'calls'))).toBe(false);
  });
});
