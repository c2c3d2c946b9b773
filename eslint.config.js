import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // Tool configuration files are loaded by their tools through a default export.
    files: ['**/*.config.{js,ts}', '**/rollup.config.js', '**/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
