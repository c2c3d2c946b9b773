import esbuild from 'rollup-plugin-esbuild';

/**
 * The npm build of a package, as every published package makes it: one ES module per source file
 * (with its source map) under `dist`, dependencies left as bare imports, so that an app bundles
 * each dependency once however many of our modules it uses.
 *
 * @param {import('rollup').InputOption} input the entries, each listed in package.json's `exports`
 * @param {import('rollup').ExternalOption} external the dependencies to leave as bare imports
 * @returns {import('rollup').RollupOptions}
 */
export function npmBuild(input, external) {
  return {
    input,
    external,
    plugins: [esbuild({ target: 'es2022' })],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  };
}
