import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement, expectCleanError } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-validate-');

describe('placement validate', () => {
  test('every bundled scenario is valid: exit 0, one ok line each', async () => {
    const r = await runPlacement(['validate', 'scenarios/burst-inference.yaml', 'scenarios/rag-enterprise.yaml']);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      'ok  scenarios/burst-inference.yaml\nok  scenarios/rag-enterprise.yaml\n',
      '',
    ]);
  });
  test('every problem of every file, inputs that do not exist included; exit 2', async () => {
    const missing = join(tmp, 'missing.yaml');
    writeFileSync(
      missing,
      'schemaVersion: 1\nname: t\nworkload:\n  referenceGpus: 8\n  utilization: {source: nope.csv}\n  tokens: {source: gone.csv}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n',
    );
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(
      broken,
      'schemaVersion: 1\nname: t\nworkload:\n  referenceGpus: -8\n  utilization: {asumed: 0.5}\noptions:\n  cloud: {onDemandPerGpuHour: 0}\n',
    );
    const r = await runPlacement(['validate', missing, broken, 'scenarios/burst-inference.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('ok  scenarios/burst-inference.yaml\n');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/missing\.yaml: workload\.utilization\.source: .*nope\.csv: no such file$/);
    expect(lines[1]).toMatch(/missing\.yaml: workload\.tokens\.source: .*gone\.csv: no such file$/);
    expect(lines.slice(2).map((l) => l.replace(/^placement: .*broken\.yaml:/, ''))).toEqual([
      '4:18: workload.referenceGpus: must be ≥ 1, got number -8',
      '5:17: workload.utilization.asumed: unknown key (did you mean "assumed"?); valid here: source, format, unit, samples, assumed, prometheus, metric, columns, timestampColumn, valueColumn, gpuColumn, maxBadRowFraction',
      '7:31: options.cloud.onDemandPerGpuHour: must be > 0, got number 0',
    ]);
    expectCleanError(r.stderr);
    const json = JSON.parse((await runPlacement(['validate', missing, '--json'])).stdout);
    expect(json[0]).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ field: 'workload.utilization.source' }), expect.anything()],
    });
  });
});

const script = join(tmp, 'completion.bash');
writeFileSync(script, (await runPlacement(['completion', 'bash'])).stdout);
describe('placement completion', () => {
  const complete = (words: string[]) =>
    spawnSync(
      'bash',
      [
        '-c',
        `source ${script}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _placement; echo "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8' },
    ).stdout.trim();
  test('commands, options and their choices, from the command definitions', () => {
    expect(complete(['placement', 're'])).toBe('review');
    expect(complete(['placement', 'analyze', '--fo'])).toBe('--format');
    expect(complete(['placement', 'analyze', 'x', '--format', ''])).toBe('table json markdown html');
    expect(complete(['placement', 'review', 'x', '--fail-on', ''])).toBe(
      'trigger new-trigger verdict-change any never',
    );
  });
  test('zsh gets the same through bashcompinit', async () => {
    expect((await runPlacement(['completion', 'zsh'])).stdout.split('\n')[0]).toBe('#compdef placement');
  });
});
