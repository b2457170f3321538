/**
 * `placement init [file]`: builds a scenario by asking, writes it as commented YAML
 * (atomically: Ctrl-C leaves nothing half-written; an existing file is kept unless you agree or
 * pass --force), then runs the analysis once. --yes takes every default, without a terminal.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { scenarioText, type InitAnswers, type InitModel, type PriceAnswer } from './init/scenario-text.js';
import { ACCELERATORS, acceleratorById } from './init/accelerators.js';
import { ageInDays } from '../model/time/iso-day.js';
import { WORKLOAD_CLASSES, type WorkloadClassId } from './init/workload-classes.js';
import { packageFile } from '../input/pricebook/package-file.js';
import { bundledPriceBook } from '../input/pricebook/price-book.js';
import { detectUtilizationFormat } from '../input/readers/detect-format.js';
import { analyzeCommand } from './analyze-command.js';
import type { Io } from './io.js';
import { defaultsAsker, inquirerAsker, isCancel, type Asker, type Choice } from './prompts.js';
import { writeFileAtomic } from './write-output.js';

export interface InitOptions {
  yes?: boolean;
  force?: boolean;
}

const CUSTOM = '__custom__';
const NONE = '__none__';

async function head(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** A figure older than this is said to be so where it is offered. */
const OLD_PRICE_DAYS = 180;

async function priceQuestion(
  ask: Asker,
  message: string,
  ids: string[],
  fallback: string,
  allowNone: boolean,
  now: number,
): Promise<PriceAnswer | null> {
  const book = bundledPriceBook();
  const choices: Choice<string>[] = ids.map((id) => {
    const e = book.entries.find((x) => x.id === id);
    const age = e === undefined ? 0 : ageInDays(e.date, now);
    const old = age > OLD_PRICE_DAYS ? `, ${age} days old: re-check it` : '';
    return { name: `${id}  ${e?.value} ${e?.unit} (${e?.source}, ${e?.date.slice(0, 7)}${old})`, value: id };
  });
  choices.push({ name: 'my own figure', value: CUSTOM });
  if (allowNone) choices.push({ name: 'none: leave this option out', value: NONE });
  const picked = await ask.select(message, choices, fallback);
  if (picked === NONE) return null;
  if (picked === CUSTOM)
    return { value: await ask.number('Your figure, USD per GPU-hour', 2.5, 0.01, undefined, true) };
  return { id: picked };
}

async function ask(a: Asker, file: string, io: Io): Promise<InitAnswers> {
  const book = bundledPriceBook();
  const rates = book.entries.filter((e) => e.unit === 'USD/GPU-hour').map((e) => e.id);
  const workloadClass = await a.select<WorkloadClassId>(
    'Which kind of workload is it?',
    WORKLOAD_CLASSES.map((c) => ({ name: c.label, value: c.id })),
    'stable-high-volume',
  );
  const cls = WORKLOAD_CLASSES.find((c) => c.id === workloadClass) ?? WORKLOAD_CLASSES[1];
  const name = await a.input('Scenario name', basename(file).replace(/\.(ya?ml|json)$/i, '') || 'my-inference');
  const accelerator = acceleratorById(
    await a.select(
      'Which accelerator serves it?',
      ACCELERATORS.map((x) => ({ name: x.label, value: x.id })),
      'h100',
    ),
  );
  const models = workloadClass === 'portfolio' ? await askModels(a, file, io) : null;
  const referenceGpus =
    models === null
      ? await a.number('How many GPUs serve it today?', 8, 1)
      : models.reduce((t, m) => t + m.referenceGpus, 0);
  const currentPlacement = await a.select(
    'Where does it run today?',
    [
      { name: 'managed cloud', value: 'cloud' as const },
      { name: 'reserved / dedicated', value: 'dedicated' as const },
      { name: 'owned on-prem', value: 'onprem' as const },
      { name: 'not deployed yet', value: 'none' as const },
    ],
    'none',
  );
  const history =
    models === null
      ? await historyQuestion(
          a,
          'GPU utilization history (nvidia-smi, DCGM, Prometheus or CSV file; empty for none)',
          file,
          io,
        )
      : { source: null, format: null };
  const utilizationSource = history.source;
  const utilizationFormat = history.format;
  const assumed =
    utilizationSource === null && models === null
      ? await a.number('Without history: what utilization do you expect (0 to 1)?', cls.assumed, 0, 1, true)
      : cls.assumed;
  const tokenPath = (await a.input('Token history (daily totals or a request trace; empty for none)', '')).trim();
  const tokensSource = tokenPath === '' ? null : relative(dirname(resolve(file)), resolve(tokenPath));
  const now = io.now();
  const mine = rates.filter((id) =>
    accelerator.rates.test(`${id} ${book.entries.find((e) => e.id === id)?.description ?? ''}`),
  );
  const committed = /contract|reserved|capacity|cud|savings|dedicated/;
  const cloudPrice = (await priceQuestion(
    a,
    `Cloud on-demand price per ${accelerator.label} GPU-hour`,
    mine.filter((id) => !committed.test(id)),
    accelerator.cloudDefault,
    false,
    now,
  )) as PriceAnswer;
  const reservedIds = mine.filter((id) => committed.test(id));
  const dedicatedPrice =
    reservedIds.length === 0 || accelerator.reservedDefault === null
      ? await priceQuestion(
          a,
          'Reserved / dedicated price per GPU-hour (none in the price book for this accelerator)',
          [],
          NONE,
          true,
          now,
        )
      : await priceQuestion(
          a,
          'Reserved / dedicated price per GPU-hour',
          reservedIds,
          accelerator.reservedDefault,
          true,
          now,
        );
  if (accelerator.server === null)
    io.stderr(
      `placement: the price book has no ${accelerator.label} server price: add options.onPrem with your quote to price owning\n`,
    );
  const onPrem =
    accelerator.server !== null &&
    (await a.confirm(`Price owning 8-GPU ${accelerator.label} servers on-prem too?`, true));
  // A portfolio's models said their own.
  const sovereignty =
    models === null &&
    (await a.confirm(
      'Must the data stay on owned infrastructure (sovereignty)?',
      'sovereignty' in cls && cls.sovereignty === true,
    ));
  const agentic =
    models === null &&
    (await a.confirm(
      'Is it agentic (multi-step workflows with tool loops)?',
      'agentic' in cls && cls.agentic === true,
    ));
  const ttft = await a.number('Time-to-first-token target in ms (0 for none)', 0, 0);
  return {
    name,
    workloadClass,
    accelerator: accelerator.id,
    referenceGpus,
    currentPlacement,
    utilizationSource,
    utilizationFormat,
    assumed,
    tokensSource,
    cloudPrice,
    dedicatedPrice,
    onPrem,
    sovereignty,
    agentic,
    ttftTargetMs: ttft > 0 ? ttft : null,
    models,
  };
}

