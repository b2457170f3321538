import { describe, expect, test } from 'vitest';
import { golden, goldenRun as placement, goldenScenarios as scenarios } from '../helpers/golden.js';

// The analyze views of every bundled scenario, byte for byte (test/helpers/golden.ts).
describe.each(scenarios)('%s', (file) => {
  const scenario = `scenarios/${file}`;
  const base = file.replace(/\.yaml$/, '');
  test.each([
    ['analyze', []],
    ['analyze-details', ['--details']],
    ['analyze-wide', ['--details'], 120],
    ['analyze.json', ['--json']],
    ['analyze.md', ['--format', 'markdown']],
    ['analyze.html', ['--format', 'html']],
  ] as Array<[string, string[], number?]>)('%s', async (name, extra, width) => {
    await expect(await placement(['analyze', scenario, ...extra], width)).toMatchFileSnapshot(
      golden(`${base}/${name}.txt`),
    );
  });
});
