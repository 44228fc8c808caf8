// The rep's settings in settings.json (through the JSON file backend browser
// mode uses): defaults on first run, changes that survive a restart, and a damaged
// file that costs only what was actually damaged, with the problem reported
// and a copy of the file kept for the user.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshFolders } from '../support/folders';
import { openJsonSettingsBackend } from '../../../src-main/services/json-settings';
import { DEFAULT_SETTINGS, openSettings } from '../../../src-main/services/settings';

const freshFolder = freshFolders('settings');

function freshDataDir(): string {
  return freshFolder();
}

const open = (dataDir: string) => openSettings(dataDir, openJsonSettingsBackend);
const setAside = (dataDir: string) =>
  existsSync(join(dataDir, 'set-aside')) ? readdirSync(join(dataDir, 'set-aside')) : [];

describe('settings', () => {
  it('start from the defaults, with nothing to report', () => {
    const settings = open(freshDataDir());
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: '',
      theme: 'system',
      mode: 'coach',
    });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.problems).toEqual([]);
  });

  it('a change is answered with the new settings and survives a restart, in settings.json', () => {
    const dataDir = freshDataDir();
    expect(open(dataDir).set({ repName: 'Ana Ruiz', theme: 'dark' })).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana Ruiz',
      theme: 'dark',
      mode: 'coach',
    });
    const reopened = open(dataDir);
    expect(reopened.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana Ruiz',
      theme: 'dark',
      mode: 'coach',
    });
    expect(reopened.set({ mode: 'exam' })).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana Ruiz',
      theme: 'dark',
      mode: 'exam',
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      repName: 'Ana Ruiz',
      theme: 'dark',
      mode: 'exam',
    });
    expect(open(dataDir).get().mode).toBe('exam');
  });

  it('only known settings are stored, and a value they cannot take is refused', () => {
    const dataDir = freshDataDir();
    const settings = open(dataDir);
    settings.set({ repName: 'Ana', dataDir: '/elsewhere' } as never);
    expect(() => settings.set({ theme: 'purple' } as never)).toThrow();
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana',
      theme: 'system',
      mode: 'coach',
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).not.toHaveProperty(
      'dataDir',
    );
  });

  it('a settings.json that is not JSON gives the defaults, a reported problem and a copy set aside', () => {
    const dataDir = freshDataDir();
    open(dataDir).set({ repName: 'Ana' });
    const file = join(dataDir, 'settings.json');
    writeFileSync(file, '{"repName": "Ana", ');
    const settings = open(dataDir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.problems).toHaveLength(1);
    const [problem] = settings.problems;
    expect(problem?.file).toBe(file);
    expect(problem?.message).toContain(file);
    expect(problem?.message).toMatch(/defaults/);
    expect(setAside(dataDir)).toHaveLength(1);
    expect(problem?.movedTo).toBe(join(dataDir, 'set-aside', setAside(dataDir)[0] ?? ''));
    expect(readFileSync(problem?.movedTo ?? '', 'utf8')).toBe('{"repName": "Ana", ');
    // Setting something again works and is kept.
    settings.set({ repName: 'Bo' });
    const next = open(dataDir);
    expect(next.get()).toEqual({ ...DEFAULT_SETTINGS, repName: 'Bo' });
    expect(next.problems).toEqual([]);
  });

  it('one bad field falls back to its default; the other fields are kept and the bad one reported', () => {
    const dataDir = freshDataDir();
    const file = join(dataDir, 'settings.json');
    open(dataDir);
    writeFileSync(file, JSON.stringify({ repName: 'Ana', theme: 'purple', mode: 'exam' }));
    const settings = open(dataDir);
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana',
      theme: 'system',
      mode: 'exam',
    });
    expect(settings.problems).toHaveLength(1);
    const message = settings.problems[0]?.message ?? '';
    expect(message).toContain(file);
    expect(message).toContain('"theme"');
    expect(message).not.toContain('"repName"');
    expect(message).not.toContain('"mode"');
    expect(readFileSync(settings.problems[0]?.movedTo ?? '', 'utf8')).toContain('purple');
    // The fallback is stored: the next start has nothing to report and keeps the rest.
    const next = open(dataDir);
    expect(next.problems).toEqual([]);
    expect(next.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana',
      theme: 'system',
      mode: 'exam',
    });
  });

  it('a name of the wrong type or too long is reported by name and replaced by the default', () => {
    const dataDir = freshDataDir();
    open(dataDir);
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ repName: 42, theme: 'dark', mode: 'coach', extra: 'kept quietly' }),
    );
    const settings = open(dataDir);
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: '',
      theme: 'dark',
      mode: 'coach',
    });
    expect(settings.problems[0]?.message).toContain('"repName"');
  });

  it('a settings file from before speech gets the speech defaults, with nothing to report', () => {
    const dataDir = freshDataDir();
    open(dataDir);
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ repName: 'Ana', theme: 'dark', mode: 'exam' }),
    );
    const settings = open(dataDir);
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Ana',
      theme: 'dark',
      mode: 'exam',
    });
    expect(settings.get().endOfTurnMs).toBe(1200);
    expect(settings.problems).toEqual([]);
  });

  it('a silence window out of bounds falls back to the default and is reported by name', () => {
    const dataDir = freshDataDir();
    open(dataDir).set({ micMode: 'handsFree', endOfTurnMs: 2000 });
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, micMode: 'handsFree', endOfTurnMs: 50 }),
    );
    const settings = open(dataDir);
    expect(settings.get().endOfTurnMs).toBe(DEFAULT_SETTINGS.endOfTurnMs);
    expect(settings.get().micMode).toBe('handsFree');
    expect(settings.problems[0]?.message).toContain('"endOfTurnMs"');
    expect(() => settings.set({ endOfTurnMs: 60_000 })).toThrow();
  });
});
