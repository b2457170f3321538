import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { recordingIo, REPO } from './cli.js';

// Every command and format on every bundled scenario and data file, byte for byte, against the
// files in test/golden/ (test/e2e/golden-*.test.ts). A change to the code's layout must leave
// them alone; a change to what the tool says updates them on purpose
// (`npx vitest run test/e2e/golden -u`) and the diff is reviewed with the change.
const NOW = Date.UTC(2026, 10, 22, 12);

export const goldenScenarios = readdirSync(join(REPO, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
export const goldenDataFiles = readdirSync(join(REPO, 'scenarios', 'data')).sort();

/** One run in-process at a fixed instant, as the golden file records it: command, exit, stdout, stderr. */
export async function goldenRun(argv: string[], width = 80): Promise<string> {
  const io = recordingIo({ now: () => NOW, width, version: '0.0.0-golden' });
  const code = await run(argv, io);
  return `$ placement ${argv.join(' ')}\nexit ${code}\n--- stdout\n${io.out}--- stderr\n${io.err}`;
}

export const golden = (name: string) => join(REPO, 'test', 'golden', name);
