import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core is pure: no console, no node I/O, no clock, no colours or prompts (DEVELOPERS.md).
const impureModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'readline',
  'node:readline',
  'process',
  'node:process',
  'chalk',
  'cli-table3',
  '@inquirer/prompts',
  'inquirer',
  'child_process',
  'node:child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: impureModules }],
      'no-restricted-globals': ['error', 'process'],
      // The clock is passed in (`now`); formatting a given instant with Date is fine.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'pass now in' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pass now in' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
  {
    // Tests look for ANSI colour escapes on purpose.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