/** A utilization file, asked until it exists or is left empty; its format detected and said. */
async function historyQuestion(
  a: Asker,
  message: string,
  file: string,
  io: Io,
): Promise<{ source: string | null; format: string | null }> {
  for (;;) {
    const path = (await a.input(message, '')).trim();
    if (path === '') return { source: null, format: null };
    if (!existsSync(path)) {
      io.stderr(`placement: ${path}: no such file\n`);
      continue;
    }
    const format = detectUtilizationFormat(await head(path));
    io.stderr(`placement: ${path}: detected ${format}\n`);
    return { source: relative(dirname(resolve(file)), resolve(path)), format };
  }
}

/** A portfolio's models, one after the other: name, GPUs, history (or an expected level), warm floor, constraints. */
async function askModels(a: Asker, file: string, io: Io): Promise<InitModel[]> {
  const count = await a.number('How many models share the fleet?', 2, 2, 50);
  const models: InitModel[] = [];
  for (let i = 1; i <= count; i++) {
    let name = (await a.input(`Model ${i}: its name`, `model-${i}`)).trim() || `model-${i}`;
    // Names are unique in a portfolio: a repeated one is told apart by its number.
    while (models.some((m) => m.name === name)) name = `${name}-${i}`;
    const referenceGpus = await a.number(`Model ${i} (${name}): how many GPUs serve it today?`, 8, 1);
    const history = await historyQuestion(
      a,
      `Model ${i} (${name}): its utilization history (empty for none)`,
      file,
      io,
    );
    const assumed =
      history.source === null
        ? await a.number(
            `Model ${i} (${name}): without history, what utilization do you expect (0 to 1)?`,
            0.5,
            0,
            1,
            true,
          )
        : 0.5;
    const warmFloorGpus = await a.number(
      `Model ${i} (${name}): GPUs kept warm whatever the load (0 for none)`,
      0,
      0,
      undefined,
      true,
    );
    // What binds its placement is the model's own: a sovereign model is placed apart.
    const sovereignty = await a.confirm(
      `Model ${i} (${name}): must its data stay on owned infrastructure (sovereignty)?`,
      false,
    );
    const agentic = await a.confirm(
      `Model ${i} (${name}): is it agentic (multi-step workflows with tool loops)?`,
      false,
    );
    models.push({
      name,
      referenceGpus,
      utilizationSource: history.source,
      utilizationFormat: history.format,
      assumed,
      warmFloorGpus,
      sovereignty,
      agentic,
    });
  }
  return models;
}

export async function initCommand(file: string, opts: InitOptions, io: Io): Promise<number> {
  if (!opts.yes && !io.interactive) {
    throw new InputError({
      field: 'init',
      message: 'needs a terminal to ask its questions; use --yes to take every default',
    });
  }
  try {
    const asker = opts.yes ? defaultsAsker : await inquirerAsker();
    if (existsSync(file) && !opts.force) {
      if (opts.yes)
        throw new InputError({ file, message: 'already exists; pass --force to overwrite it, or name another file' });
      if (!(await asker.confirm(`${file} exists. Overwrite it?`, false))) {
        io.stderr(`placement: kept ${file}; nothing written\n`);
        return 0;
      }
    }
    const answers = await ask(asker, file, io);
    const schema = fileURLToPath(packageFile('dist/scenario.schema.json'));
    await writeFileAtomic(file, scenarioText(answers, schema, new Date(io.now()).toISOString().slice(0, 10)), '');
    io.stderr(`placement: wrote ${file}\n`);
  } catch (err) {
    if (isCancel(err)) {
      io.stderr('placement: init cancelled; nothing written\n');
      return 130;
    }
    throw err;
  }
  return analyzeCommand(file, { format: 'table' }, io);
}
