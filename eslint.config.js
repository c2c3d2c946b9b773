import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS = ['hub', 'kiosk', 'console'];
const PACKAGES = ['core', 'elements', ...APPS];

/**
 * Who may import whom: apps (hub, kiosk, console) never import another app, and the libraries
 * (core, elements) never import an app; core imports no other package at all. Each package's
 * sources get one `no-restricted-imports` rule, which also refuses reaching into another
 * package's `src` by a relative path. (The hub serves the built console and kiosk by resolving
 * their `package.json`, which is not an import.)
 */
function importBoundaries() {
  return PACKAGES.map((own) => {
    const forbidden =
      own === 'core'
        ? PACKAGES.filter((name) => name !== own)
        : APPS.filter((name) => name !== own);
    const message =
      own === 'core'
        ? '@stue/core is the base: it imports no other Stue package.'
        : 'Apps never import another app, and libraries never import an app (CONTRIBUTING.md).';
    return {
      files: [`packages/${own}/**/*.{ts,js,mjs}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: forbidden.flatMap((name) => [`@stue/${name}`, `@stue/${name}/*`]), message },
              {
                regex: `^(\\.\\./)+(?:packages/)?(${PACKAGES.filter((name) => name !== own).join('|')})/src/`,
                message:
                  'Import another package by its name and public entry, not by a path into its src.',
              },
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.stue/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['packages/{elements,kiosk,console}/src/**/*.ts'], ...lit.configs['flat/recommended'] },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `import { type A }` keeps an empty import in the output, which bundlers must then keep.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    // Promises that nobody awaits or that land where a void callback is expected lose their
    // errors silently; these two need the type checker.
    files: ['packages/*/src/**/*.ts'],
    // chai's assertions are thenables in the browser tests (chai-as-promised), so every
    // `expect(…)` there would read as a floating promise.
    ignores: ['**/*.browser.test.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...importBoundaries(),
  {
    // Tool configuration files are loaded by their tools through a default export.
    files: ['**/*.config.{js,ts}', '**/rollup.config.js', '**/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
