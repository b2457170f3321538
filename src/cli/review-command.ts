/**
 * `placement review` and `placement check`: today's analysis judged against the decision in
 * force — the triggers recorded with it, on today's data — with exit codes a script can act on
 * (3 when the decision should be reopened).
 */
import { stat } from 'node:fs/promises';
import { Chalk } from 'chalk';
import { describeReadError, excerpt, formatPath, InputError } from '../errors.js';
import { previousReportSchema } from '../report/previous-report.js';
import { issueMessage } from '../input/scenario/issue-message.js';
import { valueAt } from '../model/uncertainty/replace-nodes.js';
import { MAX_RECORD_FILE_BYTES, readBounded, textOf } from '../input/readers/read-bounded.js';
import { appendHistory, readHistory, type HistoryEntry } from '../report/history-file.js';
import { READABLE_SCHEMA_VERSIONS, REPORT_SCHEMA_VERSION, type Report } from '../report/build-report.js';
import {
  compareReports,
  judgeTriggers,
  keyNumbers,
  reviewExitCode,
  type FailOn,
  type Review,
} from '../report/compare-reports.js';
import { renderReviewMarkdown } from '../present/render-markdown.js';
import { renderCheck, renderReviewTable } from '../present/render-review.js';
import { prepareAnalysis, reportOf, type InputOverrides } from './analyze-command.js';
import type { Io } from './io.js';
import { OutputBatch } from './write-output.js';

export interface ReviewOptions extends InputOverrides {
  previous?: string;
  /** The decision in force, kept for the user: read when it exists, made by this run when it does not. */
  decision?: string;
  format: 'table' | 'json' | 'markdown';
  failOn: FailOn;
  history?: string;
  saveReport?: string;
  out?: string;
}

/** Last quarter's report: a report, or a review's output (its `report`), of this scenario and schema version. */
async function readPrevious(
  path: string,
  scenarioName: string,
  /** The option that named the file, for the message. */
  option: '--previous' | '--decision' = '--previous',
): Promise<Report> {
  let data: unknown;
  try {
    const bytes = await readBounded(path, MAX_RECORD_FILE_BYTES);
    if (bytes.length > MAX_RECORD_FILE_BYTES) throw new RangeError('too large');
    data = JSON.parse(textOf(bytes));
  } catch (err) {
    const message =
      err instanceof SyntaxError
        ? `not JSON: ${excerpt(err.message, 80)}`
        : err instanceof RangeError
          ? `is larger than ${MAX_RECORD_FILE_BYTES / 1024 / 1024} MiB: not a placement report`
          : describeReadError(err);
    throw new InputError({ file: path, field: option, message });
  }
  const r = (
    (data as { kind?: string; report?: unknown } | null)?.kind === 'review'
      ? (data as { report: unknown }).report
      : data
  ) as Partial<Report> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.verdict === undefined ||
    !Array.isArray(r.triggers) ||
    !Array.isArray(r.options)
  ) {
    throw new InputError({
      file: path,
      field: option,
      message:
        'not a placement report: save one with `placement analyze … --json --out FILE` (or review --save-report)',
    });
  }
  // A version-1 report is read too: what it lacks is unknown, not an error.
  if (typeof r.schemaVersion !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(r.schemaVersion)) {
    throw new InputError({
      file: path,
      field: 'schemaVersion',
      message: `the previous report has schemaVersion ${String(r.schemaVersion)}; this version of placement reads ${READABLE_SCHEMA_VERSIONS.join(' and ')}`,
    });
  }
  if (r.scenario?.name !== scenarioName) {
    throw new InputError({
      file: path,
      field: 'scenario.name',
      message: `the previous report is of scenario "${excerpt(String(r.scenario?.name))}", not "${scenarioName}"`,
    });
  }
  // Parsed once: zod's compiled parsers would not repay their compiling (see parse-scenario.ts).
  const checked = previousReportSchema.safeParse(r, { jitless: true });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new InputError({
      file: path,
      field: formatPath(issue.path),
      message: `the previous report is damaged: ${issueMessage(issue, valueAt(r, issue.path))}`,
    });
  }
  return r as Report;
}

async function currentReport(
  file: string,
  opts: InputOverrides & { format: string },
  io: Io,
): Promise<{ report: Report; metrics: Record<string, number | null> }> {
  const prepared = await prepareAnalysis(file, opts, io);
  return { report: reportOf(prepared, file, io), metrics: prepared.analysis.metrics };
}

/** The decision in force: --previous (must exist), or --decision (read when it exists; absent, this run makes it). */
async function decisionInForce(
  opts: { previous?: string; decision?: string },
  scenarioName: string,
): Promise<{ previous: Report | null; baseline: string | null }> {
  if (opts.previous !== undefined && opts.decision !== undefined) {
    throw new InputError({
      field: '--decision',
      message: 'give --previous (a report that must exist) or --decision (kept for you), not both',
    });
  }
  if (opts.previous !== undefined) return { previous: await readPrevious(opts.previous, scenarioName), baseline: null };
  if (opts.decision !== undefined) {
    if (!(await exists(opts.decision))) return { previous: null, baseline: opts.decision };
    return { previous: await readPrevious(opts.decision, scenarioName, '--decision'), baseline: null };
  }
  return { previous: null, baseline: null };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new InputError({ file: path, field: '--decision', message: describeReadError(err) });
  }
}

