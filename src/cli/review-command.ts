/**
 * `placement review SCENARIO --previous REPORT` and `placement check SCENARIO` (issue 5): the
 * analysis compared with last quarter's report, with exit codes a script can act on (MODEL.md
 * §11: 3 when the verdict changed or a trigger fires).
 */
import { readFile } from 'node:fs/promises';
import { Chalk } from 'chalk';
import { describeReadError, InputError } from '../errors.js';
import { appendHistory, type HistoryEntry } from '../history/history-file.js';
import { buildReport, READABLE_SCHEMA_VERSIONS, REPORT_SCHEMA_VERSION, type Report } from '../report/build-report.js';
import { compareReports, keyNumbers, reviewExitCode, type FailOn, type Review } from '../report/compare-reports.js';
import { renderReviewMarkdown } from '../render/render-markdown.js';
import { renderCheck, renderReviewTable } from '../render/render-review.js';
import { emit, prepareAnalysis, type InputOverrides } from './analyze-command.js';
import type { Io } from './io.js';
import { writeFileAtomic } from './write-output.js';

export interface ReviewOptions extends InputOverrides {
  previous?: string;
  format: 'table' | 'json' | 'markdown';
  failOn: FailOn;
  history?: string;
  saveReport?: string;
  out?: string;
}

/** Last quarter's report: a report, or a review's output (its `report`), of this scenario and schema version. */
async function readPrevious(path: string, scenarioName: string): Promise<Report> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    const message = err instanceof SyntaxError ? `not JSON: ${err.message}` : describeReadError(err);
    throw new InputError({ file: path, field: '--previous', message });
  }
  const r = ((data as { kind?: string; report?: unknown })?.kind === 'review' ? (data as { report: unknown }).report : data) as Partial<Report>;
  if (typeof r !== 'object' || r === null || r.verdict === undefined || !Array.isArray(r.triggers) || !Array.isArray(r.options)) {
    throw new InputError({ file: path, field: '--previous', message: 'not a placement report: save one with `placement analyze … --json --out FILE` (or review --save-report)' });
  }
  // A version-1 report is read too: what it lacks is unknown, not an error.
  if (typeof r.schemaVersion !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(r.schemaVersion)) {
    throw new InputError({ file: path, field: 'schemaVersion', message: `the previous report has schemaVersion ${String(r.schemaVersion)}; this version of placement reads ${READABLE_SCHEMA_VERSIONS.join(' and ')}` });
  }
  if (r.scenario?.name !== scenarioName) {
    throw new InputError({ file: path, field: 'scenario.name', message: `the previous report is of scenario "${String(r.scenario?.name)}", not "${scenarioName}"` });
  }
  return r as Report;
}

async function currentReport(file: string, opts: InputOverrides & { format: string }, io: Io): Promise<Report> {
  const { loaded, inputs, analysis, now } = await prepareAnalysis(file, opts, io);
  return buildReport(analysis.scenario, analysis, { toolVersion: io.version, scenarioFile: file, sha256: loaded.sha256, now, sources: inputs.sources, billingMonths: inputs.billing?.months });
}

export async function reviewCommand(file: string, opts: ReviewOptions, io: Io): Promise<number> {
  const report = await currentReport(file, opts, io);
  const previous = opts.previous === undefined ? null : await readPrevious(opts.previous, report.scenario.name);
  const review: Review | null = previous === null ? null : compareReports(previous, report);
  const firing = report.triggers.filter((t) => t.firing);
  const code = reviewExitCode(review?.verdict.changed ?? false, firing.length > 0, opts.failOn);

  if (opts.saveReport !== undefined) await writeFileAtomic(opts.saveReport, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.history !== undefined) {
    const entry: HistoryEntry = {
      date: report.generatedAt,
      scenario: report.scenario,
      verdict: { placement: report.verdict.placement, governingConstraint: report.verdict.governingConstraint, changed: review?.verdict.changed ?? null },
      keyNumbers: keyNumbers(report),
      triggersFiring: firing.map((t) => t.id),
      exitCode: code,
    };
    await appendHistory(opts.history, entry);
  }
  const text = opts.format === 'json'
    ? `${JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, kind: 'review', exitCode: code, review, report }, null, 2)}\n`
    : opts.format === 'markdown' ? renderReviewMarkdown(report, review, code)
    : renderReviewTable(report, review, code, new Chalk({ level: opts.out === undefined && io.colour ? 1 : 0 }));
  await emit(text, opts.out, io);
  return code;
}

/** Triggers only, one line each, for cron: exit 3 when one fires. */
export async function checkCommand(file: string, opts: InputOverrides, io: Io): Promise<number> {
  const report = await currentReport(file, { ...opts, format: 'table' }, io);
  io.stdout(renderCheck(report));
  return report.triggers.some((t) => t.firing) ? 3 : 0;
}
