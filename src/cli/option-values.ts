// Option values no command takes, refused before anything runs (cli/main.ts calls it for every command); and the
// parser of options that take words (--lang, --unit), as people write them.
import { InvalidArgumentError, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { toStdout } from '../io/outputs.js';
import { editDistance } from '../core/edit-distance.js';

/**
 * An option given an empty value (`--per-household ""`: no file and no word, exit 0) or a file option given `-` where
 * it is not standard input or output (`--out -` wrote a file named "-"): refused with what to write.
 */
export function refuseEmptyAndDash(action: Command): void {
  for (const opt of action.options) {
    const key = opt.attributeName();
    const v: unknown = action.getOptionValue(key);
    if (action.getOptionValueSource(key) !== 'cli') continue;
    // (--household "" has its command's own word: which ids the file has)
    if (key !== 'household' && (v === '' || (Array.isArray(v) && v.includes(''))))
      throw new UsageError(`${opt.long} is empty`, `give it a value, or leave ${opt.long} out`);
    if (v === '-' && ['--out', '--snapshot', '--junit'].includes(opt.long ?? ''))
      throw new UsageError(
        `${opt.long} - would write a file named "-"`,
        opt.long === '--out'
          ? action.name() === 'report'
            ? 'give a file name (jiuzhu simulate --format html writes the report to standard output)'
            : action.name() === 'generate'
              ? 'give a file name, or --out /dev/stdout to write to standard output' // (its --out is needed: a QA trial)
              : ['import', 'init'].includes(action.name())
                ? 'give a file name'
                : 'give a file name, or leave --out out to write to standard output'
          : 'give a file name',
      );
  }
}

/**
 * --format xlsx needs --out: a file, or a pipe or file standard output was sent to — not a terminal (a QA trial's
 * `--out /dev/stdout` there dumped the zip's bytes on the screen).
 */
export function refuseWorkbookNowhere(format: string, out: string | undefined, stdoutIsTerminal: boolean | undefined): void {
  if (format !== 'xlsx') return;
  if (!out) throw new UsageError('--format xlsx writes a workbook: give --out FILE.xlsx');
  if (stdoutIsTerminal && toStdout(out))
    throw new UsageError(`--format xlsx writes a workbook, which is not for a terminal: --out ${out} is one`, 'give --out FILE.xlsx');
}

/**
 * An option's parser taking the words of `table` (matched whatever their width or case), each to its value; any other
 * is refused with the choices (commander then names the option and the value given).
 */
export function oneOfWords<V extends string>(table: Readonly<Record<string, V>>, choices: string): (v: string) => V {
  return (v: string) => {
    // (a locale as LANG spells it: zh_CN.UTF-8, en_US@euro)
    const word = v
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .replace(/[.@].*$/, '');
    // (the table's own words only: "constructor" was taken, as the objects' prototype has it — a review)
    if (Object.hasOwn(table, word)) return table[word]!;
    // (a language with its region or script, as a locale names it: zh_TW, zh-Hant, en-AU — its language's word;
    // LANG=zh_TW.UTF-8 chose Chinese where --lang zh_TW was refused, and zh-Hant was offered zh-hans, a QA's)
    const language = /^([a-z]{2,3})[-_][a-z0-9-_]+$/.exec(word)?.[1];
    if (language && Object.hasOwn(table, language)) return table[language]!;
    throw new InvalidArgumentError(`Allowed choices are ${choices}.${language ? '' : meant(word, Object.keys(table))}`);
  };
}

/** " Did you mean X?" where one word is a slip or two from the one given (`--unit wann`: a researcher's), else ''. */
function meant(word: string, words: readonly string[]): string {
  const near = words
    .map((w) => [w, swapped(word, w) ? 1 : editDistance(word, w)] as const)
    .filter(([, d]) => d > 0 && d <= Math.max(1, Math.floor(word.length / 3)))
    .sort((a, b) => a[1] - b[1]);
  return near.length && (near.length === 1 || near[0]![1] < near[1]![1]) ? ` Did you mean ${near[0]![0]}?` : '';
}

/** Whether b is a with two neighbouring letters swapped (jsno for json: one slip, two edits). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return at.length === 2 && at[1] === at[0]! + 1 && a[at[0]!] === b[at[1]!] && a[at[1]!] === b[at[0]!];
}

/**
 * Every option with choices (--format, --view, --encoding …) takes them as people write them: full-width (ｘｌｓｘ, as
 * a Chinese keyboard may give it), in capitals (UTF-8), with a space around; any other is refused with the choices and
 * the one likely meant (a researcher's `--format ｘｌｓｘ` was told the choices alone, as if xlsx were not one).
 */
export function lenientChoices(program: Command): void {
  for (const cmd of [program, ...program.commands])
    for (const o of cmd.options) {
      const choices = o.argChoices;
      if (!choices || o.variadic) continue;
      o.parseArg = ((arg: string) => {
        const word = arg.normalize('NFKC').trim().toLowerCase();
        if (choices.includes(word)) return word;
        throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.${meant(word, choices)}`);
      }) as typeof o.parseArg;
    }
}

/** --unit's words: the units as the outputs print them are taken too (a trial wrote --unit 万元; a 科长 --unit 万). */
export const UNITS = { yuan: 'yuan', wan: 'wan', yi: 'yi', 元: 'yuan', 万元: 'wan', 亿元: 'yi', 万: 'wan', 亿: 'yi' } as const;

/** --lang's words: the codes, the locale spellings (zh_CN, zh-Hans), the languages' names. */
export const LANGS: Readonly<Record<string, 'zh' | 'en'>> = {
  ...Object.fromEntries(
    ['zh', 'cn', 'zh-cn', 'zh_cn', 'zh-hans', 'chinese', '中文', '汉语', '汉', '中', '简体中文', '简体'].map((w) => [w, 'zh' as const]),
  ),
  ...Object.fromEntries(['en', 'en-us', 'en_us', 'en-gb', 'en_gb', 'english', '英文', '英语', '英'].map((w) => [w, 'en' as const])),
};
