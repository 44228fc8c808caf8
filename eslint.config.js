// Lint rules, and the layer boundaries of docs/architecture.md: each folder may
// import only from the layers below it, so a file's place says what it may use.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto'];
const electron = ['electron', 'electron/*'];
const folder = (name) => `**/${name}/**`;

/**
 * One layer's boundary: `files` may not import Electron (unless `electron` is
 * allowed), Node built-ins (when `node` is false), or any folder in `forbidden`.
 */
function layer({
  files,
  why,
  electron: electronAllowed = false,
  node = true,
  forbidden,
  globals: g,
}) {
  const patterns = [];
  if (!electronAllowed) patterns.push({ group: electron, message: `${why}: no Electron here.` });
  if (!node) patterns.push({ group: nodeBuiltins, message: `${why}: no Node built-ins here.` });
  patterns.push({ group: forbidden, message: `${why}: not a layer it may import.` });
  return {
    files,
    ...(g ? { languageOptions: { globals: g } } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer({
    files: ['src-main/core/**/*.ts'],
    why: 'The core is pure TypeScript that runs anywhere and does no I/O',
    node: false,
    forbidden: ['contract', 'services', 'host', 'web', 'cli', 'shell', 'src-renderer'].map(folder),
  }),
  layer({
    files: ['src-main/contract/**/*.ts'],
    why: 'The contract is shared with the page and sits just above the core',
    node: false,
    forbidden: ['services', 'host', 'web', 'cli', 'shell', 'src-renderer'].map(folder),
  }),
  layer({
    files: ['src-main/services/**/*.ts'],
    why: 'Services (files, storage, settings) run in plain Node below the host',
    forbidden: ['host', 'web', 'cli', 'shell', 'src-renderer'].map(folder),
  }),
  layer({
    files: ['src-main/host/**/*.ts'],
    why: 'The session host runs in plain Node too (browser mode), below the shells',
    forbidden: ['web', 'cli', 'shell', 'src-renderer'].map(folder),
  }),
  layer({
    files: ['src-main/web/**/*.ts'],
    why: 'Browser mode runs without Electron',
    forbidden: ['cli', 'shell', 'src-renderer'].map(folder),
  }),
  layer({
    files: ['src-main/cli/**/*.ts'],
    why: 'The command line runs in plain Node on the core and services',
    forbidden: ['host', 'web', 'shell', 'src-renderer'].map(folder),
  }),
  layer({
    files: ['src-main/shell/**/*.ts'],
    why: 'The Electron shell hosts main; the page is built separately',
    electron: true,
    forbidden: [folder('src-renderer')],
  }),
  layer({
    files: ['src-renderer/**/*.{ts,tsx}'],
    why: 'The renderer is a sandboxed page that reaches main only through the typed contract (api.ts, wire.ts)',
    node: false,
    forbidden: [
      ...['services', 'host', 'web', 'cli', 'shell'].map(folder),
      '**/contract/validate*',
    ],
    globals: { ...globals.browser },
  }),
);
