import { transform as esbuildTransform } from 'esbuild';
import type { Plugin } from 'vite';

// Vite 8 compiles TypeScript with Oxc, which leaves standard decorators (`@state() accessor x`)
// in place, and no browser runs those yet. esbuild lowers them, so our own TypeScript goes through
// it first; Oxc then sees plain JavaScript.
export function lowerDecorators(): Plugin {
  return {
    name: 'stue:lower-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('/node_modules/')) return null;
      const { code: lowered, map } = await esbuildTransform(code, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: id,
        sourcemap: 'external',
        tsconfigRaw: {
          compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true },
        },
      });
      return { code: lowered, map };
    },
  };
}
