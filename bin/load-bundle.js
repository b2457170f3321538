// Loads the command's bundle (one CommonJS file) through V8's code cache: the functions a run
// compiles are stored once, at build time, and read back instead of being parsed and compiled
// again on every start. A cache V8 does not accept (another Node, the bundle changed) is
// ignored and the bundle is compiled as usual; nothing is written here at run time.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');
const CACHE = `${BUNDLE}.cache`;

/**
 * The bundle's exports, and `saveCache()` that writes the code compiled so far (for the build).
 * With `debug`, compiled as a module of Node's (no cache), whose source map Node then applies to
 * stack traces.
 */
function loadBundle({ debug = false } = {}) {
  // esbuild writes ASCII only: read as Latin-1, the source needs no UTF-8 decoding.
  const source = readFileSync(BUNDLE, 'latin1');
  if (debug) {
    const Module = require('node:module');
    const holder = new Module(BUNDLE);
    holder.filename = BUNDLE;
    // The bundle's first line is only its wrapper: what this adds to it moves no mapped column.
    holder._compile(`module.exports=${source}`, BUNDLE);
    return { exports: run(holder.exports), cacheRejected: false, saveCache() {} };
  }
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  // The bundle is a function expression (exports, require, module, __filename, __dirname).
  const script = new vm.Script(source, { filename: BUNDLE, cachedData });
  const exports = run(script.runInThisContext());
  return {
    exports,
    cacheRejected: cachedData !== undefined && script.cachedDataRejected === true,
    saveCache() {
      const temporary = `${CACHE}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, CACHE);
    },
  };
}

/** The bundle's function called as Node calls a module's. */
function run(bundle) {
  const module = { exports: {} };
  bundle(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return module.exports;
}

module.exports = { BUNDLE, loadBundle };
