import { Chalk } from 'chalk';
import { analyze } from '../core/analyze.js';
import { loadInputs } from '../readers/load-inputs.js';
import { buildReport } from '../report/build-report.js';
import { renderJson } from '../render/render-json.js';
import { renderTable } from '../render/render-table.js';
import { loadScenario } from '../scenario/load-scenario.js';
import type { Format } from './options.js';
import type { Io } from './io.js';
import { writeFileAtomic } from './write-output.js';

export interface AnalyzeOptions {
  format: Format;
  out?: string;
  window?: number;
  thresholds?: number[];
}

/** read → validate → compute → render → write (STYLE.md habit 1). Returns the exit code. */
export async function analyzeCommand(file: string, opts: AnalyzeOptions, io: Io): Promise<number> {
  const loaded = await loadScenario(file);
  let scenario = loaded.scenario;
  if (opts.window !== undefined) scenario = { ...scenario, window: { days: opts.window } };
  if (opts.thresholds !== undefined) scenario = { ...scenario, thresholds: [...new Set(opts.thresholds)].sort((a, b) => a - b) };

  const inputs = await loadInputs(scenario, file);
  const now = io.now();
  const analysis = analyze({ scenario, utilizationHours: inputs.utilizationHours, tokenDays: inputs.tokenDays, now });
  const report = buildReport(scenario, analysis, { toolVersion: io.version, scenarioFile: file, sha256: loaded.sha256, now, sources: inputs.sources });

  const colour = opts.out === undefined && io.colour;
  const text = opts.format === 'json' ? renderJson(report) : renderTable(report, new Chalk({ level: colour ? 1 : 0 }));
  if (opts.out !== undefined) {
    await writeFileAtomic(opts.out, text);
    io.stderr(`placement: wrote ${opts.out}\n`);
  } else io.stdout(text);
  return 0;
}
