import { describe, expect, test } from 'vitest';
import { allOptionCosts } from '../../../src/model/cost/all-options.js';
import { capitalPerMonth } from '../../../src/model/cost/capital.js';
import { cloudCompute, overflowPricedAsCloud } from '../../../src/model/cost/cloud-compute.js';
import { flatProfile, measuredProfile } from '../../../src/model/demand/demand-profile.js';
import { levelPayment } from '../../../src/model/ownership/loan.js';
import { balanceAfter, interestPaid } from '../../helpers/loan-reference.js';
import { tieredEgressCost } from '../../../src/model/cost/tiered-egress.js';
import { trafficCost } from '../../../src/model/cost/traffic-cost.js';
import type { OnPremOption } from '../../../src/model/inputs.js';
import { BASE, scenario } from '../../helpers/scenario.js';
import { checkScenarioRules } from '../../../src/input/scenario/rules.js';
import { scenarioSchema } from '../../../src/input/scenario/schema.js';

const s = scenario();
const at55 = allOptionCosts(flatProfile(0.55, 32), s);
const byId = (id: string) => at55.find((o) => o.id === id)!;

describe('§3 cloud', () => {
  test('max(minWarm, B / target) × 730 × rate: 17.6 busy / 0.7 × 730 × 4.10', () => {
    expect(cloudCompute(flatProfile(0.55, 32), s.options.cloud)).toBeCloseTo((17.6 / 0.7) * 730 * 4.1, 9); // 75,252.571
  });
  test('the warm floor holds when demand is low', () => {
    const cloud = { ...s.options.cloud, minWarmGpus: 4 };
    expect(cloudCompute(flatProfile(0.05, 32), cloud)).toBeCloseTo(4 * 730 * 4.1, 9); // 1.6/0.7 = 2.29 < 4
  });
  test('measured profile: mean over hours, hour by hour', () => {
    const cloud = { ...s.options.cloud, minWarmGpus: 10 };
    // hours at 0.25 and 0.75 of 32: 8/0.7 = 11.43 and 24/0.7 = 34.29; mean 22.857
    expect(cloudCompute(measuredProfile([0.25, 0.75], 32), cloud)).toBeCloseTo(
      ((8 / 0.7 + 24 / 0.7) / 2) * 730 * 4.1,
      9,
    );
    // with a floor of 20 the first hour costs 20: (20 + 34.2857) / 2
    expect(cloudCompute(measuredProfile([0.25, 0.75], 32), { ...cloud, minWarmGpus: 20 })).toBeCloseTo(
      ((20 + 24 / 0.7) / 2) * 730 * 4.1,
      9,
    );
  });
  test('overflow is priced hour by hour, with no warm floor', () => {
    const cloud = { ...s.options.cloud, minWarmGpus: 50 };
    // capacity 20: hours at 16 and 24 busy → overflow 0 and 4 → mean 2 / 0.7
    expect(overflowPricedAsCloud(measuredProfile([0.5, 0.75], 32), 20, cloud)).toBeCloseTo((2 / 0.7) * 730 * 4.1, 9);
  });
  test('components of the month', () => {
    expect(byId('cloud').components).toEqual({
      compute: expect.closeTo(75252.5714, 3),
      internetEgress: expect.closeTo(1071.2, 9),
      retrieval: 0,
    });
    expect(byId('cloud').total).toBeCloseTo(76323.7714, 3);
  });
});

describe('§3 traffic', () => {
  const tiers = s.options.cloud.egressTiers;
  test.each([
    [0, 0],
    [5000, 450],
    [12000, 10240 * 0.09 + 1760 * 0.085], // 1071.2
    [60000, 10240 * 0.09 + 40960 * 0.085 + 8800 * 0.07], // 5019.2
  ])('%s GB through the tiers costs %s', (gb, cost) => {
    expect(tieredEgressCost(gb, tiers)).toBeCloseTo(cost, 9);
  });
  test('no tiers: egress unpriced', () => {
    expect(tieredEgressCost(1000, [])).toBe(0);
  });
  test('retrieval: co-located pays cross-zone or nothing; away pays the index side', () => {
    const cloudIndex = scenario({ workload: { retrieval: { gbPerMonth: 40000, indexLocation: 'cloud' } } });
    expect(trafficCost('cloud', cloudIndex).retrieval).toBeCloseTo(400, 9); // 40,000 × 0.01
    expect(trafficCost('onprem', cloudIndex).retrieval).toBeCloseTo(10240 * 0.09 + 29760 * 0.085, 9);
    expect(trafficCost('edge', cloudIndex).retrieval).toBeCloseTo(10240 * 0.09 + 29760 * 0.085, 9);
    const onpremIndex = scenario({ workload: { retrieval: { gbPerMonth: 40000, indexLocation: 'onprem' } } });
    expect(trafficCost('onprem', onpremIndex).retrieval).toBe(0);
    expect(trafficCost('cloud', onpremIndex).retrieval).toBeCloseTo(40000 * 0.005, 9);
  });
  test('internet egress: cloud tiers, on-prem per GB, edge none', () => {
    expect(trafficCost('cloud', s).internetEgress).toBeCloseTo(1071.2, 9);
    expect(trafficCost('onprem', s).internetEgress).toBeCloseTo(60, 9);
    expect(trafficCost('edge', s).internetEgress).toBe(0);
  });
});

