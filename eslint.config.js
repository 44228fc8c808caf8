// Lint rules, and the layer boundaries of docs/architecture.md: each folder may
// import only from the layers below it, so a file's place says what it may use.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto'];

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
  {
    // The core: pure TypeScript that runs anywhere (Node, browser, Electron).
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core never imports Electron.' },
            { group: nodeBuiltins, message: 'The core does no I/O: take data in, give data back.' },
            {
              group: ['**/services/**', '**/cli/**', '**/shell/**', '**/src-renderer/**'],
              message: 'The core is the bottom layer: it imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract between UI and host: types, call names and validators. Pure.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The contract is shared with the page.' },
            { group: nodeBuiltins, message: 'The contract is shared with the page: no Node.' },
            {
              group: [
                '**/services/**',
                '**/host/**',
                '**/web/**',
                '**/cli/**',
                '**/shell/**',
                '**/src-renderer/**',
              ],
              message: 'The contract sits just above the core and imports nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node services: files, storage, settings, speech. Plain Node, never Electron.
    files: ['src-main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Services run in plain Node.' },
            {
              group: ['**/host/**', '**/web/**', '**/cli/**', '**/shell/**', '**/src-renderer/**'],
              message: 'Services sit below the host, the command line and the shells.',
            },
          ],
        },
      ],
    },
  },
  {
    // The session host: sessions, the contract's handlers, security checks. Either shell runs it.
    files: ['src-main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The host runs in plain Node too (browser mode).',
            },
            {
              group: ['**/web/**', '**/cli/**', '**/shell/**', '**/src-renderer/**'],
              message: 'The host sits below the shells and the command line.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser mode: the host behind HTTP/WebSocket, and the launcher. No Electron.
    files: ['src-main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Browser mode runs without Electron.' },
            {
              group: ['**/cli/**', '**/shell/**', '**/src-renderer/**'],
              message: 'Not a layer browser mode uses.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The command line runs in plain Node.' },
            {
              group: ['**/host/**', '**/web/**', '**/shell/**', '**/src-renderer/**'],
              message: 'Not a layer the CLI uses.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to main only through the preload bridge.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Use the preload bridge.' },
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page.' },
            {
              group: [
                '**/services/**',
                '**/host/**',
                '**/web/**',
                '**/cli/**',
                '**/shell/**',
                '**/contract/validate*',
              ],
              message:
                'The renderer reaches main only through the typed contract (api.ts, wire.ts).',
            },
          ],
        },
      ],
    },
  },
);
