import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the files the hub serves live on disk. */
export interface StaticRoots {
  /** The demo partner page (`/`). */
  demo: string;
  /** The folder holding `stue-embed.js` (`/embed/`). */
  embed: string;
  /** The kiosk app's build (`/kiosk/`). */
  kiosk: string;
  /** The console app's build (`/console/`). */
  console: string;
}

/**
 * The hub's own demo page, and the built apps its build copies into `dist/apps/` (so the
 * published package carries them; see `scripts/copy-apps.js`).
 */
export function defaultStaticRoots(): StaticRoots {
  // Two folders up from `src/http/` or `dist/http/`: the package's root.
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const apps = join(packageRoot, 'dist', 'apps');
  return {
    demo: join(packageRoot, 'public'),
    embed: join(apps, 'embed'),
    kiosk: join(apps, 'kiosk'),
    console: join(apps, 'console'),
  };
}

/** The roots whose folder is missing: the app has not been built. */
export function missingRoots(roots: StaticRoots): string[] {
  return Object.entries(roots)
    .filter(([, dir]) => !existsSync(dir))
    .map(([name, dir]) => `${name}: ${dir}`);
}
