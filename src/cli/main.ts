// The CLI entry: builds the commands, decides colour, runs the command asked for; its errors are mapped to exit codes
// in exit.ts.
import chalk from 'chalk';
import { Command, Option } from 'commander';
import { LANGS, lenientChoices, oneOfWords, UNITS } from './option-values.js';
import { createRequire } from 'node:module';
import { givesIo, guardPipe, guardSignals, report } from './exit.js';
import { tellOtherDashes, tellStrayBeforeMissing } from './stray-options.js';
import { endingWell, processContext, type Ctx } from './context.js';
import { errorLang, zhOut } from './errors-zh.js';
import { preAction } from './pre-action.js';
import { UsageError } from '../errors.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

interface Globals {
  debug?: boolean;
  color: boolean;
  quiet?: boolean;
}

function buildProgram(ctx: Ctx): Command {
  const program = new Command('jiuzhu')
    .description('救助 jiuzhu — who qualifies for Chinese social assistance (社会救助), and what it costs a year')
    .version(version)
    .option('--debug', 'show stack traces of internal errors')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addOption(
      new Option(
        '--encoding <encoding>',
        'the households file’s encoding (default: UTF-8, or GB18030 when it reads as that; gbk is GB18030)',
      ).choices(['utf-8', 'gb18030', 'gbk']),
    )
    .option('--columns <file>', 'a column mapping (YAML): the file’s headers and words → jiuzhu’s columns and values, constant columns')
    .option('--sheet <name>', 'a workbook’s sheet to read (default: the first)')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });

  const date = () => new Option('--date <YYYY-MM-DD>', 'simulation date (default: today)');
  const year = (what = 'each month under the parameters in force on its first day') =>
    new Option('--year <YYYY>', `a budget year: ${what}`).conflicts('date');
  const incomesYear = () =>
    new Option(
      '--incomes-year <YYYY>',
      "with --projection: the year the households' incomes (and the columns it grows) are of (default: its base_year; a generated population's is its profile's year: give it, it is not found out)",
    );
  const policy = () => new Option('--policy <file>', 'locality policy YAML, e.g. policies/guangxi-nanning.yaml').makeOptionMandatory();
  const households = (stdin = '- reads a CSV from standard input') =>
    new Option(
      '--households <file>',
      `households file: CSV (UTF-8 or GB18030), .xlsx, .parquet or .arrow; one row per person, incomes a month (README "Households"); ${stdin}`,
    )
      .argParser(stdinAsFile)
      .makeOptionMandatory();
  const globals = (cmd: Command) => cmd.optsWithGlobals() as Globals;
  /** A command's action: its module loaded when it runs; its options, with the global --quiet; its notes at its end. */
  const quietly =
    <O extends object>(load: () => Promise<(ctx: Ctx, o: O & { quiet: boolean }) => Promise<unknown>>) =>
    async (o: O, cmd: Command): Promise<void> => {
      const command = await load();
      await endingWell(ctx, (c) => command(c, { ...o, quiet: Boolean(globals(cmd).quiet) }));
    };
  const unit = (where = 'the table, Markdown and workbook', stay = ' (JSON and CSV stay in yuan)') =>
    new Option('--unit <unit>', `money in ${where}: yuan 元, wan 万元, yi 亿元${stay}`)
      .argParser(oneOfWords(UNITS, 'yuan (元), wan (万元), yi (亿元)'))
      .default('yuan');
  const DESCRIBE =
    'the household described as in a case file, e.g. "{area: urban, persons: [{age: 40, wage_income: 1500}]}" (or the 中文 headers: {城乡: 城镇, 成员: [{年龄: 40}]}): incomes a month, rigid_expenditure the last 12 months\' total, financial_assets the household\'s';
  const scenario = (what: string) => new Option('--scenario <file>', what).argParser((v: string, prev: string[] = []) => [...prev, v]);
  const policies = (what: string) =>
    new Option('--policy <file>', what).argParser((v: string, prev: string[] = []) => [...prev, v]).makeOptionMandatory();
  // (a 科长 wrote --lang 中文 and --lang cn: the language's names and locale spellings are taken too)
  const lang = (what: string) =>
    new Option('--lang <lang>', `${what}: zh 中文 or en (default: from LC_ALL, LC_MESSAGES or LANG: zh when it begins zh)`).argParser(
      oneOfWords(LANGS, 'zh (中文), en (English)'),
    );

  program
    .command('params')
    .description('print every canonical parameter in force at a date (JSON is a public contract)')
    .addOption(policy())
    .addOption(scenario('apply a scenario (repeatable: applied in order, one on top of the other)'))
    .addOption(date())
    .option('--projection <file>', "the values grown to the date's year as this projection grows them (as simulate --year has them)")
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(lang("the table's words (the policy's own bases stay as written; JSON is the contract's)"))
    .action(quietly(async () => (await import('./commands/params.js')).paramsCommand));

  program
    .command('simulate')
    .description('decide who qualifies and what each program costs a year, for a household file')
    .addOption(policy())
    .addOption(households())
    .addOption(scenario('also simulate a scenario against the baseline (repeatable: each is its own run)'))
    .addOption(date())
    .addOption(year())
    .addOption(new Option('--years <YYYY-YYYY>', 'several budget years (at most ten)').conflicts(['date', 'year']))
    .option('--projection <file>', 'with --year or --years: how parameters, incomes and the population grow (scenarios/projections/*.yaml)')
    .addOption(incomesYear())
    .addOption(
      new Option('--format <format>', 'totals format (html: the report of jiuzhu report)')
        .choices(['table', 'json', 'csv', 'markdown', 'xlsx', 'html'])
        .default('table'),
    )
    .addOption(unit().default('yuan', 'yuan; wan with --format html'))
    .addOption(lang('the language of the notes in the table, Markdown and workbook (JSON and CSV stay English)'))
    .option('--out <file>', 'write the totals to this file (atomically) instead of standard output; needed for xlsx')
    .option(
      '--per-household <file>',
      'also write one CSV row per household and run (columns of the README contract; with --year or --years, each year); - is standard output (with --out)',
      stdoutAsFile,
    )
    .option('--stream', 'evaluate households as they are read, in bounded memory (rows grouped by household_id in sorted order)')
    .option(
      '--ranges',
      "also each total's range from the estimates it rests on (the lowest and highest runs: each estimate alone, then all at once)",
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu simulate --policy policies/guangxi-nanning.yaml --households policies/samples/households.csv --date 2024-12-31',
    )
    .action(quietly(async () => (await import('./commands/simulate.js')).simulateCommand));

  program
    .command('compare')
    .description('compare localities and scenarios on one household file, in one pass: costs, deltas, winners and losers, flows')
    .addOption(policies('locality policy YAML (repeatable: several localities side by side)'))
    .addOption(scenario('a scenario to compare with each baseline (repeatable)'))
    .addOption(households())
    .addOption(date())
    .addOption(year())
    .option('--projection <file>', 'with --year (one --policy): the policy and households grown to it, as simulate --year has them')
    .addOption(incomesYear())
    .addOption(
      new Option('--format <format>', 'output format (html: the report of jiuzhu report)')
        .choices(['table', 'json', 'csv', 'markdown', 'xlsx', 'html'])
        .default('table'),
    )
    .option('--out <file>', 'write to this file (atomically) instead of standard output; needed for xlsx')
    .addOption(unit('the table, Markdown, workbook and the HTML report').default('yuan', 'yuan; wan with --format html'))
    .addOption(
      new Option('--marginal-rates [yuan]', 'also each run’s marginal-rate distribution on this much more a month of each main earner')
        .preset('100')
        .conflicts('year'),
    )
    .addOption(new Option('--ranges', "also each total's range from the estimates it rests on (which: jiuzhu sensitivity)"))
    .option('--details <file.csv>', 'also winners and losers, areas and deciles (against the first locality too) as a long CSV')
    .addOption(lang('the language of the sentences in the table and Markdown (JSON and CSV stay English)'))
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu compare --policy policies/guangxi-nanning.yaml --policy policies/guangdong-guangzhou.yaml \\\n      --scenario scenarios/tekun-basic-1.6x.yaml --households policies/samples/households.csv --date 2025-06-30',
    )
    .action(quietly(async () => (await import('./commands/compare.js')).compareCommand));

  program
    .command('tui')
    .description('explore a reform at the terminal: costs, charts, live knobs, households and their explain traces')
    .addOption(policies('locality policy YAML (repeatable: localities side by side)'))
    .addOption(scenario('a scenario to compare with the baseline (repeatable)'))
    .addOption(households('not - (the keys come from standard input)'))
    .addOption(date())
    .addOption(year('each month under the parameters in force on its first day; traces, cliffs and rates at its last day'))
    .addOption(lang('interface language'))
    // (a finance analyst's English screen in million yuan beside a budget in 万元: a TUI trial)
    .addOption(unit('the views', ' (default: wan 万元 in 中文, million yuan in English)').default(undefined))
    .action(quietly(async () => (await import('./commands/tui.js')).tuiCommand));

  program
    .command('explain')
    .description('show, step by step, how one household was decided: rules, numbers, parameters and their sources')
    .addOption(policy())
    .addOption(households().makeOptionMandatory(false))
    .option('--household <id>', 'the household_id to explain (or --describe one, as cliff does)')
    .option('--describe <yaml>', DESCRIBE)
    .option('--scenario <file>', 'explain under this scenario instead of the baseline')
    .addOption(date())
    .option('--projection <file>', "the policy and the household grown to the date's year as this projection grows them")
    .addOption(incomesYear())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(lang('the text in 中文 (zh) or in English with the 中文 names (en)'))
    .option('--brief', 'the household and its result alone (each program, why not, the totals): no steps, no sources')
    .action(quietly(async () => (await import('./commands/explain.js')).explainCommand));

  program
    .command('cliff')
    .description('benefit cliffs 悬崖效应: resources and marginal rates as one member earns more; or the rates a whole file faces')
    .addOption(policy())
    .option(
      '--households <file>',
      'households file (CSV, .xlsx, .parquet or .arrow; - a CSV from standard input): with --household, the household to sweep; alone, every household',
      stdinAsFile,
    )
    .option('--household <id>', 'the household_id to sweep')
    .option('--describe <yaml>', DESCRIBE)
    .option('--member <id>', 'whose income varies (default: the main earner — the highest wage, else the first adult who can work)')
    .addOption(new Option('--vary <column>', 'the income that varies').choices(['wage_income', 'other_income']).default('wage_income'))
    .addOption(
      new Option('--view <view>', 'table, chart and CSV: a month (a gradual exit in full while kept) or the year (for its months)')
        .choices(['monthly', 'annual'])
        .default('monthly'),
    )
    .option('--from <yuan>', 'first value, yuan a month', '0')
    .option('--to <yuan>', 'last value, yuan a month (default: past the household’s lines; at least 3000 and the current value + 1000)')
    .option('--step <yuan>', 'step, yuan a month', '10')
    .option('--delta <yuan>', 'the whole file: yuan more a month of each main earner', '100')
    .option(
      '--per-household <file.csv>',
      "the whole file: each household's marginal rate under each run, a row per household and run",
      stdoutAsFile,
    )
    .addOption(scenario('also under a scenario (repeatable: each is its own run)'))
    .addOption(date())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .addOption(lang('the language of the sentences in the table, chart and Markdown (JSON and CSV stay English)'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ jiuzhu cliff --policy policies/guangxi-nanning.yaml --describe "{area: urban, persons: [{age: 40}, {age: 10}]}"',
        '  $ jiuzhu cliff --policy policies/guangxi-nanning.yaml --households nanning.csv --scenario scenarios/gradual-exit-6-months.yaml',
      ].join('\n'),
    )
    .action(async (o, cmd: Command) => {
      const { cliffCommand } = await import('./commands/cliff.js');
      const given = new Set(Object.keys(o).filter((k) => cmd.getOptionValueSource(k) === 'cli'));
      await endingWell(ctx, (c) => cliffCommand(c, { ...o, quiet: Boolean(globals(cmd).quiet), given }));
    });

  program
    .command('report')
    .description('one self-contained HTML report to forward: headline, charts, parameters and their sources, estimates, provenance')
    .addOption(policies('locality policy YAML (repeatable: several localities side by side)'))
    .addOption(households())
    .addOption(scenario('a scenario to compare with each baseline (repeatable)'))
    .addOption(date())
    .addOption(year())
    .addOption(new Option('--years <YYYY-YYYY>', 'budget years, as simulate --years (with ranges)').conflicts(['date', 'year']))
    .option('--projection <file>', 'with --year or --years: how parameters, incomes and the population grow (scenarios/projections/*.yaml)')
    .addOption(incomesYear())
    .addOption(unit('the report', '').default('wan'))
    .addOption(lang('the language of its notes (its headings are in both)'))
    .requiredOption('--out <file>', 'the HTML file to write (atomically)')
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu report --policy policies/guangxi-nanning.yaml --policy policies/jiangxi-fuliang.yaml \\\n      --households policies/samples/households.csv --scenario scenarios/tekun-basic-1.6x.yaml --date 2025-06-30 --out report.html\n  $ jiuzhu report --policy policies/guangxi-nanning.yaml --households policies/samples/households.csv \\\n      --years 2027-2029 --projection scenarios/projections/guangxi-nanning-4pct.yaml --out budget-2027-2029.html',
    )
    .action(quietly(async () => (await import('./commands/report.js')).reportCommand));

  program
    .command('sensitivity')
    .description('which estimate matters: the cost with each estimate at its low and its high, sorted by swing (a tornado)')
    .addOption(policy())
    .addOption(households())
    .addOption(scenario('also the delta of a scenario (repeatable)'))
    .addOption(date())
    .addOption(year())
    .option('--projection <file>', 'with --year: the year as a projection file grows the policy and the households (as simulate --years)')
    .addOption(incomesYear())
    .option('--draws <n>', 'also every estimate drawn at once, uniform within its range, n times: percentiles of each cost')
    .option('--seed <s>', 'the draws’ seed: the same seed gives the same draws (default 1)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown', 'xlsx']).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of standard output; needed for xlsx')
    .addOption(unit())
    .addOption(lang('the language of the sentences in the table and Markdown (JSON and CSV stay English)'))
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu sensitivity --policy policies/jiangxi-fuliang.yaml --households policies/samples/households.csv \\\n      --scenario scenarios/tekun-basic-1.6x.yaml --date 2025-06-30 --unit wan',
    )
    .action(quietly(async () => (await import('./commands/sensitivity.js')).sensitivityCommand));

  program
    .command('import')
    .description('read and check a households file once, and keep it as an Apache Arrow file every command reads fast')
    .argument('[file]', 'the households file (as --households gives it)', stdinAsFile)
    .addOption(households().makeOptionMandatory(false))
    .requiredOption('--out <file>', 'the Arrow file to write (FILE.arrow), atomically')
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu import households.csv --out households.arrow\n  $ jiuzhu simulate --policy policies/guangxi-nanning.yaml --households households.arrow',
    )
    .action(async (file: string | undefined, o: { households?: string; out: string }, cmd: Command) => {
      if (file !== undefined && o.households !== undefined)
        throw new UsageError(`import reads one households file: ${file} or --households ${o.households}`, 'give it once');
      const households = file ?? o.households;
      if (households === undefined)
        throw new UsageError('import needs the households file', 'e.g. jiuzhu import households.csv --out households.arrow');
      await (await import('./commands/import.js')).importCommand(ctx, { ...o, households, quiet: Boolean(globals(cmd).quiet) });
    });

  program
    .command('generate')
    .description("write synthetic households drawn from the locality's population profile (deterministic for a seed)")
    .addOption(policy())
    .requiredOption('--households <n>', 'how many households')
    .option('--seed <s>', 'random seed: the same seed gives the same bytes', '1')
    .option('--out <file.csv>', 'the households CSV to write')
    .option('--profile <file>', "population profile (default: profiles/<policy file name> in the policy's folder)")
    .addOption(new Option('--date <YYYY-MM-DD>', "date of the standards (default: the profile's date)"))
    .option('--report', 'print how the generated population compares with the published figures under the baseline')
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu generate --policy policies/guangxi-nanning.yaml --households 100000 --seed 7 --out nanning.csv --report',
    )
    .action(quietly(async () => (await import('./commands/generate.js')).generateCommand));

  program
    .command('init')
    .description(
      'write a policy (or --profile: a population profile) to fill in for a locality of your own: every value, what it is, none given',
    )
    .requiredOption('--out <file.yaml>', 'the policy (or profile) file to write (its name is its id); never over an existing file')
    .option('--from <YYYY-MM-DD>', "the date values take effect from; a profile's: its figures' date (default: 1 January this year)")
    .option('--profile', "write a population profile instead, for generate: what a locality's synthetic households are drawn from")
    .option('--projection', 'write a projection instead: yearly growth over budget years (simulate --years … --projection)')
    .option('--scenario', 'write a scenario instead: a reform as data (--scenario)')
    .option('--policy <file>', 'with --profile or --projection: the policy it is for')
    .addHelpText(
      'after',
      '\nExample:\n  $ jiuzhu init --out hunan-mouxian.yaml\n  $ jiuzhu validate --policy hunan-mouxian.yaml\n  $ jiuzhu init --profile --policy hunan-mouxian.yaml --out profiles/hunan-mouxian.yaml\n  $ jiuzhu generate --policy hunan-mouxian.yaml --households 100000 --report\n  $ jiuzhu init --projection --policy hunan-mouxian.yaml --out scenarios/projections/hunan-mouxian-4pct.yaml\n  $ jiuzhu init --scenario --out scenarios/mouxian-unify.yaml',
    )
    .action(quietly(async () => (await import('./commands/init.js')).initCommand));

  program
    .command('test')
    .description('run YAML test cases (default: policies/cases) and the parameter sanity rules; exit 1 on any failure')
    .argument('[paths...]', 'case files or directories of them')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--brief', 'each failure as its expected and got lines, without the trace of the steps')
    .action(async (paths: string[], o, cmd: Command) =>
      (await import('./commands/test.js')).testCommand(ctx, paths, { ...o, quiet: Boolean(globals(cmd).quiet) }),
    );

  program
    .command('validate')
    .description('load policies and run the parameter sanity rules (errors exit 1; warnings do not)')
    .addOption(policies('policy YAML (repeatable)'))
    // (its findings in 中文: parameter errors point to it, and a county officer's --lang zh was refused here)
    .addOption(lang('the findings’ words'))
    .action(async (o) => (await import('./commands/test.js')).validateCommand(ctx, o));

  program
    .command('check')
    .description('compare totals with a committed snapshot; exit 1 when a figure moved beyond the tolerance')
    .addOption(policy())
    .addOption(households())
    .addOption(scenario("also check a scenario's totals (repeatable)"))
    .requiredOption('--snapshot <file>', 'the snapshot JSON (created with --update)')
    .option('--update', 'write the snapshot from this run (accept the changes)')
    .option(
      '--other-households',
      "check a snapshot made from another households file (a nightly job's dated roll): a move is then the roll's as well as the rules'",
    )
    .option('--tolerance <share>', 'relative change allowed, e.g. 0.5% or 0.005', '0')
    .addOption(new Option('--date <YYYY-MM-DD>', "simulation date (default: the snapshot's date, else today)"))
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('--junit <file>', 'also write the check as JUnit XML (a case per scenario and program)')
    .action(quietly(async () => (await import('./commands/check.js')).checkCommand));

  return program;
}

