import esbuild from 'rollup-plugin-esbuild';

/**
 * The npm build: one ES module per source file, dependencies left as bare imports. Two entries:
 * the isomorphic `@stue/core` and the browser-only `@stue/core/idb`.
 */
export default {
  input: ['src/index.ts', 'src/idb.ts'],
  external: [/^zod(\/|$)/, /^uuid$/, /^idb$/],
  plugins: [esbuild({ target: 'es2022' })],
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
};
