import { excerpt } from '../../errors.js';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${excerpt(v)}"`;
  return `${typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping of fields',
  array: 'a list',
};

/**
 * One zod issue as a sentence that says what would be valid. `value` is what the file holds
 * at the issue's path (undefined when missing).
 */
export function issueMessage(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (value === undefined) return `is required: expected ${expected}`;
      return `expected ${expected}, got ${describeValue(value)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `needs at least ${min} item${min === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '≥' : '>'} ${min}, got ${describeValue(value)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `takes at most ${max} items`;
      const hint = max === 1 && typeof value === 'number' && value <= 100 ? ' (a fraction: write 63 % as 0.63)' : '';
      return `must be ${issue.inclusive ? '≤' : '<'} ${max}, got ${describeValue(value)}${hint}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}, got ${describeValue(value)}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(value)}`;
    case 'invalid_union': {
      // No alternative's type matched (zod reports a matching one's own issue): name them all.
      const alternatives = issue.errors.map((branch) => alternativeOf(branch[0]));
      if (alternatives.length === 0 || alternatives.some((a) => a === null)) return issue.message;
      return `expected ${[...new Set(alternatives)].join(' or ')}, got ${describeValue(value)}`;
    }
    default:
      return issue.message;
  }
}

/** What one alternative of a union takes, from its first issue at the value itself; null if unknown. */
function alternativeOf(first: Issue | undefined): string | null {
  if (first === undefined || first.path.length > 0) return null;
  if (first.code === 'invalid_type') return EXPECTED[first.expected] ?? first.expected;
  if (first.code === 'invalid_value') return first.values.map((v) => JSON.stringify(v)).join(' or ');
  return null;
}
