import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/cli.js';

// The layers of src/ (model → input → report → present → cli) are held by lint rules; these
// probes prove the rules catch what they are meant to, and the import graph has no cycle.
const eslint = new ESLint({ cwd: REPO });

/** Lines of `code`, linted as if it were the file at `path`, that break a layer rule. */
async function brokenLines(path: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, path) });
  const layerRule = /^no-restricted-|^no-console$/;
  const lines = (result?.messages ?? []).filter((m) => layerRule.test(m.ruleId ?? '')).map((m) => m.line);
  return [...new Set(lines)].sort((a, b) => a - b);
}
const numbered = (lines: string[]) => lines.map((l, i) => [i + 1, l] as const);

describe('the model is pure', () => {
  const forbidden = [
    "import { readFileSync } from 'node:fs';",
    "import os from 'os';",
    "import { Worker } from 'node:worker_threads';",
    "import { gzipSync } from 'node:zlib';",
    "import { z } from 'zod';",
    "import { splitLines } from '../../input/readers/text-source.js';",
    "import { money } from '../../present/format.js';",
    "import { InputError } from '../../errors.js';",
    "import { run } from '../../cli/main.js';",
    'export const r = Math.random();',
    'export const p = globalThis.process;',
    'export const q = process.env;',
    'export const d = Date.now();',
    'export const n = new Date();',
    "export const m = import('./x.js');",
    'export const t = performance.now();',
    "console.log('x');",
  ];
  test('every way out of it is refused', async () => {
    const broken = await brokenLines('src/model/cost/probe.ts', forbidden.join('\n'));
    const missed = numbered(forbidden).filter(([n]) => !broken.includes(n));
    expect(missed).toEqual([]);
  });
  test('the model itself, and a given instant, are fine', async () => {
    const code = [
      "import { HOURS_PER_MONTH } from '../units.js';",
      "import { percentile } from '../stats/percentile.js';",
      'export const x = [HOURS_PER_MONTH, percentile, new Date(0).toISOString()];',
    ];
    expect(await brokenLines('src/model/cost/probe.ts', code.join('\n'))).toEqual([]);
  });
});

describe('no layer imports one above it', () => {
  test.each([
    ['src/input/readers/probe.ts', "import { buildReport } from '../../report/build-report.js';", true],
    ['src/input/readers/probe.ts', "import chalk from 'chalk';", true],
    ['src/input/readers/probe.ts', "import { HOURS_PER_MONTH } from '../../model/units.js';", false],
    ['src/input/scenario/probe.ts', "import { InputError } from '../../errors.js';", false],
    ['src/report/probe.ts', "import { reportWords } from '../present/messages.js';", true],
    ['src/report/probe.ts', "import { run } from '../cli/main.js';", true],
    ['src/report/probe.ts', "import { loadScenario } from '../input/scenario/load-scenario.js';", false],
    ['src/present/probe.ts', "import { run } from '../cli/main.js';", true],
    ['src/present/probe.ts', "import { readFileSync } from 'node:fs';", true],
    ['src/present/probe.ts', "import { buildReport } from '../report/build-report.js';", false],
    ['src/errors.ts', "import { money } from './present/format.js';", true],
  ])('%s: %s → refused: %s', async (path, line, refused) => {
    const broken = await brokenLines(path, `${line}\nexport const x = 1;`);
    expect(broken.includes(1)).toBe(refused);
  });
});

describe('the import graph', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  const src = join(REPO, 'src');
  const edges = new Map<string, Set<string>>();
  const folderEdges = new Map<string, Set<string>>();
  for (const file of files(src)) {
    const from = relative(src, file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = normalize(join(dirname(from), m[1]!)).replace(/\.js$/, '.ts');
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      const [a, b] = [dirname(from), dirname(to)];
      if (a !== b) {
        if (!folderEdges.has(a)) folderEdges.set(a, new Set());
        folderEdges.get(a)!.add(b);
      }
    }
  }
  /** A cycle in the graph, as the path that closes it; null when there is none. */
  function cycle(graph: Map<string, Set<string>>): string[] | null {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, path: string[]): string[] | null => {
      if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
      if (state.get(n) === 'done') return null;
      state.set(n, 'open');
      for (const m of graph.get(n) ?? []) {
        const found = visit(m, [...path, n]);
        if (found !== null) return found;
      }
      state.set(n, 'done');
      return null;
    };
    for (const n of graph.keys()) {
      const found = visit(n, []);
      if (found !== null) return found;
    }
    return null;
  }
  test('no file imports itself through others', () => {
    expect(cycle(edges)).toBeNull();
  });
  test('no folder imports itself through others', () => {
    expect(cycle(folderEdges)).toBeNull();
  });
  test('the check finds a cycle when there is one', () => {
    expect(
      cycle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });
});
