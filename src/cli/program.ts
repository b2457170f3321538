/**
 * The command line's commands and options (commander). Loaded by run() when a command runs, so
 * `placement --version` answers without it; each command loads its own modules when it runs.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { terminalSafe } from '../errors.js';
import { FAIL_ON } from '../report/compare-reports.js';
import { UTILIZATION_FORMAT_NAMES } from '../input/readers/detect-format.js';
import type { AnalyzeOptions } from './analyze-command.js';
import type { InspectOptions } from './inspect-command.js';
import type { ScheduleOptions } from './schedule-command.js';
import type { CheckOptions, ReviewOptions } from './review-command.js';
import type { SensitivityOptions } from './sensitivity-command.js';
import type { Io } from './io.js';
import {
  FORMATS,
  parseColumnRef,
  parseDate,
  parseFraction,
  parseJobs,
  parseSeed,
  parseThresholds,
  parseTrials,
  parseWhatIf,
  parseStoreUrl,
  parseWindowDays,
  type Format,
} from './options.js';
import type { SimulateOptions } from './simulate-command.js';

export { CommanderError };

/** --prometheus URL, the same on every command that reads a scenario's history. */
const storeOption = (): Option =>
  new Option('--prometheus <url>', 'read utilization from this Prometheus-compatible store instead').argParser(
    parseStoreUrl,
  );

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('placement')
    .description(
      'Where should an AI inference workload run? Cloud, dedicated, on-prem or edge: break-even, verdict and reassessment triggers.',
    )
    .version(io.version, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .option('--verbose', 'say on stderr which files were written')
    .option('--no-color', 'no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: (text) => io.stderr(terminalSafe(text)),
      getOutHelpWidth: () => io.width ?? 80,
      getErrHelpWidth: () => io.width ?? 80,
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
First, in a clone of the repository:
  $ placement analyze scenarios/stable-high-volume.yaml
Then your own workload:
  $ placement init my-inference.yaml`,
    );
  program.hook('preAction', () => {
    io.verbose = program.opts<{ verbose?: boolean }>().verbose === true;
  });

  program
    .command('analyze')
    .description('analyse a scenario and print the placement verdict')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--json', 'short for --format json')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option(
      '--details',
      'the full terminal view: the hour histogram, the cost chart, every repatriation check (the default when piped)',
    )
    .option('--window <days>', 'trailing window of history analysed, in days (overrides window.days)', parseWindowDays)
    .option(
      '--thresholds <list>',
      'utilization levels to price, e.g. 0.4,0.6,0.7 (overrides thresholds)',
      parseThresholds,
    )
    .option(
      '--utilization <file>',
      'utilization history to read instead of the scenario\'s ("-" = stdin; .gz read as gzip)',
    )
    .addOption(storeOption())
    .addOption(
      new Option('--utilization-format <format>', 'format of the utilization history').choices([
        'auto',
        ...UTILIZATION_FORMAT_NAMES,
      ]),
    )
    .option('--tokens <file>', 'token history to read instead of the scenario\'s ("-" = stdin)')
    .option(
      '--max-bad-rows <fraction>',
      'share of unreadable rows tolerated in each input (default 0.01)',
      parseFraction,
    )
    .option('--as-of <date>', 'judge price-book entries as of this date, YYYY-MM-DD (default today)', parseDate)
    .option(
      '--what-if <levers>',
      'scale demand by levers, e.g. batching=1.5,cache=0.2 (also quantization, model)',
      parseWhatIf,
    )
    .option(
      '--trials <n>',
      'Monte Carlo trials for the confidence line when the scenario has distributions (default 10000)',
      parseTrials,
    )
    .option('--seed <n>', 'seed of the Monte Carlo trials (default 1; the same seed gives the same trials)', parseSeed)
    .option(
      '--jobs <n>',
      'threads for the Monte Carlo trials (default: up to one per core, when the run is long enough to repay them; the result does not depend on it)',
      parseJobs,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ placement analyze scenarios/stable-high-volume.yaml
  $ placement analyze my.yaml --json | jq .verdict.plan
  $ nvidia-smi --query-gpu=timestamp,index,utilization.gpu \\
      --format=csv -l 60 > util.csv        # collect for weeks, then:
  $ placement analyze my.yaml --utilization util.csv
  $ placement analyze my.yaml --window 60 --json --out report.json

Exit codes: 0 done, 2 bad input or command line, 1 internal error.`,
    )
    .action(async (file: string, opts: AnalyzeOptions & { json?: boolean }) => {
      const { analyzeCommand } = await import('./analyze-command.js');
      setCode(await analyzeCommand(file, { ...opts, format: opts.json ? 'json' : opts.format }, io));
    });
  program
    .command('review')
    .description("compare the analysis with last quarter's report; exit 3 when the verdict changed or a trigger fires")
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option(
      '--previous <report>',
      'the decision in force: a JSON report (from analyze --json, review --save-report, or review --json)',
    )
    .option(
      '--decision <report>',
      "the decision in force, kept for you: read when the file exists; on the first run this review's report becomes it (the baseline)",
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--json', 'short for --format json')
    .addOption(
      new Option(
        '--fail-on <what>',
        'what makes the exit code 3: a trigger of the decision in force fires, one that did not at the last review (with --history), the verdict changes, either, or nothing',
      )
        .choices(FAIL_ON)
        .default('trigger'),
    )
    .option('--history <file>', 'append one JSON line for this review (append-only, crash-safe)')
    .option('--save-report <file>', "write this quarter's report (atomically), to pass as --previous next time")
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--utilization <file>', 'utilization history to read instead of the scenario\'s ("-" = stdin)')
    .addOption(storeOption())
    .option('--tokens <file>', 'token history to read instead of the scenario\'s ("-" = stdin)')
    .addHelpText(
      'after',
      `
Examples:
  $ placement review my.yaml --decision decision.json --history reviews.ndjson
  $ placement review my.yaml --previous last.json --json | jq .review.triggers

Exit codes: 0 nothing to act on, 3 a trigger of the decision in force fires
(--fail-on changes what counts), 2 bad input (including a report of another
scenario or schema version), 1 internal error.`,
    )
    .action(async (file: string, opts: ReviewOptions & { json?: boolean }) => {
      const { reviewCommand } = await import('./review-command.js');
      setCode(await reviewCommand(file, { ...opts, format: opts.json ? 'json' : opts.format }, io));
    });

  program
    .command('check')
    .description("the triggers of the decision in force judged on today's data, one line each; exit 3 when one fires")
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option(
      '--previous <report>',
      "the decision in force: a JSON report (without it, today's own analysis, which fires nothing)",
    )
    .option('--json', 'the judged triggers as JSON')
    .addOption(new Option('--fail-on <what>', 'what makes the exit code 3').choices(FAIL_ON).default('trigger'))
    .option('--utilization <file>', 'utilization history to read instead of the scenario\'s ("-" = stdin)')
    .addOption(storeOption())
    .option('--tokens <file>', 'token history to read instead of the scenario\'s ("-" = stdin)')
    .addHelpText(
      'after',
      `
Examples:
  $ placement check my.yaml --previous decision.json
  $ placement check my.yaml --previous decision.json --json | jq '.triggers[0]'`,
    )
    .action(async (file: string, opts: CheckOptions) => {
      const { checkCommand } = await import('./review-command.js');
      setCode(await checkCommand(file, opts, io));
    });

  program
    .command('history')
    .description('the reviews recorded with --history, quarter by quarter')
    .argument('<file>', 'the history file (one JSON line per review)')
    .option('--json', 'the entries as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ placement history reviews.ndjson
  $ placement history reviews.ndjson --json`,
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const { readHistory } = await import('../report/history-file.js');
      const { renderHistory } = await import('../present/render-review.js');
      const { Chalk } = await import('chalk');
      const h = await readHistory(file);
      io.stdout(
        opts.json
          ? `${JSON.stringify(h, null, 2)}\n`
          : renderHistory(h, new Chalk({ level: io.colour ? 1 : 0 }), io.width),
      );
      for (const s of h.skipped) io.stderr(`placement: ${file}:${s.line}: skipped: ${s.reason}\n`);
    });

  program
    .command('init')
    .description('build a scenario by answering questions, write it as commented YAML, and analyse it once')
    .argument('[file]', 'the scenario file to write', 'placement.yaml')
    .option('--yes', 'take every default, without asking (for scripts)')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ placement init my-inference.yaml
  $ placement init my-inference.yaml --yes   # every default, no questions`,
    )
    .action(async (file: string, opts: { yes?: boolean; force?: boolean }) => {
      const { initCommand } = await import('./init-command.js');
      setCode(await initCommand(file, opts, io));
    });

  program
    .command('sensitivity')
    .description('move each input ±20 % and show, as a tornado, how the break-even, the saving and the verdict move')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--range <fraction>', 'how far to move each input (0.2 = ±20 %)', parseFraction, 0.2)
    .option('--what-if <levers>', 'also show each demand lever alone and together: batching=1.5,cache=0.2', parseWhatIf)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--json', 'short for --format json')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ placement sensitivity scenarios/stable-high-volume.yaml
  $ placement sensitivity my.yaml --range 0.3 --what-if batching=1.5`,
    )
    .action(async (file: string, opts: SensitivityOptions & { json?: boolean }) => {
      const { sensitivityCommand } = await import('./sensitivity-command.js');
      setCode(await sensitivityCommand(file, { ...opts, format: opts.json ? 'json' : opts.format }, io));
    });

  program
    .command('simulate')
    .description(
      "Monte Carlo over the scenario's distributions: the chance of each verdict, P10/P50/P90 of each option's month and of NPV",
    )
    .argument('<scenario>', 'scenario file (YAML or JSON) with {triangular|uniform|normal} values')
    .option('--trials <n>', 'number of trials', parseTrials, 10_000)
    .option('--seed <n>', 'seed (the same seed gives the same trials on any machine)', parseSeed, 1)
    .option(
      '--jobs <n>',
      'threads to run the trials on (default: up to one per core, when the run is long enough to repay them; the result does not depend on it)',
      parseJobs,
    )
    .option('--utilization <file>', 'utilization history to read instead of the scenario\'s ("-" = stdin)')
    .addOption(storeOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--json', 'short for --format json')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ placement simulate scenarios/uncertain-prices.yaml
  $ placement simulate scenarios/uncertain-prices.yaml --trials 100000 --seed 7
  $ placement simulate scenarios/uncertain-prices.yaml --json | jq .placements`,
    )
    .action(async (file: string, opts: SimulateOptions & { json?: boolean }) => {
      const { simulateCommand } = await import('./simulate-command.js');
      setCode(await simulateCommand(file, { ...opts, format: opts.json ? 'json' : opts.format }, io));
    });

  program
    .command('validate')
    .description(
      'check scenario files without analysing them: every problem listed; exit 0 when all are valid, 2 otherwise',
    )
    .argument('<scenario...>', 'scenario files (YAML or JSON)')
    .option('--json', 'the results as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ placement validate scenarios/*.yaml`,
    )
    .action(async (files: string[], opts: { json?: boolean }) => {
      const { validateCommand } = await import('./validate-command.js');
      setCode(await validateCommand(files, opts.json === true, io));
    });

  program
    .command('completion')
    .description('print a shell completion script: eval "$(placement completion bash)"')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']))
    .addHelpText(
      'after',
      `
Examples:
  $ placement completion bash > /etc/bash_completion.d/placement`,
    )
    .action(async (shell: 'bash' | 'zsh') => {
      const { bashCompletion, zshCompletion } = await import('./completion.js');
      io.stdout(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
    });

  program
    .command('prices')
    .description('list the bundled price book: public figures with their source and date')
    .argument('[filter]', 'only entries whose id or description contains this text')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--json', 'short for --format json')
    .option('--as-of <date>', "judge the entries' age as of this date, YYYY-MM-DD (default today)", parseDate)
    .addHelpText(
      'after',
      `
Examples:
  $ placement prices l4
  $ placement prices --as-of 2026-01-01 --json

Use an entry in a scenario wherever a number goes:
  onDemandPerGpuHour: {price: aws/p5.48xlarge/on-demand}`,
    )
    .action(async (filter: string | undefined, opts: { format: string; json?: boolean; asOf?: number }) => {
      const { pricesCommand } = await import('./prices-command.js');
      setCode(pricesCommand(filter, opts.json ? 'json' : opts.format, opts.asOf ?? io.now(), io));
    });

  program
    .command('schema')
    .description(
      'print the JSON Schema of the report or of the scenario file (generated from the definitions the code uses)',
    )
    .addArgument(new Argument('<which>', 'which schema').choices(['report', 'scenario']))
    .addHelpText(
      'after',
      `
Examples:
  $ placement schema scenario > scenario.schema.json
  $ placement schema report`,
    )
    .action(async (which: 'report' | 'scenario') => {
      const { z } = await import('zod');
      const schema =
        which === 'report'
          ? (await import('../report/report-schema.js')).reportSchema
          : (await import('../input/scenario/schema.js')).scenarioSchema;
      const json = z.toJSONSchema(schema, { io: which === 'scenario' ? 'input' : 'output' });
      const { withPriceReferences } = await import('../input/pricebook/schema-price-references.js');
      io.stdout(`${JSON.stringify(which === 'scenario' ? withPriceReferences(json) : json, null, 2)}\n`);
    });

  program
    .command('schedule')
    .description(
      'the on-prem option month by month: purchases, depreciation, book value, loan, opex, cash and accrual cost',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--json', 'short for --format json')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--utilization <file>', 'utilization history to read instead of the scenario\'s ("-" = stdin)')
    .addOption(storeOption())
    .addHelpText(
      'after',
      `
Examples:
  $ placement schedule scenarios/high-volume-repatriation.yaml
  $ placement schedule my.yaml --format csv --out schedule.csv

The accrual cost summed over the horizon equals the horizon times analyze's
on-prem monthly total.`,
    )
    .action(async (file: string, opts: ScheduleOptions & { json?: boolean }) => {
      const { scheduleCommand } = await import('./schedule-command.js');
      setCode(await scheduleCommand(file, { ...opts, format: opts.json ? 'json' : opts.format }, io));
    });

  program
    .command('inspect')
    .description(
      'show what is read from an input file (utilization, tokens or a FOCUS bill), or from a metrics store, and its statistics',
    )
    .argument('[file]', 'the input ("-" = stdin; gzip is recognised); none with --prometheus')
    .addOption(storeOption())
    .option('--selector <matchers>', 'with --prometheus: label matchers for the default query, e.g. job="dcgm"')
    .option('--query <promql>', 'with --prometheus: PromQL for the hourly fleet utilization instead of the default')
    .option('--step <duration>', 'with --prometheus: the resolution asked of the store, 15s … 1h (default 1h)')
    .option('--ca-file <pem>', 'with --prometheus: the CA that signed the store’s certificate')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--json', 'short for --format json')
    .addOption(
      new Option('--as <kind>', 'what the file holds (default: detected from its header)').choices([
        'utilization',
        'tokens',
        'billing',
      ]),
    )
    .addOption(
      new Option('--utilization-format <format>', 'format of a utilization file').choices([
        'auto',
        ...UTILIZATION_FORMAT_NAMES,
      ]),
    )
    .addOption(new Option('--unit <unit>', 'unit of utilization values').choices(['auto', 'percent', 'fraction']))
    .option('--timezone <zone>', 'zone of timestamps that carry none', 'UTC')
    .option('--window <days>', 'trailing window for the statistics, in days', parseWindowDays, 90)
    .option('--metric <name>', 'prometheus-text: the metric to read (default DCGM_FI_DEV_GPU_UTIL)')
    .option('--columns <list>', 'a CSV without a header: its column names (nvidia-smi: the --query-gpu list)')
    .option('--time-column <column>', 'the column of times, by header name or number (1 = first)', parseColumnRef)
    .option('--value-column <column>', 'the column of utilization, by header name or number', parseColumnRef)
    .option('--gpu-column <column>', 'the column naming the GPU, by header name or number', parseColumnRef)
    .option('--max-bad-rows <fraction>', 'share of unreadable rows tolerated', parseFraction, 0.01)
    .addHelpText(
      'after',
      `
Examples:
  $ placement inspect util.csv
  $ placement inspect metrics.csv --time-column ts --value-column sm_busy
  $ nvidia-smi --query-gpu=timestamp,index,utilization.gpu \\
      --format=csv,noheader,nounits -l 5 \\
      | placement inspect - --columns timestamp,index,utilization.gpu
  $ placement inspect billing-export.csv.gz --json
  $ placement inspect --prometheus http://prom:9090 --selector 'job="dcgm"'`,
    )
    .action(
      async (
        file: string | undefined,
        opts: Omit<InspectOptions, 'kind' | 'format'> & { format: Format; json?: boolean; as?: InspectOptions['kind'] },
      ) => {
        const { inspectCommand } = await import('./inspect-command.js');
        setCode(await inspectCommand(file, { ...opts, kind: opts.as, format: opts.json ? 'json' : opts.format }, io));
      },
    );
  return program;
}

/** Runs the CLI on argv (without node and script) and returns the exit code. */
