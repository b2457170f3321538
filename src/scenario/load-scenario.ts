import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { describeReadError, InputError } from '../errors.js';
import { parseScenarioText } from './parse-scenario.js';
import type { ResolvedScenario } from './resolve.js';

export interface LoadedScenario {
  scenario: ResolvedScenario;
  /** The path as the user gave it, for messages and the report. */
  file: string;
  sha256: string;
  /** The file's text, to locate a problem found after loading. */
  text: string;
}

/** A scenario is a short text file: anything longer (or a device that never ends) is refused. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** The file's bytes, at most MAX_SCENARIO_BYTES + 1 of them, whatever it is (a FIFO, /dev/zero). */
async function readBounded(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(65_536);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      parts.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_SCENARIO_BYTES) break;
    }
    return Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}

export async function loadScenario(file: string): Promise<LoadedScenario> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(file);
  } catch (err) {
    throw new InputError({ file, message: describeReadError(err) });
  }
  if (bytes.length > MAX_SCENARIO_BYTES) {
    throw new InputError({ file, message: `is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB: a scenario is a short text file (histories go in files it names)` });
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return {
    scenario: parseScenarioText(text, file),
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
  };
}
