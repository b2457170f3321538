import { describe, expect, test } from 'vitest';
import { runPlacement } from '../helpers/cli.js';

describe('placement sensitivity', () => {
  test('a tornado of the inputs, and the ones that flip the verdict', async () => {
    const json = JSON.parse((await runPlacement(['sensitivity', 'scenarios/rag-enterprise.yaml', '--json'])).stdout);
    expect(json.range).toBe(0.2);
    expect(json.rows.map((r: { id: string }) => r.id)).toContain('onPrem.hardware.unitCost');
    const demand = json.rows.find((r: { id: string }) => r.id === 'demand (utilization)');
    expect(demand).toMatchObject({ flipsVerdict: true, low: { placement: 'cloud-managed' } });
    const table = await runPlacement(['sensitivity', 'scenarios/rag-enterprise.yaml', '--range', '0.1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('each input moved ±10.0%');
    expect(table.stdout).toMatch(/FLIPS|holds/);
  });
  test('--what-if on analyze: the whole analysis at the scaled demand, said in a warning', async () => {
    const base = JSON.parse((await runPlacement(['analyze', 'scenarios/rag-enterprise.yaml', '--json'])).stdout);
    const r = JSON.parse(
      (await runPlacement(['analyze', 'scenarios/rag-enterprise.yaml', '--json', '--what-if', 'batching=1.5'])).stdout,
    );
    expect(r.utilization.mean).toBeCloseTo(base.utilization.mean / 1.5, 9);
    expect(r.warnings.find((w: { code: string }) => w.code === 'what-if').args).toEqual({
      levers: 'batching=1.5',
      multiplier: 1 / 1.5,
    });
    expect(r.verdict.placement).toBe('cloud-managed');
    const bad = await runPlacement(['analyze', 'scenarios/rag-enterprise.yaml', '--what-if', 'cache=1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cache=HIT-RATE \(0 to < 1\)/);
  });
  test('a bad range is a command-line error', async () => {
    const r = await runPlacement(['sensitivity', 'scenarios/rag-enterprise.yaml', '--range', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a fraction between 0 and 1/);
  });
});
