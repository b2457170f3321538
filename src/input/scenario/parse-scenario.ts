/**
 * Scenario text (YAML or JSON) to a validated, resolved scenario, in three steps: schema,
 * cross-field rules, resolved defaults. All problems are reported at once, each with the
 * file, line, column and field path.
 */
import { LineCounter, parseDocument } from 'yaml';
import { formatPath, excerpt, InputError, type InputProblem } from '../../errors.js';
import { closestName } from './closest-name.js';
import { issueMessage } from './issue-message.js';
import { resolveScenario, type ResolvedScenario } from './resolve.js';
import { checkScenarioRules } from './rules.js';
import { keysAt } from './schema-walk.js';
import { scenarioSchema } from './schema.js';
import { positionOf } from './yaml-position.js';
import { bundledPriceBook, type PriceBook } from '../pricebook/price-book.js';
import { resolvePriceReferences } from './price-references.js';
import { extractDistributions, probeDistributions } from './uncertain-fields.js';
import { valueAt } from '../../model/uncertainty/replace-nodes.js';

/** Alias expansions a scenario may make: ample for hand-written anchors, nothing like a bomb. */
const MAX_ALIASES = 100;

const EXPECTED_TOP = 'a scenario mapping with schemaVersion: 1, name, workload and options';

export function parseScenarioText(text: string, file: string, book: PriceBook = bundledPriceBook()): ResolvedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  // Only the first syntax error: the parser's later ones follow from it (one tab can make dozens)
  // and would bury the line to fix. Its warnings are about meaning, not syntax: a tag it cannot
  // resolve (`!!js/function`, `!custom`) is dropped and the bare value kept, which would quietly
  // analyse something other than what the file says. A scenario holds plain values, so a warning
  // is a refusal too.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first !== undefined) {
    const pos = lineCounter.linePos(first.pos[0]);
    const said = excerpt(first.message.split('\n')[0] ?? '', 80);
    throw new InputError({
      file,
      line: pos.line,
      column: pos.col,
      message: /Maximum call stack/.test(first.message)
        ? 'nested far too deeply to be a scenario (a scenario is a few levels deep)'
        : first.code === 'TAG_RESOLVE_FAILED'
          ? 'an unknown YAML tag; a scenario holds plain numbers, strings, lists and mappings'
          : doc.errors.length > 0
            ? `not valid YAML or JSON: ${said}`
            : `not usable YAML: ${said}`,
    });
  }
  if (doc.contents === null) {
    throw new InputError({ file, message: `the file is empty; expected ${EXPECTED_TOP}` });
  }
  let raw: unknown;
  try {
    // Aliases expand: a file of a few lines can stand for millions of nodes, so they are capped.
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new InputError({ file, message: `not a usable scenario: ${excerpt((err as Error).message, 80)}` });
  }
  const at = (path: ReadonlyArray<PropertyKey>, key?: string): Pick<InputProblem, 'line' | 'column'> => {
    const pos = positionOf(doc, lineCounter, path, key);
    return { line: pos?.line, column: pos?.column };
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError({ file, ...at([]), message: `expected ${EXPECTED_TOP}, got something else` });
  }
  const prices = resolvePriceReferences(raw, book);
  if (prices.unknown.length > 0) {
    throw new InputError(
      prices.unknown.map((u) => ({ file, ...at(u.path), field: formatPath(u.path), message: u.message })),
    );
  }
  const uncertain = extractDistributions(prices.data);
  if (uncertain.problems.length > 0) {
    throw new InputError(
      uncertain.problems.map((u) => ({ file, ...at(u.path), field: formatPath(u.path), message: u.message })),
    );
  }
  const data = uncertain.data;

  // jitless: on an object schema's first parse zod compiles a parser for it with new Function,
  // which pays only over many parses; a run parses its scenario once (measured: analyze --json of
  // the bundled example 189 → 183 ms, validate of uncertain-prices with its probes 133 → 126 ms).
  const parsed = scenarioSchema.safeParse(data, { jitless: true });
  if (!parsed.success) {
    const problems: InputProblem[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const valid = keysAt(scenarioSchema, issue.path);
        for (const key of issue.keys) {
          const guess = closestName(key, valid);
          problems.push({
            file,
            ...at(issue.path, key),
            field: formatPath([...issue.path, key]),
            message: `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; valid here: ${valid.join(', ')}`,
          });
        }
      } else {
        problems.push({
          file,
          ...at(issue.path),
          field: formatPath(issue.path),
          message: issueMessage(issue, valueAt(data, issue.path)),
        });
      }
    }
    throw new InputError(sortByPosition(problems));
  }

  const ruleProblems = checkScenarioRules(parsed.data);
  if (ruleProblems.length > 0) {
    throw new InputError(
      sortByPosition(ruleProblems.map((p) => ({ file, ...at(p.path), field: formatPath(p.path), message: p.message }))),
    );
  }
  const outOfRange = probeDistributions(data, uncertain.fields, (probe) => {
    const r = scenarioSchema.safeParse(probe, { jitless: true });
    if (!r.success)
      return r.error.issues.map((i) => ({
        path: i.path.map((k) => (typeof k === 'number' ? k : String(k))),
        message: issueMessage(i, valueAt(probe, i.path)),
      }));
    return checkScenarioRules(r.data);
  });
  if (outOfRange.length > 0) {
    throw new InputError(
      sortByPosition(outOfRange.map((u) => ({ file, ...at(u.path), field: formatPath(u.path), message: u.message }))),
    );
  }
  return { ...resolveScenario(parsed.data), priceReferences: prices.used, uncertain: uncertain.fields };
}

function sortByPosition(problems: InputProblem[]): InputProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
