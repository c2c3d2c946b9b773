import esbuild from 'rollup-plugin-esbuild';

/** The npm build: one ES module per source file, dependencies left as bare imports. */
export default {
  input: 'src/index.ts',
  external: [/^zod(\/|$)/, /^uuid$/],
  plugins: [esbuild({ target: 'es2022' })],
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
};
