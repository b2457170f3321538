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

/** The bundle's exports, and `saveCache()` that writes the code compiled so far (for the build). */
function loadBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  // esbuild writes ASCII only: read as Latin-1, the source needs no UTF-8 decoding.
  const source = readFileSync(BUNDLE, 'latin1');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return {
    exports: module.exports,
    cacheRejected: cachedData !== undefined && script.cachedDataRejected === true,
    saveCache() {
      const temporary = `${CACHE}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, CACHE);
    },
  };
}

module.exports = { BUNDLE, loadBundle };
