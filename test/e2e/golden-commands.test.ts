import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import {
  golden,
  goldenDataFiles as dataFiles,
  goldenRun as placement,
  goldenScenarios as scenarios,
} from '../helpers/golden.js';
import { tempDir } from '../helpers/temp-dir.js';

// Every other command on every bundled scenario and data file, byte for byte
// (test/helpers/golden.ts); Monte Carlo the same on one thread and on two.
const tmp = tempDir('placement-golden-');

describe.each(scenarios)('%s', (file) => {
  const scenario = `scenarios/${file}`;
  const base = file.replace(/\.yaml$/, '');
  test.each([
    ['sensitivity', ['sensitivity']],
    ['sensitivity.json', ['sensitivity', '--json']],
    ['schedule', ['schedule']],
    ['schedule.csv', ['schedule', '--format', 'csv']],
    ['schedule.json', ['schedule', '--json']],
    ['check', ['check']],
    ['validate', ['validate']],
  ])('%s', async (name, [command, ...extra]) => {
    await expect(await placement([command!, scenario, ...extra])).toMatchFileSnapshot(golden(`${base}/${name}.txt`));
  });
  test('review against its own report: table, markdown and JSON', async () => {
    const previous = join(tmp, `${base}.json`);
    await placement(['analyze', scenario, '--json', '--out', previous]);
    const text = [
      await placement(['review', scenario, '--previous', previous]),
      await placement(['review', scenario, '--previous', previous, '--format', 'markdown']),
      await placement(['review', scenario, '--previous', previous, '--json']),
    ]
      .join('\n')
      .replaceAll(tmp, '<tmp>');
    await expect(text).toMatchFileSnapshot(golden(`${base}/review.txt`));
  });
  test('simulate: the same trials for a seed on one thread and on all of them', async () => {
    const args = ['simulate', scenario, '--trials', '2000', '--seed', '7'];
    const one = await placement([...args, '--jobs', '1', '--json']);
    await expect(one).toMatchFileSnapshot(golden(`${base}/simulate.json.txt`));
    await expect(await placement([...args, '--jobs', '1'])).toMatchFileSnapshot(golden(`${base}/simulate.txt`));
    // Worker threads need the built code: the real bin, on two threads, where there is something
    // to simulate (a scenario without distributions is refused before any trial).
    if (!one.includes('\nexit 0\n')) return;
    const threads = cli([...args, '--jobs', '2', '--json']);
    expect(threads.stdout).toBe(one.slice(one.indexOf('--- stdout\n') + 11, one.indexOf('--- stderr\n')));
  });
});

describe('inputs and reference data', () => {
  test.each(dataFiles)('inspect %s', async (data) => {
    const path = `scenarios/data/${data}`;
    const text = (await placement(['inspect', path])) + (await placement(['inspect', path, '--json']));
    await expect(text).toMatchFileSnapshot(golden(`inspect/${data}.txt`));
  });
  test.each([
    ['prices', []],
    ['prices.json', ['--json']],
  ] as Array<[string, string[]]>)('%s', async (name, extra) => {
    await expect(await placement(['prices', '--as-of', '2026-11-22', ...extra])).toMatchFileSnapshot(
      golden(`${name}.txt`),
    );
  });
  test.each(['report', 'scenario'])('schema %s', async (which) => {
    await expect(await placement(['schema', which])).toMatchFileSnapshot(golden(`schema-${which}.txt`));
  });
});
