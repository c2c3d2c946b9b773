// `embed-size-peers`: the CDN embed a partner's visitors download, beside the embed loaders of
// peers (Typeform, Cal.com), each bundled for browsers, minified and gzipped in the same run, the
// way a consumer's bundler would. Their loaders then fetch a whole iframe application; ours is
// the whole journey. Run after `pnpm build` (it reads packages/elements/dist/cdn/stue-embed.js).
import { gzipSizeOfFile, gzipSizeOfImport } from '../test/support/bundle-size.ts';

/** One figure, as bench/run.ts collects them (it adds the ratio). */
export interface EmbedSizePeersResult {
  name: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  goal: string;
  met: boolean;
}

/** Our bundle against the smaller peer loader; the other peer is named in the reference. */
export async function embedSizePeers(): Promise<EmbedSizePeersResult> {
  const value = gzipSizeOfFile(
    new URL('../packages/elements/dist/cdn/stue-embed.js', import.meta.url),
  );
  const typeform = await gzipSizeOfImport(
    `import { createWidget } from '@typeform/embed'; console.log(createWidget);`,
  );
  const calcom = await gzipSizeOfImport(`import '@calcom/embed-core';`);
  return {
    name: 'embed-size-peers',
    value,
    unit: 'bytes gzip',
    reference: `@typeform/embed loader (@calcom/embed-core loader: ${calcom.toLocaleString('en')} bytes gzip)`,
    referenceValue: typeform,
    goal: '<= 16384 bytes gzip',
    met: value <= 16 * 1024,
  };
}
