import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.stue/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    // Tool configuration files are loaded by their tools through a default export.
    files: ['**/*.config.{js,ts}', '**/rollup.config.js', '**/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
