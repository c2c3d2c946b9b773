import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { lowerDecorators } from '../../tools/vite-lower-decorators.js';

// The hub serves dist/ at /console/, so every built URL starts there. In development (`pnpm dev`)
// the console asks a running hub for /api, as it will when the hub serves it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [lowerDecorators()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': process.env['STUE_HUB_URL'] ?? 'http://127.0.0.1:8787' },
  },
});
