import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** The built apps from the installed `@stue/*` packages, and the hub's own demo page. */
export function defaultStaticRoots(): StaticRoots {
  const require = createRequire(import.meta.url);
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  return {
    demo: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public'),
    embed: join(packageDir('@stue/elements'), 'dist', 'cdn'),
    kiosk: join(packageDir('@stue/kiosk'), 'dist'),
    console: join(packageDir('@stue/console'), 'dist'),
  };
}

/** The roots whose folder is missing: the app has not been built. */
export function missingRoots(roots: StaticRoots): string[] {
  return Object.entries(roots)
    .filter(([, dir]) => !existsSync(dir))
    .map(([name, dir]) => `${name}: ${dir}`);
}
