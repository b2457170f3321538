/**
 * The scenario `placement init` writes: answers to commented YAML (docs/model.md), prices as
 * price-book references so their sources stay visible. Pure: text in, text out.
 */
import { acceleratorById } from './accelerators.js';
import { WORKLOAD_CLASSES, type WorkloadClassId } from './workload-classes.js';

export type PriceAnswer = { id: string } | { value: number };

/** A model of a portfolio, as init asks for it. */
export interface InitModel {
  name: string;
  referenceGpus: number;
  utilizationSource: string | null;
  utilizationFormat: string | null;
  assumed: number;
  warmFloorGpus: number;
  sovereignty: boolean;
  agentic: boolean;
}

export interface InitAnswers {
  name: string;
  workloadClass: WorkloadClassId;
  /** One of ACCELERATORS' ids. */
  accelerator: string;
  referenceGpus: number;
  currentPlacement: 'cloud' | 'dedicated' | 'onprem' | 'none';
  utilizationSource: string | null;
  /** What `format: auto` detected in the file, shown in a comment. */
  utilizationFormat: string | null;
  assumed: number;
  tokensSource: string | null;
  cloudPrice: PriceAnswer;
  dedicatedPrice: PriceAnswer | null;
  onPrem: boolean;
  sovereignty: boolean;
  agentic: boolean;
  ttftTargetMs: number | null;
  /** A portfolio's models; null for one workload. */
  models: InitModel[] | null;
}

/** A history as the scenario names it: a file, or an assumption to replace. */
function utilizationLines(source: string | null, format: string | null, assumed: number, indent: string): string[] {
  return source === null
    ? [
        `${indent}assumed: ${assumed}                  # a flat assumption: replace with \`source: your-telemetry.csv\``,
        `${indent}# or, from a metrics store:  prometheus: {url: http://prometheus:9090}`,
      ]
    : [`${indent}source: ${JSON.stringify(source)}${format ? `   # detected: ${format}` : ''}`];
}

const price = (p: PriceAnswer): string => ('id' in p ? `{price: ${p.id}}` : String(p.value));

export function scenarioText(a: InitAnswers, schemaPath: string, today: string): string {
  const cls = WORKLOAD_CLASSES.find((c) => c.id === a.workloadClass) ?? WORKLOAD_CLASSES[1];
  const server = acceleratorById(a.accelerator).server;
  const lines = [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# Written by \`placement init\` on ${today} for: ${cls.label}.`,
    '# Prices in {price: …} come from the bundled price book',
    '# (`placement prices` lists them with source and date); replace any with your own number.',
    'schemaVersion: 1',
    `name: ${JSON.stringify(a.name)}`,
    'horizonMonths: 36',
    'workload:',
    ...(a.models === null
      ? [
          `  referenceGpus: ${a.referenceGpus}               # the fleet the utilization history was measured on`,
          '  utilization:',
          ...utilizationLines(a.utilizationSource, a.utilizationFormat, a.assumed, '    '),
        ]
      : ["  # the fleet and its history are the models' below"]),
    ...(a.tokensSource === null
      ? ['  # tokens: {source: tokens.csv}    # daily totals or a request trace']
      : [`  tokens: {source: ${JSON.stringify(a.tokensSource)}}`]),
    '  egress: {internetGBPerMonth: 1000}   # traffic to users; or give workload.billing a FOCUS export',
    `  currentPlacement: ${a.currentPlacement}${' '.repeat(Math.max(1, 21 - a.currentPlacement.length))}# where it runs today: the verdict says what moving saves`,
    ...('retrieval' in cls && cls.retrieval
      ? ['  retrieval: {gbPerMonth: 10000, indexLocation: cloud}   # traffic to the vector index']
      : []),
    '  constraints:',
    `    sovereignty: ${a.sovereignty}`,
    `    agentic: ${a.agentic}`,
    ...(a.ttftTargetMs === null ? ['    # ttftTargetMs: 300'] : [`    ttftTargetMs: ${a.ttftTargetMs}`]),
    ...('regions' in cls && cls.regions
      ? ['    # regions: [{name: eu-west, trafficShare: 0.3, rttMs: 95}]   # RTT to the central site']
      : []),
    ...(a.models === null
      ? []
      : [
          'models:                          # their demand is pooled hour by hour; each is also priced alone',
          ...a.models.flatMap((m) => [
            `  - name: ${JSON.stringify(m.name)}`,
            `    referenceGpus: ${m.referenceGpus}`,
            '    utilization:',
            ...utilizationLines(m.utilizationSource, m.utilizationFormat, m.assumed, '      '),
            `    warmFloorGpus: ${m.warmFloorGpus}               # GPUs kept warm whatever the load`,
            ...(m.sovereignty || m.agentic
              ? [
                  `    constraints: {sovereignty: ${m.sovereignty}, agentic: ${m.agentic}}${m.sovereignty ? '   # placed apart, on owned hardware' : ''}`,
                ]
              : []),
          ]),
          '  # a model may also give rollouts, canary {share, retainedDays}, shadow {share}, fallbackFor,',
          '  # since, retireBy and constraints.regions; governance sets the limits (docs/inputs.md)',
        ]),
    'options:',
    '  cloud:',
    `    onDemandPerGpuHour: ${price(a.cloudPrice)}`,
    '    egressTiers: [{uptoGB: 10240, perGB: {price: aws/egress/internet-first-10tb}}, {uptoGB: 51200, perGB: {price: aws/egress/internet-next-40tb}}, {perGB: {price: aws/egress/internet-next-100tb}}]',
    ...(a.dedicatedPrice === null
      ? []
      : ['  dedicated:', `    perGpuHour: ${price(a.dedicatedPrice)}`, '    termMonths: 12']),
    ...(a.onPrem && server !== null
      ? [
          '  onPrem:',
          '    gpusPerServer: 8',
          '    hardware:',
          `      - {name: ${server.name}, unitCost: ${server.unitCost}, usefulLifeMonths: 60, residualFraction: 0.10}${server.note === null ? '' : `   # ${server.note}`}`,
          `    powerKwPerServer: ${server.power}`,
          '    pue: {price: pue/new-large-build}',
          '    electricityPerKwh: {price: electricity/us-industrial}',
          '    facilityPerKwMonth: {price: colocation/na-primary-250-500kw}',
          '    staff: {ftes: 0.5, costPerFteYear: 180000}   # an assumption: your own figure',
          '    supportRatePerYear: 0.08                      # an assumption: your own figure',
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
