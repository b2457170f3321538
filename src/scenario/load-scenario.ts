import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

export async function loadScenario(file: string): Promise<LoadedScenario> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError({ file, message: describeReadError(err) });
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return {
    scenario: parseScenarioText(text, file),
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
  };
}
