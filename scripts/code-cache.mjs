#!/usr/bin/env node
// The build's last step: runs the bundle once on the bundled example (`analyze … --json`, its
// output dropped) and stores the code V8 compiled for it, which bin/placement.js then reads back
// at every start instead of compiling it again (bin/load-bundle.js). Another command compiles
// what it needs beyond that as usual.
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const { loadBundle } = createRequire(import.meta.url)('../bin/load-bundle.js');

const example = fileURLToPath(new URL('../scenarios/stable-high-volume.yaml', import.meta.url));
const bundle = loadBundle();
const { run, toolVersion } = bundle.exports;
let errors = '';
const code = await run(['analyze', example, '--json'], {
  stdout: () => {},
  stderr: (text) => (errors += text),
  colour: false,
  width: 80,
  stdoutTTY: false,
  progress: false,
  interactive: false,
  now: () => Date.now(),
  clock: () => performance.now(),
  version: toolVersion(),
  env: {},
});
if (code !== 0 && code !== 3) throw new Error(`the warm-up run failed (exit ${code}): ${errors}`);
bundle.saveCache();
