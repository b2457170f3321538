/**
 * `gpuPattern`, the scenario's regular expression for GPU compute rows of a bill. The scenario
 * is code that runs: a backtracking engine (JavaScript's RegExp) can take years on a pattern
 * like `(a+)+$`, so the pattern runs on RE2JS, a port of RE2 that matches in time linear in the
 * text whatever the pattern. RE2 has no look-around and no back-references; a pattern that uses
 * them is refused where the scenario is checked.
 */
import { createRequire } from 'node:module';
import type { RE2JS as Re2 } from 're2js';

/**
 * RE2JS is a quarter of a megabyte of code that only a scenario with a bill needs: it is loaded
 * on first use (synchronously, through its CommonJS build) rather than by every command.
 */
let engine: typeof Re2 | null = null;
const re2 = (): typeof Re2 => (engine ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof Re2 }).RE2JS);

export interface GpuMatcher {
  test(text: string): boolean;
}

export function compileGpuPattern(pattern: string): GpuMatcher {
  const RE2JS = re2();
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Why a pattern cannot be used, in a user's words; null when it can. */
export function gpuPatternProblem(pattern: string): string | null {
  try {
    compileGpuPattern(pattern);
    return null;
  } catch (err) {
    const detail = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    return `not a regular expression this tool runs (RE2 syntax: no look-around, no back-references): ${detail}`;
  }
}
