/**
 * The command line: commander wiring over commands that return exit codes (docs/model.md):
 * 0 done, 2 the input or the command line is wrong, 1 our fault. Only the bin exits.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { packageFile } from '../input/pricebook/package-file.js';
import type { Io } from './io.js';

const EXIT_OK = 0;
const EXIT_FAULT = 1;
const EXIT_INPUT = 2;

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function run(argv: string[], io: Io): Promise<number> {
  // `placement --version`, a scheduled job's check that the tool is there, answers before the
  // command line is parsed: the parser and the commands are not needed for it.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout(`${io.version}\n`);
    return EXIT_OK;
  }
  const debug = argv.includes('--debug');
  let code = EXIT_OK;
  const { buildProgram, CommanderError } = await import('./program.js');
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT_INPUT;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help'
        ? EXIT_OK
        : EXIT_INPUT;
    }
    if (err instanceof InputError) {
      io.stderr(`placement: ${err.message.replaceAll('\n', '\nplacement: ')}\n`);
      if (debug) io.stderr(`${err.stack}\n`);
      return EXIT_INPUT;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr(
      `placement: internal error: ${e.message}\nThis is a bug in placement; please report it with the command you ran${debug ? '' : ' (add --debug for the stack trace)'}.\n`,
    );
    if (debug) io.stderr(`${e.stack}\n`);
    return EXIT_FAULT;
  }
}
