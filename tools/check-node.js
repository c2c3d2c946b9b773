// `node tools/check-node.js` runs before `pnpm start` builds anything: on a Node older than the
// root package's `engines` range it says so in one line and stops, instead of building every
// package and then failing on `node:sqlite`. Plain JavaScript, so any Node runs it.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines.node.trim());
const wanted = minimum ? minimum.slice(1).map((part) => Number(part ?? 0)) : [0, 0, 0];
const running = process.versions.node.split('.').map((part) => Number.parseInt(part, 10) || 0);
const difference = running.map((part, i) => part - wanted[i]).find((delta) => delta !== 0) ?? 0;

if (difference < 0) {
  console.error(
    `Stue needs Node ${engines.node}, and this is Node ${process.versions.node}: install a current Node LTS (https://nodejs.org/) and run it again.`,
  );
  process.exit(1);
}
