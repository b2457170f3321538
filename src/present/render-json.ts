import type { Report } from '../report/build-report.js';

/** The report as JSON, numbers unrounded (docs/model.md). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
