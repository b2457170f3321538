import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('placement sensitivity', () => {
  test('a tornado of the inputs, and the ones that flip the verdict', () => {
    const json = JSON.parse(cli(['sensitivity', 'scenarios/rag-enterprise.yaml', '--json']).stdout);
    expect(json.range).toBe(0.2);
    expect(json.rows.map((r: { id: string }) => r.id)).toContain('onPrem.hardware.unitCost');
    const demand = json.rows.find((r: { id: string }) => r.id === 'demand (utilization)');
    expect(demand).toMatchObject({ flipsVerdict: true, low: { placement: 'cloud-managed' } });
    const table = cli(['sensitivity', 'scenarios/rag-enterprise.yaml', '--range', '0.1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('each input moved ±10.0%');
    expect(table.stdout).toMatch(/FLIPS|holds/);
  });
  test('a bad range is a command-line error', () => {
    const r = cli(['sensitivity', 'scenarios/rag-enterprise.yaml', '--range', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a fraction between 0 and 1/);
  });
});
