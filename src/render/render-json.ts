import type { Report } from '../report/build-report.js';

/** The report as JSON, numbers unrounded (MODEL.md §10). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
