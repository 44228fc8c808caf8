// The scenario folder with its cache: a file that loaded cleanly before is
// remembered by the hash of its text, so the next start skips the YAML parser
// and gets the very same buyers. Editing a file changes its hash, so the edit
// takes effect at once; a cache entry that does not pass every check is not
// trusted (the file is read again); a damaged cache file is ignored and
// rewritten; a file with errors is never cached and reports its problems with
// line numbers every time.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshFolders } from '../support/folders';
import { Meeting } from '../../../src-main/core/meeting/meeting';
import type { CompiledScenario } from '../../../src-main/core/scenarios/compile';
import { defaultClassifier } from '../../../src-main/core/understanding/default';
import { ScenarioLibrary } from '../../../src-main/services/scenario-library';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../fixtures/replies';

const BUILT_IN = join(import.meta.dirname, '../../../scenarios');
const IDS = ['average-cro', 'light-stack-leader', 'locked-in-buyer'];

const freshFolder = freshFolders('scenario-cache');

/** A copy of the built-in scenario folder, and where its cache goes (in a folder not yet made). */
function freshCopy(): { dir: string; cacheFile: string } {
  const folder = freshFolder();
  const dir = join(folder, 'scenarios');
  cpSync(BUILT_IN, dir, { recursive: true });
  return { dir, cacheFile: join(folder, 'data', 'cache', 'scenarios.json') };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (file: string) => sha256(readFileSync(file, 'utf8'));
const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml'));

interface CacheFile {
  version: number;
  entries: Record<string, unknown>;
}
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
const writeCache = (file: string, cache: CacheFile) => writeFileSync(file, JSON.stringify(cache));

/** What a rep would see of a short meeting: the opening, each buyer line, the meters and the outcome. */
function conversation(scenario: CompiledScenario | undefined) {
  if (!scenario) throw new Error('scenario missing');
  const meeting = Meeting.start({
    scenario,
    classifier: defaultClassifier(),
    difficulty: 'normal',
    seed: 7,
  });
  const openingMeters = meeting.meters;
  const buyer: string[] = [];
  for (const text of LIGHT_STACK_VALUE_SCRIPT.slice(0, 3)) {
    if (meeting.ended) break;
    buyer.push(meeting.reply(text).buyer);
  }
  return {
    opening: meeting.opening,
    openingMeters,
    buyer,
    meters: meeting.meters,
    outcome: meeting.outcome,
  };
}

/** Everything a library offers, in a form two loads can be compared by. */
function contents(library: ScenarioLibrary) {
  return library
    .list()
    .map((s) => ({ id: s.file.id, title: s.file.title, file: s.file, meeting: conversation(s) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('the scenario cache', () => {
  it('the first load writes it: one entry per scenario file, keyed by the hash of its text', () => {
    const { dir, cacheFile } = freshCopy();
    expect(existsSync(cacheFile)).toBe(false);
    const library = ScenarioLibrary.load(dir, cacheFile);
    expect(library.ids().sort()).toEqual(IDS);
    expect(library.problems).toEqual([]);
    const cache = readCache(cacheFile);
    expect(cache.version).toBe(1);
    expect(Object.keys(cache.entries).sort()).toEqual(
      yamlFiles(dir)
        .map((f) => hashOf(join(dir, f)))
        .sort(),
    );
  });

  it('a second load gives the same scenarios: same ids, titles, data, and meetings that play the same', () => {
    const { dir, cacheFile } = freshCopy();
    const first = ScenarioLibrary.load(dir, cacheFile);
    const cached = statSync(cacheFile);
    const second = ScenarioLibrary.load(dir, cacheFile);
    expect(second.problems).toEqual([]);
    expect(contents(second)).toEqual(contents(first));
    // And the same as without any cache.
    expect(contents(second)).toEqual(contents(ScenarioLibrary.load(dir)));
    // Nothing changed, so the cache file was not written again (it is replaced, never edited in place).
    expect(statSync(cacheFile).ino).toBe(cached.ino);
  });

  it('an unchanged file is taken from its cache entry (shown by a probe title written into the entry)', () => {
    const { dir, cacheFile } = freshCopy();
    ScenarioLibrary.load(dir, cacheFile);
    const hash = hashOf(join(dir, 'light-stack-leader.yaml'));
    const cache = readCache(cacheFile);
    cache.entries[hash] = { ...(cache.entries[hash] as object), title: 'Probe title' };
    writeCache(cacheFile, cache);
    expect(ScenarioLibrary.load(dir, cacheFile).get('light-stack-leader')?.file.title).toBe(
      'Probe title',
    );
  });

  it('editing a scenario file takes effect at the next load, and the cache follows the edit', () => {
    const { dir, cacheFile } = freshCopy();
    const file = join(dir, 'light-stack-leader.yaml');
    const before = ScenarioLibrary.load(dir, cacheFile);
    const oldHash = hashOf(file);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('title: The light-stack sales leader', 'title: The edited sales leader')
        .replace('trust: { start: 35, label: Trust }', 'trust: { start: 45, label: Trust }'),
    );
    const after = ScenarioLibrary.load(dir, cacheFile);
    expect(after.problems).toEqual([]);
    const edited = after.get('light-stack-leader');
    expect(edited?.file.title).toBe('The edited sales leader');
    expect(conversation(before.get('light-stack-leader')).openingMeters.trust).toBe(35);
    expect(conversation(edited).openingMeters.trust).toBe(45);
    const entries = Object.keys(readCache(cacheFile).entries);
    expect(entries).toContain(hashOf(file));
    expect(entries).not.toContain(oldHash);
    expect(entries).toHaveLength(3);
    // The other buyers are untouched.
    for (const id of ['average-cro', 'locked-in-buyer']) {
      expect(conversation(after.get(id))).toEqual(conversation(before.get(id)));
    }
  });

  it('a removed scenario file leaves the library and the cache', () => {
    const { dir, cacheFile } = freshCopy();
    ScenarioLibrary.load(dir, cacheFile);
    const hash = hashOf(join(dir, 'locked-in-buyer.yaml'));
    rmSync(join(dir, 'locked-in-buyer.yaml'));
    const library = ScenarioLibrary.load(dir, cacheFile);
    expect(library.ids().sort()).toEqual(['average-cro', 'light-stack-leader']);
    expect(Object.keys(readCache(cacheFile).entries)).not.toContain(hash);
    expect(Object.keys(readCache(cacheFile).entries)).toHaveLength(2);
  });

  it('a tampered entry is not trusted: the file is read again, loads as it should, and the entry is repaired', () => {
    const { dir, cacheFile } = freshCopy();
    const reference = contents(ScenarioLibrary.load(dir, cacheFile));
    const clean = readCache(cacheFile);
    const hash = hashOf(join(dir, 'light-stack-leader.yaml'));
    const entry = clean.entries[hash] as Record<string, unknown>;
    const tampered: [string, unknown][] = [
      ['an initial state that does not exist', { ...entry, initial: 'nowhere' }],
      ['an opening line that does not exist', { ...entry, opening: 'no-such-line' }],
      ['a missing field', { ...entry, persona: undefined }],
      [
        'a behaviour that does not exist',
        JSON.parse(JSON.stringify(entry).replace(/"goal_question"/g, '"flattery"')),
      ],
      ['a string', 'garbage'],
      ['a number', 42],
      ['null', null],
      ['a list', [entry]],
    ];
    for (const [what, value] of tampered) {
      writeCache(cacheFile, { ...clean, entries: { ...clean.entries, [hash]: value } });
      const library = ScenarioLibrary.load(dir, cacheFile);
      expect(library.problems, what).toEqual([]);
      expect(contents(library), what).toEqual(reference);
      expect(readCache(cacheFile).entries[hash], what).toEqual(entry);
    }
  });

  it('an entry for a file whose YAML is broken does not hide its problems, reported with line numbers', () => {
    const { dir, cacheFile } = freshCopy();
    const original = readFileSync(join(dir, 'light-stack-leader.yaml'), 'utf8');
    const cleanEntry = (() => {
      ScenarioLibrary.load(dir, cacheFile);
      return readCache(cacheFile).entries[hashOf(join(dir, 'light-stack-leader.yaml'))];
    })();
    // A reference error on the line of `initial:`, and a YAML error (a key given twice) on line 8.
    const badState = join(dir, 'bad-state.yaml');
    writeFileSync(
      badState,
      original
        .replace('id: light-stack-leader', 'id: bad-state')
        .replace('initial: guarded', 'initial: nowhere'),
    );
    const badYaml = join(dir, 'bad-yaml.yaml');
    writeFileSync(
      badYaml,
      original
        .replace('id: light-stack-leader', 'id: bad-yaml')
        .replace('brief: ', 'title: The same title twice\nbrief: '),
    );
    // Entries under their hashes, as if someone had written them: garbage, and plausible data.
    const cache = readCache(cacheFile);
    cache.entries[hashOf(badState)] = {
      ...(cleanEntry as object),
      id: 'bad-state',
      initial: 'nowhere',
    };
    cache.entries[hashOf(badYaml)] = 'garbage';
    writeCache(cacheFile, cache);

    const library = ScenarioLibrary.load(dir, cacheFile);
    expect(library.ids().sort()).toEqual(IDS);
    expect(library.problems).toContainEqual(
      expect.objectContaining({
        file: badState,
        line: lineOf(original, 'initial: guarded'),
        severity: 'error',
        message: expect.stringMatching(/unknown state "nowhere"/),
      }),
    );
    expect(library.problems).toContainEqual(
      expect.objectContaining({
        file: badYaml,
        line: 8,
        severity: 'error',
        message: expect.stringMatching(/^YAML: .*unique/),
      }),
    );
    expect(library.problems).toHaveLength(2);
    // Neither is kept in the cache.
    const entries = Object.keys(readCache(cacheFile).entries);
    expect(entries).not.toContain(hashOf(badState));
    expect(entries).not.toContain(hashOf(badYaml));
  });

  it('a damaged cache file is ignored and rewritten', () => {
    for (const damage of [
      '{"version": 1, "entries": {',
      'not json at all',
      '[]',
      '{"version": 99, "entries": {}}',
      '\u0000\u0001',
    ]) {
      const { dir, cacheFile } = freshCopy();
      ScenarioLibrary.load(dir, cacheFile);
      const good = readFileSync(cacheFile, 'utf8');
      writeFileSync(cacheFile, damage);
      const library = ScenarioLibrary.load(dir, cacheFile);
      expect(library.ids().sort(), damage).toEqual(IDS);
      expect(library.problems, damage).toEqual([]);
      expect(readFileSync(cacheFile, 'utf8'), damage).toBe(good);
    }
  });

  it('a scenario file with errors is never cached, and reports its problems at every load', () => {
    const { dir, cacheFile } = freshCopy();
    const broken = join(dir, 'broken.yaml');
    const text = readFileSync(join(dir, 'light-stack-leader.yaml'), 'utf8')
      .replace('id: light-stack-leader', 'id: broken-buyer')
      .replace('initial: guarded', 'initial: nowhere');
    writeFileSync(broken, text);
    const first = ScenarioLibrary.load(dir, cacheFile);
    const second = ScenarioLibrary.load(dir, cacheFile);
    for (const library of [first, second]) {
      expect(library.get('broken-buyer')).toBeUndefined();
      expect(library.problems).toEqual([
        expect.objectContaining({
          file: broken,
          line: lineOf(text, 'initial: nowhere'),
          message: expect.stringMatching(/nowhere/),
        }),
      ]);
    }
    expect(Object.keys(readCache(cacheFile).entries)).not.toContain(sha256(text));
    expect(Object.keys(readCache(cacheFile).entries)).toHaveLength(3);
    // Fixed, it loads and is cached like the others.
    writeFileSync(broken, text.replace('initial: nowhere', 'initial: guarded'));
    const fixed = ScenarioLibrary.load(dir, cacheFile);
    expect(fixed.problems).toEqual([]);
    expect(fixed.get('broken-buyer')?.file.title).toBe('The light-stack sales leader');
    expect(Object.keys(readCache(cacheFile).entries)).toContain(hashOf(broken));
  });

  it('a cache that cannot be written costs nothing but speed', () => {
    const { dir } = freshCopy();
    // The cache's folder would have to be made inside a regular file.
    const blocker = join(dir, '..', 'blocker');
    writeFileSync(blocker, 'not a folder');
    const library = ScenarioLibrary.load(dir, join(blocker, 'cache', 'scenarios.json'));
    expect(library.ids().sort()).toEqual(IDS);
    expect(library.problems).toEqual([]);
  });
});

/** The 1-based line on which `needle` first stands in `text`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe("the organisation's own scenarios", () => {
  const starter = readFileSync(join(BUILT_IN, 'light-stack-leader.yaml'), 'utf8');
  function ownFolder(files: Record<string, string>): string {
    const dir = join(freshFolder(), 'own');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('are listed beside the built-in ones and marked as their own', () => {
    const own = ownFolder({
      'our-buyer.yaml': starter.replace('id: light-stack-leader', 'id: our-buyer'),
    });
    const library = ScenarioLibrary.load(BUILT_IN, undefined, own);
    expect(library.ids().sort()).toEqual([...IDS, 'our-buyer'].sort());
    expect(library.sourceOf('our-buyer')).toBe('own');
    expect(library.sourceOf('average-cro')).toBe('built-in');
    expect(library.unusable()).toEqual([]);
  });

  it('cannot take a built-in id: the clash is reported and the built-in one is kept', () => {
    const own = ownFolder({ 'copy.yaml': starter.replace(/title: .*/, 'title: Our copy') });
    const library = ScenarioLibrary.load(BUILT_IN, undefined, own);
    expect(library.get('light-stack-leader')?.file.title).not.toBe('Our copy');
    expect(library.unusable()).toEqual([
      {
        file: join(own, 'copy.yaml'),
        source: 'own',
        problems: [
          `${join(own, 'copy.yaml')}:1:1: the id "light-stack-leader" belongs to a built-in scenario; give this scenario another id`,
        ],
      },
    ]);
  });

  it('a broken one is unusable with its file:line:column messages; the others still load', () => {
    const own = ownFolder({
      'good.yaml': starter.replace('id: light-stack-leader', 'id: good-buyer'),
      'broken.yaml': starter
        .replace('id: light-stack-leader', 'id: broken-buyer')
        .replace('initial: guarded', 'initial: nowhere'),
    });
    const library = ScenarioLibrary.load(BUILT_IN, undefined, own);
    expect(library.get('good-buyer')).toBeDefined();
    const [unusable] = library.unusable();
    expect(unusable?.source).toBe('own');
    expect(unusable?.problems[0]).toMatch(
      new RegExp(
        `broken\\.yaml:${lineOf(starter, 'initial: guarded')}:\\d+: unknown state "nowhere"`,
      ),
    );
  });
});
