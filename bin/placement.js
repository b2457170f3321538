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

// Whether each standard stream is a terminal, asked of the descriptors: process.stdout and its
// kin are stream objects whose loading costs a run piped to a file or a report ~5 ms, so they
// are made only when a terminal or a write needs them.
const { fstatSync, writeSync } = require('node:fs');
const { Buffer } = require('node:buffer');
/** A terminal is a character device: only then is the stream asked (/dev/null is one too). */
function isatty(fd) {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean((fd === 0 ? process.stdin : fd === 1 ? process.stdout : process.stderr).isTTY);
}
const outTTY = isatty(1);

let stdoutStream = null;
/** process.stdout, set up on first use: a closed pipe (`placement … | head`) is not an error of ours. */
function stdoutOf() {
  if (stdoutStream === null) {
    stdoutStream = process.stdout;
    stdoutStream.on('error', (err) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  return stdoutStream;
}

/**
 * Output to a file or a pipe written straight to the descriptor, whole; a descriptor that would
 * block (set non-blocking by whoever opened it) hands the rest to the stream, which waits.
 */
function writeOut(text) {
  if (outTTY || stdoutStream !== null) return stdoutOf().write(text);
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (err) {
    if (err.code === 'EPIPE') process.exit(0);
    if (err.code !== 'EAGAIN') throw err;
    return stdoutOf().write(bytes.subarray(done));
  }
  return true;
}

let stderrUsed = false;

/**
 * Colour for the terminal view: --no-color and NO_COLOR turn it off, FORCE_COLOR decides when
 * set, and otherwise Node's own test of the terminal (a TTY, not TERM=dumb).
 */
function colourWanted() {
  if (process.argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return outTTY && process.stdout.hasColors();
}

run(argv, {
  stdout: writeOut,
  stderr: (text) => {
    stderrUsed = true;
    return process.stderr.write(text);
  },
  colour: colourWanted(),
  width: (outTTY && stdoutOf().columns) || Number(process.env.COLUMNS) || 80,
  stdoutTTY: outTTY,
  progress: isatty(2),
  interactive: outTTY && isatty(0),
  now: () => Date.now(),
  clock: () => performance.now(),
  version: toolVersion(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
  // The run is over and every file it writes is written: exit once what it printed is flushed
  // instead of waiting for the last file handles to close on their own (about 10 ms a run).
  // Streams never made hold nothing to flush.
  const flushErr = () => (stderrUsed ? process.stderr.write('', () => process.exit(code)) : process.exit(code));
  if (stdoutStream !== null) stdoutStream.write('', flushErr);
  else flushErr();
});
