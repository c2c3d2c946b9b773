import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { lowerDecorators } from '../../tools/vite-lower-decorators.js';

// The hub serves dist/ at /kiosk/, so every built URL starts there.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/kiosk/',
  plugins: [lowerDecorators()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
