/**
 * The one error type for mistakes a user can make (bad scenario, bad data, bad flag).
 * The CLI prints it as one line and exits 2; anything else is our fault (exit 1).
 */

/** Control characters, terminal escapes among them, and Unicode line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

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

/** Problems one error lists before it says "and N more". */
export const MAX_PROBLEMS = 10;

export class InputError extends Error {
  readonly problems: InputProblem[];

  constructor(problems: InputProblem | InputProblem[]) {
    const all = Array.isArray(problems) ? problems : [problems];
    // A file with thousands of mistakes gets the first few and a count, not a flood.
    const list =
      all.length <= MAX_PROBLEMS
        ? all
        : [
            ...all.slice(0, MAX_PROBLEMS),
            { file: all[0]!.file, message: `and ${all.length - MAX_PROBLEMS} more problems` },
          ];
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
  const field = p.field === undefined ? undefined : excerpt(p.field, 80);
  const parts = [where, field, p.message].filter((x): x is string => x !== undefined && x !== '');
  // A key or a path read from a file may carry terminal escapes: none reaches the terminal.
  return parts.join(': ').replace(CONTROL, '?');
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

/** A write failure the user can act on, in their words; null for one that is our fault. */
export function describeWriteError(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full: nothing was written';
    case 'EDQUOT':
      return 'the disk quota is used up: nothing was written';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'is a directory; name a file';
    case 'EFBIG':
      return 'the file would be larger than the file system allows';
    default:
      return null;
  }
}

/**
 * What was read, as an error message may quote it: control characters shown as "?", anything
 * shaped like a secret left out (the value of NAME=value, what follows Bearer or Basic, a run of
 * 24 or more token characters mixing letters and digits — API keys, access tokens, JWT parts),
 * at most `max` characters. A message never echoes more of a file than this.
 */
export function excerpt(text: string, max = 40): string {
  const clean = text
    .replace(CONTROL, '?')
    // NAME=value is how secrets travel (an environment, a .env file): the value is not repeated.
    .replace(/\b([A-Za-z_][A-Za-z0-9_]*)=[^\s,;?]+/g, '$1=…')
    .replace(/\b(Bearer|Basic|token)\s+\S+/gi, '$1 …')
    // Hyphens end a run, so UUIDs and dates stay readable.
    .replace(/[A-Za-z0-9+/_]{24,}=*/g, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) ? '…' : run));
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** Text from a library (the command-line parser) shown as it is, but with no control character. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?');
}
