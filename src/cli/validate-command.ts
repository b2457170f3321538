/**
 * `placement validate FILE…`: check scenarios without analysing them. Every problem of
 * every file is listed (schema problems all at once; the cross-field rules once the schema
 * passes), and each input a scenario names must exist. Exit 0 when all are valid, 2 otherwise.
 */
import { stat } from 'node:fs/promises';
import { formatProblem, InputError, type InputProblem } from '../errors.js';
import { displayName, resolveSource } from '../input/load-inputs.js';
import { loadScenario } from '../input/scenario/load-scenario.js';
import type { Io } from './io.js';

export interface ValidateResult {
  file: string;
  ok: boolean;
  problems: InputProblem[];
}

async function validateOne(file: string): Promise<ValidateResult> {
  try {
    const { scenario } = await loadScenario(file);
    const sources: Array<[string, string | undefined]> = [
      ['workload.utilization.source', scenario.workload.utilization.source],
      ['workload.tokens.source', scenario.workload.tokens?.source],
      ['workload.billing.source', scenario.workload.billing?.source],
    ];
    const problems: InputProblem[] = [];
    for (const [field, source] of sources) {
      if (source === undefined || source === '-') continue;
      const path = resolveSource(source, file);
      try {
        if (!(await stat(path)).isFile()) problems.push({ file, field, message: `${displayName(path)} is not a file` });
      } catch {
        problems.push({ file, field, message: `${displayName(path)}: no such file` });
      }
    }
    return { file, ok: problems.length === 0, problems };
  } catch (err) {
    if (err instanceof InputError) return { file, ok: false, problems: err.problems };
    throw err;
  }
}

export async function validateCommand(files: string[], json: boolean, io: Io): Promise<number> {
  const results = [];
  for (const f of files) results.push(await validateOne(f));
  if (json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) {
      if (r.ok) io.stdout(`ok  ${r.file}\n`);
      else for (const p of r.problems) io.stderr(`placement: ${formatProblem(p)}\n`);
    }
  }
  return results.every((r) => r.ok) ? 0 : 2;
}
