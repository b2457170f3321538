#!/usr/bin/env node
// The shipped command as one ES module bundle (esbuild), with a chunk per lazily loaded command
// and view, and the Monte Carlo worker as its own entry: a run loads a few files instead of
// several hundred (zod alone is over 200 modules), which is most of a short run's start-up.
// tsc still builds dist/ for the types and the tests; source maps serve --debug.
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
// Chunks are named by their content: the last build's would pile up.
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: repo,
  entryPoints: {
    main: 'src/cli/main.ts',
    'monte-carlo-worker': 'src/cli/monte-carlo-worker.ts',
    'csv-range-worker': 'src/input/csv-range-worker.ts',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Bundled CommonJS packages (cli-table3's helpers) call require for Node's own modules.
  banner: {
    js: "import { createRequire as __placementRequire } from 'node:module'; const require = __placementRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [englishOnlyZod],
});
