import { createHash } from 'node:crypto';
import { describeReadError, InputError } from '../../errors.js';
import { readBounded, textOf } from '../readers/read-bounded.js';
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

export async function loadScenario(file: string): Promise<LoadedScenario> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(file, MAX_SCENARIO_BYTES);
  } catch (err) {
    throw new InputError({ file, message: describeReadError(err) });
  }
  if (bytes.length > MAX_SCENARIO_BYTES) {
    throw new InputError({
      file,
      message: `is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB: a scenario is a short text file (histories go in files it names)`,
    });
  }
  const text = textOf(bytes);
  return {
    scenario: parseScenarioText(text, file),
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
  };
}
