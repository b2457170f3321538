import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers, bottom up: model → input → report → present → cli (docs/development.md). Each may
// import the layers below it and never one above; test/unit/layers.test.ts lints probe files to
// prove these rules catch what they are meant to.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const above = (...layers) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|\\.js$|$)`,
  message: `a layer imports only the layers below it: not ${layers.join(', ')}`,
});
const interactive = {
  group: ['chalk', 'cli-table3', 'commander', '@inquirer/*', 'inquirer'],
  message: 'terminal and prompt libraries belong to present/ and cli/',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The model is pure: plain functions of plain data, no I/O, no clock, no randomness of its
    // own, no process, and nothing from outside src/model (not even a library).
    files: ['src/model/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'the model does no I/O: pass data in' })),
          patterns: [
            { regex: '^[^.]', message: 'the model imports only the model: no libraries' },
            {
              regex: '^(\\.\\./)+(input|report|present|cli|errors\\.js)(/|$)',
              message: 'the model imports only the model',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'the model does not read the process: pass values in' },
        { name: 'require', message: 'the model imports only the model' },
        { name: 'fetch', message: 'the model does no I/O' },
        { name: 'performance', message: 'the clock is passed in' },
        { name: 'setTimeout', message: 'the model does not wait' },
        { name: 'setInterval', message: 'the model does not wait' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the clock is passed in (now)' },
        { object: 'Math', property: 'random', message: 'randomness is seeded and passed in (uncertainty/random.ts)' },
        { object: 'globalThis', property: 'process', message: 'the model does not read the process' },
        { object: 'globalThis', property: 'fetch', message: 'the model does no I/O' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the clock is passed in (now)' },
        { selector: 'ImportExpression', message: 'the model loads nothing at run time' },
      ],
    },
  },
  {
    files: ['src/input/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [above('report', 'present', 'cli'), interactive] }],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [above('present', 'cli'), interactive] }],
    },
  },
  {
    // Views turn a report into text: no files, no processes, no prompts.
    files: ['src/present/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'],
          patterns: [
            above('cli'),
            { group: ['commander', '@inquirer/*', 'inquirer'], message: 'prompts and flags belong to cli/' },
          ],
        },
      ],
    },
  },
  {
    // The one error type is beneath every layer but the model, and imports none of them.
    files: ['src/errors.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\./', message: 'errors.ts imports no layer' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
  {
    // The command's own files are CommonJS (bin/package.json), so that Node starts without its
    // ES module loader.
    files: ['bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests look for ANSI colour escapes on purpose.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
