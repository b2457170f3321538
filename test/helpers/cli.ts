import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import { run, toolVersion } from '../../src/cli/main.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/placement.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built bin as a user would (run `npm run build` first; `npm test` does). */
export function cli(
  args: string[],
  options: { input?: string; cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * An Io that keeps what the CLI writes (`out`, `err`): a run with its output piped (no colour, no
 * prompts, 80 columns, version 9.9.9, a fixed clock) unless `over` says otherwise.
 */
export function recordingIo(over: Partial<Io> = {}): Io & { out: string; err: string } {
  const r = {
    out: '',
    err: '',
    colour: false,
    progress: false,
    interactive: false,
    clock: () => 0,
    version: '9.9.9',
    now: () => Date.UTC(2026, 10, 22),
    width: 80,
    stdoutTTY: false,
    stdout: (t: string) => {
      r.out += t;
    },
    stderr: (t: string) => {
      r.err += t;
    },
    ...over,
  };
  return r;
}

/**
 * The CLI in-process, through run(argv, io), as the bin would run it with its output piped: no
 * colour, no prompts, `width` columns (the bin's COLUMNS), the real clock and version. `cwd` is
 * entered for the call (vitest runs each file in its own process, and a file's tests one at a
 * time). Standard input, worker threads and signals need the real process: use cli() for those.
 */
export async function runPlacement(args: string[], options: { cwd?: string; width?: number } = {}): Promise<CliResult> {
  const io = recordingIo({
    now: () => Date.now(),
    clock: () => performance.now(),
    version: toolVersion(),
    width: options.width ?? 80,
  });
  const before = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    const code = await run(args, io);
    return { code, stdout: io.out, stderr: io.err };
  } finally {
    process.chdir(before);
  }
}

/** stderr of a user error: lines starting "placement: ", and never a stack trace. */
export function expectCleanError(stderr: string): void {
  if (/\n\s+at /.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  for (const line of stderr.trim().split('\n'))
    if (!line.startsWith('placement: ') && !line.startsWith('(add --help'))
      throw new Error(`unexpected stderr line: ${line}`);
}