/** The triggers firing at the last review recorded in the history; null without one. */
async function lastFiring(history: string | undefined): Promise<string[] | null> {
  if (history === undefined || !(await exists(history))) return null;
  const h = await readHistory(history, '--history');
  return h.entries.at(-1)?.triggersFiring ?? null;
}

export async function reviewCommand(file: string, opts: ReviewOptions, io: Io): Promise<number> {
  const { report, metrics } = await currentReport(file, opts, io);
  const { previous, baseline } = await decisionInForce(opts, report.scenario.name);
  // Read even when there is nothing to compare: a file that is not a history is refused before
  // this run's line is appended to it.
  const firedLastTime = await lastFiring(opts.history);
  const review: Review | null = previous === null ? null : compareReports(previous, report, metrics, firedLastTime);
  const firing = review?.triggers.filter((t) => t.firing) ?? [];
  const newLimits = review?.limits?.filter((l) => l.isNew) ?? [];
  const code =
    review === null
      ? 0
      : reviewExitCode(
          {
            // A limit of the portfolio passed since the decision in force counts as a new alarm.
            firing: firing.length > 0 || newLimits.length > 0,
            newFiring: firing.some((t) => t.isNew) || newLimits.length > 0,
            changed: review.verdict.changed,
          },
          opts.failOn,
        );

  // Every output of the run is computed first, then written together: the report, the baseline
  // and the view are staged whole; at commit the history line is appended and they are put in
  // place, so a run that fails (a full disk, an unwritable --out) leaves every file as it was.
  const reportText = `${JSON.stringify(report, null, 2)}\n`;
  const context = { baseline };
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, kind: 'review', exitCode: code, baseline, review, report }, null, 2)}\n`
      : opts.format === 'markdown'
        ? renderReviewMarkdown(report, review, code, context)
        : renderReviewTable(
            report,
            review,
            code,
            context,
            new Chalk({ level: opts.out === undefined && io.colour ? 1 : 0 }),
            io.width,
          );
  const batch = new OutputBatch();
  try {
    if (opts.saveReport !== undefined) await batch.stage(opts.saveReport, reportText, '--save-report');
    if (baseline !== null) await batch.stage(baseline, reportText, '--decision');
    if (opts.out !== undefined) await batch.stage(opts.out, text, '--out');
    if (opts.history !== undefined) {
      const entry: HistoryEntry = {
        date: report.generatedAt,
        scenario: report.scenario,
        verdict: {
          placement: report.verdict.placement,
          governingConstraint: report.verdict.governingConstraint,
          changed: review?.verdict.changed ?? null,
        },
        keyNumbers: keyNumbers(report),
        // A portfolio's limit passed since the decision is an alarm too: "canary-retention:agent".
        triggersFiring: [
          ...firing.map((t) => t.id),
          ...newLimits.map((l) => (l.model === null ? l.id : `${l.id}:${l.model}`)),
        ],
        triggers: (review?.triggers ?? [])
          .filter((t) => t.kind === 'metric')
          .map((t) => ({
            id: t.id,
            metric: t.metric,
            today: t.today,
            threshold: t.threshold,
            distance: t.distance,
            firing: t.firing,
          })),
        exitCode: code,
      };
      const history = opts.history;
      batch.append(() => appendHistory(history, entry));
    }
    await batch.commit();
  } catch (err) {
    await batch.abort();
    throw err;
  }
  if (opts.out === undefined) io.stdout(text);
  else if (io.verbose === true) io.stderr(`placement: wrote ${opts.out}\n`);
  return code;
}

export interface CheckOptions extends InputOverrides {
  previous?: string;
  json?: boolean;
  failOn: FailOn;
}

/**
 * The triggers of the decision in force judged on today's data, one line each, for cron: exit 3
 * when one fires. Without --previous, the triggers of today's own analysis — which never fire in
 * the analysis that made them, so it exits 0 and says that no decision in force was given.
 */
export async function checkCommand(file: string, opts: CheckOptions, io: Io): Promise<number> {
  const { report, metrics } = await currentReport(file, { ...opts, format: 'table' }, io);
  const previous = opts.previous === undefined ? null : await readPrevious(opts.previous, report.scenario.name);
  const decision = previous ?? report;
  const triggers = judgeTriggers(decision.triggers, metrics, null);
  const firing = triggers.filter((t) => t.firing);
  const changed = previous !== null && previous.verdict.placement !== report.verdict.placement;
  const code = reviewExitCode({ firing: firing.length > 0, newFiring: firing.length > 0, changed }, opts.failOn);
  const verdict = {
    inForce: decision.verdict.placement,
    today: report.verdict.placement,
    changed,
    insideHysteresis: changed && firing.length === 0,
  };
  io.stdout(
    opts.json
      ? `${JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, kind: 'check', scenario: report.scenario.name, exitCode: code, decisionInForce: previous === null ? null : previous.generatedAt, verdict, triggers }, null, 2)}\n`
      : renderCheck(report.scenario.name, triggers, verdict, previous === null, report.currency, io.width),
  );
  return code;
}
