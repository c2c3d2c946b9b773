// `node scripts/copy-apps.js` (run by `pnpm build` after `tsc`): copies the built kiosk, console
// and embed script into dist/apps/, so the published package serves them without depending on
// the private app packages. The hub reads them from there in the repository and installed alike.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const appsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'apps');

const sources = {
  kiosk: join(packageDir('@stue/kiosk'), 'dist'),
  console: join(packageDir('@stue/console'), 'dist'),
  embed: join(packageDir('@stue/elements'), 'dist', 'cdn'),
};

const missing = Object.entries(sources).filter(([, dir]) => !existsSync(dir));
if (missing.length > 0) {
  console.error(
    `Build these first (pnpm build builds them in order): ${missing.map(([, dir]) => dir).join(', ')}`,
  );
  process.exit(1);
}

rmSync(appsDir, { recursive: true, force: true });
for (const [name, dir] of Object.entries(sources)) {
  cpSync(dir, join(appsDir, name), {
    recursive: true,
    // The embed folder also holds the bundle's declaration files; only what a browser loads is served.
    filter: (file) => !/\.d\.ts(\.map)?$/.test(file),
  });
}
