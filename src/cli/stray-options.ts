// Options commander would tell in a confusing order or words: an unknown option before a missing mandatory one, an
// option of another command said as such (not "Did you mean" a near one), and an option taken for another's value.
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';

/**
 * commander says a mandatory option is missing before it looks at unknown ones: `tui --polcy x` said "--policy not
 * specified", not the slip (a TUI trial). An unknown long option is told first, with commander's "Did you mean".
 */
export function tellStrayBeforeMissing(program: Command, argv: readonly string[]): void {
  type Checked = Command & {
    missingMandatoryOptionValue(o: Option): void;
    unknownOption(flag: string): void;
    _excessArguments(args: string[]): void;
  };
  for (const cmd of program.commands as Checked[]) {
    // An option of another command says whose it is (a reform author's `compare --years` was told "Did you mean --year?")
    const unknown = cmd.unknownOption.bind(cmd);
    cmd.unknownOption = (flag: string) => {
      // An option and its value joined by a full-width space (a Chinese keyboard's U+3000: `--unit[U+3000]wan` was told an
      // unknown option, the space unseen): said, with what to write
      const joined = /^(--[\w-]+)([\u3000\u00a0\s]+)(.*)$/u.exec(flag);
      if (joined && [...cmd.options, ...program.options].some((o) => o.long === joined[1]))
        cmd.error(
          `error: '${flag}' joins ${joined[1]} and its value with a ${joined[2]!.includes('\u3000') ? 'full-width space (U+3000)' : 'space that is not a plain one'}: write ${joined[1]} ${joined[3]} with a plain space`,
          { code: 'commander.unknownOption' },
        );
      // (a setting of the environment, not an option: a researcher's --threads 2 was told only "unknown option")
      const setting = ENV_SETTINGS[flag.split('=')[0]!];
      if (setting)
        cmd.error(`error: unknown option '${flag}': ${setting}`, {
          code: 'commander.unknownOption',
        });
      const whose = program.commands.filter((c) => c !== cmd && c.options.some((o) => o.long === flag)).map((c) => c.name());
      if (!whose.length) return unknown(flag);
      cmd.error(`error: unknown option '${flag}': ${cmd.name()} has none; it is an option of ${whose.join(', ')}`, {
        code: 'commander.unknownOption',
      });
    };
    // An option's value that is another option (`--out --format json`): commander took --format for the file's name and
    // wrote a file named "--format" (a QA trial). A name beginning with -- goes as ./--name.
    cmd.hook('preAction', (_, action) => refuseOptionAsValue(program, action));
    // An argument where a command takes none. `--scenario --date 2022-07-01` (the option taken for the scenario's file,
    // the date left over) and `compare a.yaml b.yaml` were told "too many arguments. Expected 0 arguments but got 1"
    // (QA and finance trials): the option taken for a value is told first, then the argument by name, with where it goes.
    const excess = cmd._excessArguments.bind(cmd);
    cmd._excessArguments = (args: string[]) => {
      refuseOptionAsValue(program, cmd);
      if (cmd.registeredArguments.length) return excess(args);
      const x = args[0]!;
      cmd.error(`error: unexpected argument '${x}': ${cmd.name()} takes no arguments${whereItGoes(cmd, x)}`, {
        code: 'commander.excessArguments',
      });
    };
    const missing = cmd.missingMandatoryOptionValue.bind(cmd);
    cmd.missingMandatoryOptionValue = (option: Option) => {
      const known = new Set([...cmd.options, ...program.options].map((o) => o.long));
      const stray = argv.map((a) => a.split('=')[0]!).find((a) => a.startsWith('--') && a !== '--' && !known.has(a));
      if (stray) cmd.unknownOption(stray);
      // An argument where the option was meant (`simulate --policy p.yaml households.csv`): told where it goes, not that
      // --households is missing (it was given, without its flag)
      const args = cmd.args.filter((a) => a === '-' || !a.startsWith('-'));
      if (args.length && !cmd.registeredArguments.length) cmd._excessArguments(args);
      missing(option);
    };
  }
}

/** Options a user reaches for that are settings of the environment (cli/settings.ts), with what to write. */
const THREADS =
  'the worker threads are set in the environment: JIUZHU_THREADS=2 jiuzhu … (1 for one thread; the totals are the same whatever the number)';
const ENV_SETTINGS: Readonly<Record<string, string>> = { '--threads': THREADS, '--jobs': THREADS, '--workers': THREADS };

/** An option whose value is another option's name (`--out --format`) is refused, saying so. */
function refuseOptionAsValue(program: Command, cmd: Command): void {
  const known = new Set([...cmd.options, ...program.options].map((o) => o.long));
  for (const o of cmd.options) {
    const v: unknown = cmd.getOptionValue(o.attributeName());
    for (const x of Array.isArray(v) ? v : [v])
      if (typeof x === 'string' && known.has(x) && o.long !== undefined)
        cmd.error(
          `error: option '${o.flags}' got ${x}, an option, for its value: give ${o.long} its value (a name beginning with -- goes as ./${x})`,
          { code: 'commander.optionMissingArgument' },
        );
  }
}

/** Where a stray argument likely belongs: a file by its kind to the command's option that takes it. */
function whereItGoes(cmd: Command, arg: string): string {
  const has = (flag: string) => cmd.options.some((o) => o.long === flag);
  const yaml = /\.ya?ml$/i.test(arg);
  const data = /\.(csv|tsv|txt|xlsx|arrow|parquet)$/i.test(arg);
  const hints = [
    yaml && has('--scenario') && 'a scenario goes with --scenario FILE (repeatable)',
    yaml && has('--policy') && 'a policy with --policy FILE',
    data && has('--households') && 'a households file goes with --households FILE',
    /^\d{4}-\d{2}-\d{2}$/.test(arg) && has('--date') && 'a date goes with --date YYYY-MM-DD',
    /^\d{4}$/.test(arg) && has('--year') && `a year goes with --year YYYY${has('--years') ? ', several with --years YYYY-YYYY' : ''}`,
  ].filter((h): h is string => typeof h === 'string');
  return hints.length ? `: ${hints.join('; ')}` : ' (an option’s value goes right after its option)';
}

/** Dashes that are not a hyphen-minus, as a chat app, a word processor or a full-width keyboard writes `--`. */
const DASHES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:－－|－)/u, 'full-width hyphens (－－)'],
  [/^(?:——|—)/u, 'an em dash (—)'],
  [/^(?:––|–)/u, 'an en dash (–)'],
  [/^(?:﹣﹣|﹣|‐‐|‐|−−|−)/u, 'a dash that is not a hyphen-minus'],
];

/**
 * An option written with other dashes (`—policy`, `－－date`: a command line copied from a chat message, which turns
 * `--` into an em dash) is refused, naming the dash and what to write: it was told "--policy not specified", though it
 * was given, or an unexpected argument (a Chinese-only clerk's trial).
 */
export function tellOtherDashes(program: Command, argv: readonly string[]): void {
  const longs = new Set([...program.options, ...program.commands.flatMap((c) => c.options)].map((o) => o.long));
  for (const a of argv) {
    const [re, what] = DASHES.find(([d]) => d.test(a)) ?? [];
    if (!re) continue;
    const option = `--${a.replace(re, '').split(/[=\s\u3000]/u)[0]}`;
    if (longs.has(option))
      throw new UsageError(
        `'${a}' begins with ${what}, not two hyphens: write ${option}`,
        'a chat app or word processor turns -- into a dash: type the command line, or copy it from a plain-text file',
      );
  }
}
