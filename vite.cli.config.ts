import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// `gma` as one ESM file for plain Node: dependencies (keytar, zod, yaml, …)
// stay external and load from node_modules, like the app's main bundle.
export default defineConfig({
  build: {
    ssr: resolve('main/cli/gma.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'gma.mjs', banner: '#!/usr/bin/env node' } },
  },
});
