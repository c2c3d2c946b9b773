import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
// From the workspace root, as the elements package's build uses it.
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { lowerDecorators } from '../../tools/vite-lower-decorators.js';
import { modulePreloads } from '../../tools/vite-modulepreload.js';

/**
 * The entry (main.ts) is small: it starts opening the database, then imports the app. It runs as
 * soon as it has arrived (`async`), not after the page's other scripts are compiled; and the page
 * preloads the chunks that import needs (`<link rel="modulepreload">`), so they are fetched
 * meanwhile, not after. Chunks the app imports later (validation, the other screens) are not
 * preloaded.
 */
function startEarly(): Plugin {
  let base = '/';
  return {
    name: 'stue-kiosk-start-early',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
        if (entry?.type !== 'chunk') throw new Error('the kiosk has no entry chunk');
        const script = `<script type="module" crossorigin src="${base}${entry.fileName}"`;
        if (!html.includes(script)) throw new Error(`index.html has no ${script}>`);
        return {
          html: html.replace(script, script.replace('type="module"', 'type="module" async')),
          tags: modulePreloads(bundle, entry.dynamicImports, { base, loaded: [entry.fileName] }),
        };
      },
    },
  };
}

// The hub serves dist/ at /kiosk/, so every built URL starts there. The service worker is our
// own (src/sw.ts, see docs/adr/0006-kiosk-service-worker.md): vite-plugin-pwa builds it and
// injects the list of files to precache; it also writes the web app manifest.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/kiosk/',
  plugins: [
    lowerDecorators(),
    startEarly(),
    // Lit's html`` and css`` keep their indentation otherwise. Not the pictures: the minifier
    // drops the slash of self-closing SVG elements, which nests every <path> in the one before.
    {
      ...minifyTemplateLiterals({
        include: ['src/screens/**/*.ts', 'src/styles/**/*.ts', 'src/kiosk-app.styles.ts'],
        failOnError: true,
      }),
      apply: 'build',
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // main.ts registers the worker itself, and lets a new version wait for the musician.
      injectRegister: false,
      injectManifest: {
        globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,txt}'],
        rollupFormat: 'es',
      },
      manifest: {
        id: '/kiosk/',
        name: 'Stue · Kiosk',
        short_name: 'Stue',
        description:
          'Tilbagemelding efter hjemmekoncerter – store billeder, stor skrift, virker uden net.',
        lang: 'da',
        start_url: '/kiosk/',
        scope: '/kiosk/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f1e8',
        theme_color: '#f6f1e8',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Pictures are inline SVG in the scripts; nothing is turned into data: URLs (strict CSP).
    assetsInlineLimit: 0,
    // Tablets' browsers preload modules themselves (Chromium 66+, Safari 17+).
    modulePreload: { polyfill: false },
  },
});