describe('§3 dedicated', () => {
  test('gpus × 730 × (perGpuHour + upfront / (term × 730)), overflow as cloud', () => {
    const d = scenario({ options: { dedicated: { perGpuHour: 2.6, upfront: 1200, termMonths: 12, gpus: 16 } } });
    const cost = allOptionCosts(flatProfile(0.55, 32), d).find((o) => o.id === 'dedicated')!;
    expect(cost.components.reserved).toBeCloseTo(16 * 730 * 2.6, 9); // 30,368
    expect(cost.components.upfront).toBeCloseTo((16 * 1200) / 12, 9); // 1,600
    // 16 reserved GPUs serve 16 × 0.7 = 11.2 busy GPUs at the latency target: 17.6 − 11.2 = 6.4 overflow.
    expect(cost.components.overflow).toBeCloseTo((6.4 / 0.7) * 730 * 4.1, 9); // 27,364.57
    expect(byId('dedicated').total).toBeCloseTo(32 * 730 * 2.6 + 1071.2, 9); // gpus default to N
  });
});

describe('§3 the same headroom for every fixed pool: overflow starts at G × τ', () => {
  // 32 GPUs of each pool serve 32 × 0.7 = 22.4 busy GPUs; at X the fleet has 32 × X busy.
  const at = (x: number, id: string, tau?: number) => {
    const sc = scenario(tau === undefined ? {} : { workload: { targetUtilization: tau } });
    return allOptionCosts(flatProfile(x, 32), sc).find((o) => o.id === id)!;
  };
  test.each([0.69, 0.7])('at X = %s ≤ τ nothing overflows', (x) => {
    expect(at(x, 'dedicated').components.overflow).toBe(0);
    expect(at(x, 'onprem').components.burst).toBe(0);
  });
  test('at X = 0.8 > τ: 25.6 − 22.4 = 3.2 busy GPUs overflow, priced as cloud at τ', () => {
    const overflow = (3.2 / 0.7) * 730 * 4.1; // 13,682.29
    expect(at(0.8, 'dedicated').components.overflow).toBeCloseTo(overflow, 9);
    expect(at(0.8, 'onprem').components.burst).toBeCloseTo(overflow, 9);
    // Edge: 8 GPUs serve 5.6 busy; at 0.8, 25.6 − 5.6 = 20.
    expect(at(0.8, 'edge').components.overflow).toBeCloseTo((20 / 0.7) * 730 * 4.1, 9);
  });
  test('τ is one setting: 0.9 moves the boundary of every pool and cloud alike', () => {
    expect(at(0.85, 'dedicated', 0.9).components.overflow).toBe(0);
    expect(at(0.95, 'dedicated', 0.9).components.overflow).toBeCloseTo(((30.4 - 28.8) / 0.9) * 730 * 4.1, 9);
    expect(at(0.9, 'cloud', 0.9).components.compute).toBeCloseTo((28.8 / 0.9) * 730 * 4.1, 9);
  });
  test('the older name options.cloud.targetUtilization is still read; both set differently is refused', () => {
    expect(scenario({ options: { cloud: { targetUtilization: 0.8 } } }).workload.targetUtilization).toBe(0.8);
    expect(scenario({}).workload.targetUtilization).toBe(0.7);
    expect(
      checkScenarioRules(
        scenarioSchema.parse({
          ...BASE,
          workload: { ...BASE.workload, targetUtilization: 0.6 },
          options: { ...BASE.options, cloud: { ...BASE.options.cloud, targetUtilization: 0.7 } },
        }),
      ),
    ).toEqual([expect.objectContaining({ path: ['options', 'cloud', 'targetUtilization'] })]);
  });
});

