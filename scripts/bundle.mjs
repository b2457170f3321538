#!/usr/bin/env node
// The shipped command as one CommonJS file (esbuild) that bin/placement.js loads through V8's
// code cache (bin/load-bundle.js; the cache is made by scripts/code-cache.mjs after this), and
// the two worker threads as ES module bundles of their own: a run reads two files instead of
// several hundred modules (zod alone is over 200) and compiles almost nothing, which is most of
// a short run's start-up. One file rather than a chunk per lazily loaded command: one cache
// covers it, and the chunks each cost a module load. tsc still builds dist/ for the types and
// the tests; source maps serve --debug.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

// zod exports every language's error messages (366 kB of its 760) under `z.locales`; the tool
// words its own messages and zod uses English by default, so only English is bundled.
const englishOnlyZod = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /node_modules\/zod\//.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: repo,
    }));
  },
};
// commander requires child_process at load, for subcommands run as programs of their own, which
// this tool has none of: it is required when first used instead (it and what it loads cost a
// few milliseconds of every start).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /node_modules\/commander\//.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
// Chunks are named by their content: the last build's would pile up.
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });
const common = {
  absWorkingDir: repo,
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [englishOnlyZod, lazyChildProcess],
};
await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // A dynamic import() of Node's own modules as a require: a script run by vm has no module loader.
  supported: { 'dynamic-import': false },
  // The modules find their package and their workers from their own address.
  define: { 'import.meta.url': '__placementUrl' },
  // The file is the body of the function bin/load-bundle.js compiles (a module's wrapper, written
  // here so that the loader need not copy 2 MB of source into one), without line breaks or
  // comments that only a reader of the bundle would want: source maps serve --debug.
  banner: {
    js: "(function (exports, require, module, __filename, __dirname) {'use strict';\nconst __placementUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  footer: { js: '})' },
  minifyWhitespace: true,
  minifySyntax: true,
});
await build({
  ...common,
  entryPoints: {
    'monte-carlo-worker': 'src/cli/monte-carlo-worker.ts',
    'csv-range-worker': 'src/input/csv-range-worker.ts',
  },
  splitting: true,
  format: 'esm',
  // Bundled CommonJS packages call require for Node's own modules.
  banner: {
    js: "import { createRequire as __placementRequire } from 'node:module'; const require = __placementRequire(import.meta.url);",
  },
});