/** `-`, the usual name for standard input, as the file that is (read as a pipe: as it comes, never sniffed). */
const stdinAsFile = (v: string) => (v === '-' ? '/dev/stdin' : v);
/** `-` for an output: standard output (a file named "-" was written in the working directory). */
const stdoutAsFile = (v: string) => (v === '-' ? '/dev/stdout' : v);

/** Output goes to a file (`--out FILE`, not `-`): no colour in it (a text file from a terminal held escape codes). */
const toFile = (argv: readonly string[]) =>
  argv.some((a, i) => (a === '--out' && argv[i + 1] !== undefined && argv[i + 1] !== '-') || (a.startsWith('--out=') && a !== '--out=-'));

/** Runs the CLI; returns the exit code. */
export async function run(argv: string[], given: Ctx = processContext()): Promise<number> {
  const debug = argv.includes('--debug');
  // (stderr in 中文 where the reader's language is Chinese, what errors-zh.ts knows of it: errors, and the commonest notes)
  const stderr = errorLang(argv, given.env) === 'zh' ? zhOut(given.stderr) : given.stderr;
  const ctx: Ctx = { ...given, stderr, debug, argv, version, households: {} };
  if (argv.includes('--no-color') || ctx.env.NO_COLOR || !ctx.stdout.isTTY || toFile(argv)) chalk.level = 0;
  if (ctx.stdout === process.stdout) {
    guardPipe();
    guardSignals(ctx.stderr);
  }
  givesIo(ctx, argv);
  const program = buildProgram(ctx);
  tellStrayBeforeMissing(program, argv);
  lenientChoices(program);
  program.hook('preAction', (_top, action) => preAction(ctx, argv, action));
  try {
    tellOtherDashes(program, argv);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return report(ctx, e, debug);
  }
}