describe('§3 on-prem (the worked example at X = 0.55)', () => {
  const o = byId('onprem').components;
  test.each([
    ['depreciation', (280000 * 4 * 0.9) / 48], // 21,000
    ['interest', 124964.54561179753 / 36], // CUMIPMT(0.07/12, 36, 1.12M, 1, 36) / 36
    ['power', 4 * 10.2 * (0.3 + 0.7 * 0.55) * 1.3 * 730 * 0.1], // 2,652.27
    ['facility', 4 * 10.2 * 150], // 6,120
    ['staff', (0.5 * 180000) / 12], // 7,500
    ['support', (0.08 * 1120000) / 12], // 7,466.67
    ['software', 0],
    ['network', 1500],
    ['burst', 0],
    ['internetEgress', 12000 * 0.005],
  ])('%s = %s', (name, value) => {
    expect(o[name]).toBeCloseTo(value, 6);
  });
  test('total is the sum of its components; capital is depreciation + interest', () => {
    const c = byId('onprem');
    expect(c.total).toBeCloseTo(
      Object.values(c.components).reduce((a, b) => a + b, 0),
      9,
    );
    expect(c.capital).toBeCloseTo(21000 + 124964.54561179753 / 36, 6);
  });
  test('demand above k bursts to cloud, or is a shortfall with burst: none', () => {
    const small = scenario({ options: { onPrem: { servers: 2 } } });
    const c = allOptionCosts(flatProfile(0.75, 32), small).find((x) => x.id === 'onprem')!;
    expect(c.components.burst).toBeCloseTo((12.8 / 0.7) * 730 * 4.1, 9); // 24 busy − 16 owned × 0.7
    const none = scenario({ options: { onPrem: { servers: 2, burst: 'none' } } });
    const n = allOptionCosts(flatProfile(0.75, 32), none).find((x) => x.id === 'onprem')!;
    expect(n.components.burst).toBe(0);
    expect(n.shortfallBusyGpus).toBeCloseTo(12.8, 12);
    expect(n.shortfallHours).toBe(730); // the one flat hour is short: every hour of the month
  });
  test('a line bought later depreciates for its share of the horizon', () => {
    const later = scenario({
      horizonMonths: 36,
      options: {
        onPrem: {
          hardware: [{ name: 'x', unitCost: 48000, usefulLifeMonths: 48, purchaseMonth: 12 }],
          financing: undefined,
        },
      },
    });
    expect(capitalPerMonth(later.options.onPrem as OnPremOption, 36).depreciation).toBeCloseTo((1000 * 24) / 36, 9);
  });
});

describe('§3 edge', () => {
  test('sites × (hardware + opex + power) + backhaul, overflow as cloud', () => {
    const e = byId('edge').components;
    expect(e.depreciation).toBeCloseTo((4 * 90000) / 48, 9); // 7,500
    expect(e.opex).toBeCloseTo(4800, 9);
    expect(e.power).toBeCloseTo(4 * 3 * (0.3 + 0.7 * 0.55) * 730 * 0.14, 9); // no PUE
    expect(e.backhaul).toBeCloseTo(4, 9);
    expect(e.overflow).toBeCloseTo(((17.6 - 8 * 0.7) / 0.7) * 730 * 4.1, 9); // 8 GPUs serve 5.6 busy
    expect(e.internetEgress).toBe(0);
  });
});

describe('level-payment loan (spreadsheet PMT / CUMIPMT)', () => {
  test('PMT(7 %/12, 36, 1.12M) = 34,582.35', () => {
    expect(levelPayment(1.12e6, 0.07 / 12, 36)).toBeCloseTo(34582.348489216456, 6);
  });
  test('interest in months 1..12 and balance after 12', () => {
    expect(interestPaid(1.12e6, 0.07 / 12, 36, 12)).toBeCloseTo(67388.36926089965, 6);
    expect(balanceAfter(1.12e6, 0.07 / 12, 36, 12)).toBeCloseTo(772400.1873903023, 4);
    expect(balanceAfter(1.12e6, 0.07 / 12, 36, 36)).toBe(0);
  });
  test('interest stops at the end of the term; a zero rate pays P / n', () => {
    expect(interestPaid(1.12e6, 0.07 / 12, 36, 60)).toBeCloseTo(124964.54561179753, 6);
    expect(levelPayment(1200, 0, 12)).toBe(100);
    expect(interestPaid(1200, 0, 12, 12)).toBe(0);
  });
});
