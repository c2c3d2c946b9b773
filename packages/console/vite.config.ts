import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { lowerDecorators } from '../../tools/vite-lower-decorators.js';
import { modulePreloads } from '../../tools/vite-modulepreload.js';

/**
 * Adds `<link rel="modulepreload">` for the inbox's chunk and the chunks it imports to the page:
 * the inbox is where the console opens, so the browser fetches and compiles its code while the
 * entry is evaluated and the session checked, instead of after. Only compiled, not evaluated: the
 * sign-in page does not run it. Low priority, so that they do not hold up the entry and its styles.
 */
function preloadInbox(): Plugin {
  let base = '/';
  return {
    name: 'stue-preload-inbox',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle) return;
        const inbox = Object.values(bundle).find(
          (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/pages/inbox-page.ts'),
        );
        if (!inbox) throw new Error('The inbox page has no chunk of its own to preload');
        return modulePreloads(bundle, [inbox.fileName], {
          base,
          loaded: chunk ? [chunk.fileName] : [],
          attrs: { fetchpriority: 'low' },
        });
      },
    },
  };
}

// The hub serves dist/ at /console/, so every built URL starts there. In development (`pnpm dev`)
// the console asks a running hub for /api, as it will when the hub serves it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [lowerDecorators(), preloadInbox()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the console supports (ES2022) knows `modulepreload`: no polyfill in the entry.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': process.env['STUE_HUB_URL'] ?? 'http://127.0.0.1:8787' },
  },
});
