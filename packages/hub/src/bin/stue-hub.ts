#!/usr/bin/env node
// The command's entry point: it checks the Node version before loading the commands, which import
// `node:sqlite` — on a Node older than the `engines` range that import fails before any line of
// ours runs, with a stack trace instead of a sentence. Only modules every Node has are used here.
import { readFileSync } from 'node:fs';
import { nodeTooOld } from './node-version.js';

const { engines } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { engines: { node: string } };

if (nodeTooOld(engines.node, process.versions.node)) {
  console.error(
    `stue-hub needs Node ${engines.node}, and this is Node ${process.versions.node}: install a current Node LTS (https://nodejs.org/) and run it again.`,
  );
  process.exitCode = 1;
} else {
  await import('./main.js');
}
