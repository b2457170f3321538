#!/usr/bin/env node
'use strict';
// The installed command: the bundle that `npm run build` makes (run on install by `prepare`).
// --debug maps stack traces back to the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

// `placement --version`, a scheduled job's check that the tool is there: written before any of
// the tool or the stdout stream is loaded (the same answer as run(['--version'])).
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { readFileSync, writeSync } = require('node:fs');
  const { version } = JSON.parse(readFileSync(require('node:path').join(__dirname, '..', 'package.json'), 'utf8'));
  try {
    writeSync(1, `${version}\n`);
  } catch (err) {
    // A closed pipe is not an error of ours; anything else is.
    if (err.code !== 'EPIPE') throw err;
  }
  process.exit(0);
}

const { loadBundle } = require('./load-bundle.js');
const { run, toolVersion } = loadBundle({ debug: process.argv.includes('--debug') }).exports;

process.stdout.on('error', (err) => {
  // A closed pipe (`placement … | head`) is not an error of ours.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/**
 * Colour for the terminal view: --no-color and NO_COLOR turn it off, FORCE_COLOR decides when
 * set, and otherwise Node's own test of the terminal (a TTY, not TERM=dumb).
 */
function colourWanted() {
  if (process.argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(process.stdout.isTTY && process.stdout.hasColors());
}

run(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: colourWanted(),
  width: process.stdout.columns || Number(process.env.COLUMNS) || 80,
  stdoutTTY: Boolean(process.stdout.isTTY),
  progress: Boolean(process.stderr.isTTY),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  now: () => Date.now(),
  clock: () => performance.now(),
  version: toolVersion(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
  // The run is over and every file it writes is written: exit once what it printed is flushed
  // instead of waiting for the last file handles to close on their own (about 10 ms a run).
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
