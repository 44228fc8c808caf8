// Builds the three Electron bundles: main (the shell and the Node services it
// hosts), preload (the narrow bridge) and renderer (the React UI).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // The classifier's weights (model.json) as one JSON.parse string: V8 reads
    // that far faster than a 700 kB object literal, and it is read at every start.
    json: { stringify: true },
    build: {
      // Pure-JavaScript libraries the host loads at every start are bundled
      // into its chunk: resolving and compiling zod's hundreds of ES modules one
      // by one cost more than a tenth of a second before the first screen.
      // Native modules (koffi, the whisper binding) stay external.
      externalizeDeps: { exclude: ['zod', 'xstate', 'yaml'] },
      rollupOptions: {
        input: {
          // The Electron shell, and browser mode's host and launcher (plain Node, no Electron).
          index: resolve(__dirname, 'src-main/shell/main.ts'),
          web: resolve(__dirname, 'src-main/web/main.ts'),
          launch: resolve(__dirname, 'src-main/web/launch.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      // Minified: the page parses its script at every start.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    plugins: [react()],
  },
});
