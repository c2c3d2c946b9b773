import { npmBuild } from '../../tools/rollup-npm-build.js';

/**
 * The npm build (one ES module per source file, dependencies left as bare imports). The entries
 * are the isomorphic `@stue/core` and its subpaths (`/client`, `/scheduler`, `/reports`,
 * `/sealing`, `/sync`), and the browser-only `@stue/core/idb`; each is listed in package.json's
 * `exports`.
 */
export default npmBuild(
  [
    'src/index.ts',
    'src/client.ts',
    'src/scheduler.ts',
    'src/reports.ts',
    'src/sealing.ts',
    'src/sync.ts',
    'src/idb.ts',
  ],
  [/^zod(\/|$)/, /^uuid$/, /^idb$/],
);
