#!/usr/bin/env node
// The installed command: plain JavaScript built by `npm run build` (run on install by `prepare`).
import { supportsColor } from 'chalk';
import { run, toolVersion } from '../dist/cli/main.js';

process.stdout.on('error', (err) => {
  // A closed pipe (`placement … | head`) is not an error of ours.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // chalk's rules (a terminal, FORCE_COLOR, --no-color, TERM=dumb), and NO_COLOR.
  colour: Boolean(supportsColor) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== ''),
  width: process.stdout.columns || Number(process.env.COLUMNS) || 80,
  stdoutTTY: Boolean(process.stdout.isTTY),
  progress: Boolean(process.stderr.isTTY),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  now: () => Date.now(),
  clock: () => performance.now(),
  version: toolVersion(),
});
