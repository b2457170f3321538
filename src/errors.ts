/**
 * The one error type for mistakes a user can make (bad scenario, bad data, bad flag).
 * The CLI prints it as one line and exits 2; anything else is our fault (exit 1).
 */
export interface InputLocation {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  /** Dotted field path, e.g. `options.onPrem.hardware[0].unitCost`. */
  field?: string | undefined;
}

export interface InputProblem extends InputLocation {
  message: string;
}

export class InputError extends Error {
  readonly problems: InputProblem[];

  constructor(problems: InputProblem | InputProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** `file:line:column: field: message`, leaving out the parts that are unknown. */
export function formatProblem(p: InputProblem): string {
  let where = p.file ?? '';
  if (p.file !== undefined && p.line !== undefined) {
    where += `:${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  const parts = [where, p.field, p.message].filter((x): x is string => x !== undefined && x !== '');
  return parts.join(': ');
}

/** Dotted path with array indices in brackets: `options.onPrem.hardware[0].unitCost`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A file-system error as a user can act on it, without the errno noise. */
export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? String(err)})`;
}

/**
 * What was read, as an error message may quote it: control characters (terminal escapes among
 * them) shown as "?", the value of anything written NAME=value left out, at most `max`
 * characters. A message never echoes more of a file than this.
 */
export function excerpt(text: string, max = 40): string {
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
    // NAME=value is how secrets travel (an environment, a .env file): the value is not repeated.
    .replace(/\b([A-Za-z_][A-Za-z0-9_]*)=[^\s,;?]+/g, '$1=…');
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}
