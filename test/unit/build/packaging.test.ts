// The packaging configuration (build/electron-builder.yml) cannot be run here,
// so this checks what a broken package would get wrong: every native module the
// desktop app loads is unpacked from the asar archive, and every file the app
// reads at run time is packaged. Both lists are read from the code the desktop
// app is built from (everything src-main/shell/main.ts and preload.ts import),
// not written out by hand.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../../..');
const ENTRIES = ['src-main/shell/main.ts', 'src-main/shell/preload.ts'];

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  linux?: { target?: string[]; icon?: string };
  mac?: { target?: string | string[]; icon?: string };
  win?: { target?: string | string[]; icon?: string };
}

const config = parse(
  readFileSync(join(root, 'build/electron-builder.yml'), 'utf8'),
) as BuilderConfig;

/** A glob (`**`, `*`, `?`) as a regular expression over a whole relative path. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function covered(patterns: readonly string[] | undefined, path: string): boolean {
  const include = (patterns ?? []).filter((p) => !p.startsWith('!'));
  const exclude = (patterns ?? []).filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return (
    include.some((p) => globToRegExp(p).test(path)) &&
    !exclude.some((p) => globToRegExp(p).test(path))
  );
}

/** Every source file the desktop app is built from: the entries and all they import, transitively. */
function appSources(): string[] {
  const seen = new Set<string>();
  const queue = ENTRIES.map((entry) => join(root, entry));
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), match[1] ?? '');
      const candidates = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')];
      const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
      if (found && /\.tsx?$/.test(found)) queue.push(found);
    }
  }
  return [...seen].sort();
}

const sources = appSources().map((file) => ({
  file: relative(root, file),
  text: readFileSync(file, 'utf8'),
}));

/** Packages loaded at run time through createRequire (the native ones the bundler leaves alone). */
function loadedPackages(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const declared = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const names = new Set<string>();
  for (const { text } of sources) {
    if (!text.includes('createRequire(')) continue;
    // require('koffi'), createRequire(import.meta.url)('koffi')
    for (const m of text.matchAll(
      /(?:\brequire|createRequire\([^)]*\))\(\s*'([^'./][^']*)'\s*\)/g,
    )) {
      names.add(m[1] ?? '');
    }
    // A name made per platform: `@fugood/node-whisper-${platform}-${arch}`.
    for (const m of text.matchAll(/`(@?[\w.-]+\/?[\w.-]*?-)\$\{/g)) {
      for (const name of declared) if (name.startsWith(m[1] ?? '\0')) names.add(name);
    }
  }
  return [...names].filter((name) => !name.startsWith('node:')).sort();
}

/** Paths under the app's folder that the app reads at run time, as the code names them. */
function runtimePaths(): string[] {
  const paths = new Set<string>();
  const bases: Record<string, string> = { 'projectRoot()': '', PROJECT_ROOT: '', OUT_DIR: 'out' };
  for (const { text } of sources) {
    for (const m of text.matchAll(
      /join\(\s*(projectRoot\(\)|PROJECT_ROOT|OUT_DIR)((?:\s*,\s*'[^']+')+)/g,
    )) {
      const parts = [...(m[2] ?? '').matchAll(/'([^']+)'/g)].map((p) => p[1] ?? '');
      const base = bases[m[1] ?? ''] ?? '';
      paths.add([base, ...parts].filter(Boolean).join('/'));
    }
    // How the app finds its own folder: the files projectRoot() looks for.
    const finder = /function projectRoot[\s\S]*?\n}/.exec(text)?.[0] ?? '';
    for (const m of finder.matchAll(/join\(dir,\s*'([^']+)'\)/g)) paths.add(m[1] ?? '');
  }
  // A folder that OUT_DIR names only as a base (out/) is covered by what is under it.
  return [...paths].filter((p) => p !== 'out').sort();
}

/** Real files for a path: a folder's files as they are on disk, or a stand-in when it is not built yet. */
function filesFor(path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full))
    return /\.\w+$/.test(path) ? [path] : [`${path}/index.html`, `${path}/index.js`];
  if (!statSync(full).isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const child = join(dir, name);
      if (statSync(child).isDirectory()) walk(child);
      else out.push(relative(root, child).split('\\').join('/'));
    }
  };
  walk(full);
  return out;
}

describe('build/electron-builder.yml', () => {
  it('names the app and builds AppImage and deb, dmg and nsis', () => {
    expect(config.appId).toMatch(/^[a-z][\w-]*(\.[a-z][\w-]*)+$/);
    expect(config.productName).toBe('First Meeting');
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect([config.mac?.target].flat()).toContain('dmg');
    expect([config.win?.target].flat()).toContain('nsis');
  });

  it('unpacks from the asar every native module the desktop app loads', () => {
    const loaded = loadedPackages();
    // What the code loads today; a new one appears here without editing this test.
    expect(loaded).toEqual(expect.arrayContaining(['koffi', '@fugood/node-whisper-linux-x64']));
    expect(config.asar).not.toBe(false);
    const missing = loaded.filter(
      (name) => !covered(config.asarUnpack, `node_modules/${name}/build/Release/addon.node`),
    );
    expect(missing).toEqual([]);
    // Each one installed here really is native code, which cannot load from inside an asar.
    for (const name of loaded) {
      const dir = join(root, 'node_modules', name);
      if (!existsSync(dir)) continue; // another platform's binding
      expect(
        filesFor(relative(root, dir)).some((f) => f.endsWith('.node')),
        name,
      ).toBe(true);
    }
  });

  it('packages every file the desktop app reads at run time', () => {
    const paths = runtimePaths();
    expect(paths).toEqual(
      expect.arrayContaining(['package.json', 'scenarios', 'out/renderer', 'out/preload/index.js']),
    );
    const files = paths.flatMap(filesFor);
    expect(files).toEqual(expect.arrayContaining(['scenarios/light-stack-leader.yaml']));
    expect(files.filter((file) => !covered(config.files, file))).toEqual([]);
    // The app's own code, where package.json says it starts.
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string })
      .main;
    expect(covered(config.files, main)).toBe(true);
  });

  it('the classifier model is bundled, not read from disk', () => {
    const readers = sources.filter(({ text }) => /model\.json/.test(text) && /readFile/.test(text));
    expect(readers.map((s) => s.file)).toEqual([]);
  });

  it("every platform's icon exists and is made from the one source image", () => {
    const source = readFileSync(join(root, 'build/icons/icon.svg'), 'utf8');
    expect(source).toContain('<svg');
    const width = (file: string) => readFileSync(join(root, file)).readUInt32BE(16);
    for (const icon of [config.mac?.icon, config.win?.icon]) {
      expect(icon).toBe('build/icons/icon.png');
      expect(width(icon ?? '')).toBeGreaterThanOrEqual(512);
    }
    const linux = config.linux?.icon ?? '';
    const sizes = readdirSync(join(root, linux)).filter((f) => /^\d+x\d+\.png$/.test(f));
    expect(sizes).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
    for (const file of sizes) {
      expect(width(join(linux, file))).toBe(Number(file.split('x')[0]));
    }
    expect(readFileSync(join(root, 'build/make-icons.ts'), 'utf8')).toContain('icon.svg');
  });
});
