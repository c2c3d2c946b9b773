// Shared by the CDN build (rollup.config.js) and the size report: the source that replaces
// `src/internal/municipality-names.ts` in the embed, generated from the built `@stue/core`.
import { fileURLToPath } from 'node:url';
import { MUNICIPALITIES } from '@stue/core';

/** The module the CDN build replaces. */
export const municipalityNamesModule = fileURLToPath(
  new URL('../src/internal/municipality-names.ts', import.meta.url),
);

/** The replacement: the same `[code, name]` list, packed into one string. */
export function municipalityNamesSource() {
  const packed = MUNICIPALITIES.map(({ code, name }) => `${code}${name}`).join('|');
  return `const names = ${JSON.stringify(packed)}.split('|').map((entry) => [entry.slice(0, 3), entry.slice(3)]);
export function municipalityNames() { return names; }
`;
}
