// What jiuzhu says on stderr when a run fails, in 中文 where the reader's language is Chinese (--lang zh, or a Chinese
// locale): the tables, notes and explain spoke it, but a clerk's mistyped file name or a bad cell came back in English
// only ("column area: "city" is not valid: expected urban or rural"), which a Chinese-only reader cannot act on.
//
// The messages are made in English where each error is found (errors.ts, io/, cli/, commander's own); the commonest
// are said again here by their English shape, as gettext keys a message by its English. test/cli/errors-zh.test.ts
// makes each one from a real run, so a message reworded there and not here fails it. A line (or a part of one) that
// matches nothing stays in English: file names, columns, values and options are never translated.
import { COLUMNS } from '../core/columns.js';
import { langFromEnv, type Lang } from '../report/lang.js';
import type { Out } from './context.js';
import { LANGS, oneOfWords } from './option-values.js';
import { FILE_RULES, HINTS_ZH, SANITY_RULES, YAML_RULES, type Rule } from './errors-zh-files.js';
import { NOTE_RULES } from './errors-zh-notes.js';

/** The language errors are said in: --lang's (as the command line gives it), else the locale's. */
export function errorLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : argv[i + 1];
  try {
    return given === undefined ? langFromEnv(env) : langWord(given); // (--lang's own reading of its words: zh_TW, 中文…)
  } catch {
    return langFromEnv(env); // (a word --lang refuses: its error is commander's, said in the locale's language)
  }
}
const langWord = oneOfWords(LANGS, '');

/** Each column's valid values in 中文 (core/columns.ts `expected`, in English). */
const EXPECTED_ZH: Readonly<Record<string, string>> = {
  household_id: '家庭编号',
  person_id: '成员编号',
  age: '0 到 130 的整数周岁',
  area: 'urban（城镇）或 rural（农村）',
  wage_income: '不小于 0 的元数，至多两位小数',
  disability_grade: '残疾等级 0–4（0 无；1、2 级为重度）',
  labor_capacity: 'full（完全）、partial（部分）或 none（无）',
  self_care: 'full（完全）、partial（部分）或 none（无）',
  weight: '大于 0 的数，至多六位小数',
  take_up_draw: '不小于 0、小于 1 的数，至多六位小数',
};

/** A column's `expected` in 中文: the column's own words where the message has them (its extra words stay English). */
function expectedZh(column: string, expected: string): string {
  const def = COLUMNS.find((c) => c.name === column);
  // (a column of the same words as one here: the other money columns, as wage_income; the flags, 0 or 1)
  const like = def && COLUMNS.find((c) => c.expected === def.expected && EXPECTED_ZH[c.name]);
  const zh = def && (EXPECTED_ZH[column] ?? (like ? EXPECTED_ZH[like.name] : def.expected === '0 or 1' ? '0 或 1' : undefined));
  if (!def || !zh) return expected;
  if (!expected.startsWith(def.expected)) return expected;
  return zh + [...TAILS, ...HINTS_ZH].reduce((t, [re, to]) => t.replace(re, to), expected.slice(def.expected.length));
}

/** What an id's text lacks (core/invisible.ts idProblem), after the column's words: ids from a spreadsheet. */
const TAILS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^ without spaces or invisible characters around it \(kept, they would make another id\)$/,
    '，前后不能有空格或不可见字符（会被保留，成了另一个编号）',
  ],
  [
    /^ without the invisible character (.+) in it \(it would make another id that looks the same\)$/,
    '，不能含不可见字符 $1（会成为看起来相同的另一个编号）',
  ],
  [/^ on one line, without a line break, tab or other control character in it$/, '，须在一行之内，不含换行、制表符或其他控制字符'],
  [
    /^ as written, not a number in scientific notation: (\S+) is how Excel shows an id of 12 digits or more.*$/,
    '，照原样书写，不能是科学计数法：$1 是 Excel 对 12 位及以上编号的显示，后面的位数已丢失（前几位相同的编号成了同一家庭）；请在录入或导入编号前把 Excel 中该列设为“文本”格式，或以文本导出',
  ],
];

/** What a file being read is, in 中文 ("the policy file"). */
const FILES_ZH: Readonly<Record<string, string>> = {
  'households file': '住户文件',
  'policy file': '政策文件',
  'scenario file': '情景文件',
  'projection file': '预测文件',
  'case file': '案例文件',
  'column mapping file': '列映射文件',
};

/** The operating system's causes (io/files.ts CAUSES) in 中文, the commonest. */
const CAUSES_ZH: Readonly<Record<string, string>> = {
  'no such file or directory': '没有这个文件或文件夹',
  'it is a directory': '这是一个文件夹',
  'permission denied': '没有权限',
  'a part of the path is not a directory': '路径中有一段不是文件夹',
  'no space left on the device': '磁盘已满',
};

/** A space before words that begin in Latin letters or digits after 中文 (none before 中文). */
const spaced = (words: string): string => (/^[\u4e00-\u9fff]/.test(words) ? words : ` ${words}`);

/** stray-options.ts's dashes in 中文. */
const DASHES_ZH: Readonly<Record<string, string>> = {
  'full-width hyphens (－－)': '全角连字符（－－）',
  'an em dash (—)': '破折号（—）',
  'an en dash (–)': '短破折号（–）',
  'a dash that is not a hyphen-minus': '不是连字符的横线',
};

/** A line's beginning, said apart from the message after it (which the rules translate, or not). */
const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['jiuzhu: ', 'jiuzhu：'],
  ['hint: ', '提示：'],
  ['error: ', '错误：'],
  ['note: ', '注：'],
  ['warning: ', '警告：'],
];

/** By message (after its prefix), in order: the whole message's rules, then the parts any message may hold. */
export const RULES: readonly Rule[] = [
  [/^invalid input \(([\d,]+) problems?\):$/, '输入有误（$1 处）：'],
  [/^ {2}… and ([\d,]+) more \(fix these first\)$/, '  ……另有 $1 处（先改正以上各处）'],
  [/^internal error: /, '内部错误：'],
  [
    /^This is a bug in jiuzhu\. Run again with --debug and report the output\.$/,
    '这是 jiuzhu 的缺陷：请加 --debug 再运行一次，并报告输出。',
  ],
  // commander's own
  [/^unknown option '(.+)'$/, "没有选项 '$1'"],
  [
    /^unknown option '(.+)': the worker threads are set in the environment: (JIUZHU_THREADS=\d+) jiuzhu … .*$/,
    "没有选项 '$1'：工作线程数在环境变量中设置：$2 jiuzhu …（1 即只用一个线程；无论几个线程，总数都相同）",
  ],
  // (stray-options.ts: an option of another command, an argument where an option was meant, an option for a value)
  [/^unknown option '(.+)': (\S+) has none; it is an option of (.+)$/, "没有选项 '$1'：$2 没有这个选项，它是 $3 的选项"],
  [
    /^'(.+)' joins (--[\w-]+) and its value with a (full-width space \(U\+3000\)|space that is not a plain one): write (.+) with a plain space$/,
    (_, arg, flag, space, write) =>
      `'${arg}' 用${space!.startsWith('full') ? '全角空格（U+3000）' : '非普通空格'}连接 ${flag} 和它的取值：请写 ${write}，用半角空格`,
  ],
  [
    /^unexpected argument '(.*)': (\S+) takes no arguments(?:: (.+)| \(an option’s value goes right after its option\))$/,
    (_, arg, cmd, hints?: string) =>
      `多余的参数 '${arg}'：${cmd} 不带参数${hints ? `：${WHERE_ZH.reduce((t, [en, zh]) => t.replace(en, zh), hints)}` : '（选项的取值紧跟在选项之后）'}`,
  ],
  [
    /^option '(.+)' got (.+), an option, for its value: give (--[\w-]+) its value \(a name beginning with -- goes as (.+)\)$/,
    "选项 '$1' 的取值成了另一个选项 $2：请给 $3 写上取值（以 -- 开头的文件名写作 $4）",
  ],
  [/^unknown command '(.+)'$/, "没有命令 '$1'"],
  [/^required option '(.+)' not specified$/, "缺少必需的选项 '$1'"],
  [/^option '(.+)' argument missing$/, "选项 '$1' 缺少取值"],
  [/^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, "选项 '$1' 的取值 '$2' 无效，可选：$3"],
  [/^\(Did you mean (.+)\?\)$/, '（是不是 $1？）'],
  [/^\(run with --help for usage\)$/, '（用法：加 --help 运行）'],
  // jiuzhu's
  [
    /^cannot read the (households file|policy file|scenario file|projection file|case file|column mapping file) (.+): ([a-z ]+)$/,
    (_, what, path, cause) => `读不了${FILES_ZH[what!]} ${path}：${CAUSES_ZH[cause!] ?? cause}`,
  ],
  [
    // (a column by the file's own header and jiuzhu's name — `column 工资收入 (wage_income)` — or by jiuzhu's alone)
    /column (?:(\S+) \((\w+)\)|(\w+)): (?:"(.*)"|(empty)) is not valid: expected (.+?)( \((?:household|person) .+)?$/,
    (_, header, name, alone, v, empty, e, rest) =>
      `列 ${header ? `${header}（${name}）` : alone}：${empty ? '空值' : `“${v}”`}无效，应为${spaced(expectedZh((name ?? alone)!, e!))}${rest ?? ''}`,
  ],
  [/missing required columns? (.+); the header is: (.*)$/, '缺少必需的列 $1；表头是：$2'],
  [/^fix the (households|policy|scenario|projection|case) file and run again/, (_, what) => `改正${FILES_ZH[`${what} file`]}后再运行`],
  [
    /; household_id empty on several rows: merged cells\? \(a merged cell keeps its value in its first row only: unmerge them and fill each household's id into every one of its rows\)/,
    '；household_id 在几行为空：是合并单元格吗？（合并单元格只在第一行保留值：请取消合并，把每户的编号填到该户的每一行）',
  ],
  [/; a total row \(合计\)\? a households file holds households only: delete it/, '；是合计行吗？住户文件只能有住户：请删除'],
  [
    /the first row holds one cell, (".*"): a title above the header\? The header must be the file's first row: delete the rows above it$/,
    '第一行只有一格 $1：是表头上方的标题吗？表头必须是文件的第一行：请删除它上面的行',
  ],
  [
    /^did you mean (.+)\? \(the name given is in quotation marks, which are part of it as given\)$/,
    '是不是 $1？（给的名字带着引号，引号被当成了名字的一部分）',
  ],
  [/^did you mean (.+)\?$/, '是不是 $1？'],
  [
    /^the ([\d,]+ )?\.(\w+) files in (.+?): /,
    (_, n, ext, dir) => `${dir === 'this folder' ? '此文件夹' : `${dir} `}中的${n ? ` ${n.trim()} 个` : ''} .${ext} 文件：`,
  ],
  [/^--date must be a date YYYY-MM-DD, got "(.*)"/, '--date 应为日期 YYYY-MM-DD，收到的是 “$1”'],
  // (a budget officer's --lang zh run: these were English beside a 中文 --date error)
  [/^(--[\w-]+) must be a calendar year such as (\d+), got "(.*)"$/, '$1 应为公历年份（如 $2），收到的是 “$3”'],
  [/^--format xlsx writes a workbook: give --out FILE\.xlsx$/, '--format xlsx 写出的是工作簿：请用 --out 文件.xlsx 指定写到哪里'],
  [
    /^(--[\w-]+) (.+) is the ([a-z ]+ file|snapshot) (.+): jiuzhu never writes over a file it reads$/,
    (_, flag, out, what, input) => `${flag} ${out} 就是${FILES_ZH[what!] ?? what}${spaced(input!)}：jiuzhu 从不覆盖它读取的文件`,
  ],
  [/^choose another name for (--[\w-]+)$/, '请为 $1 另取一个文件名'],
  [
    /^(--[\w-]+) (.+): its folder (.+) cannot be written in \((.+)\)$/,
    (_, flag, out, dir, why) =>
      `${flag} ${out}：其文件夹 ${dir} 不能写入（${{ 'permission denied': '没有权限', 'a read-only file system': '只读文件系统' }[why!] ?? why}）`,
  ],
  [/^give (--[\w-]+) a path in a folder you can write in$/, '请给 $1 一个可以写入的文件夹中的路径'],
  // a households file's column of a household's size (io/unread-columns.ts sizeColumnWarning)
  [
    /^(.+): column "(.+)" gives a household's size, which jiuzhu does not read: it counts a household's persons by its rows, one row per person \(household_id the same on each\)\. A file of one row per household is read as households of one person each$/,
    '$1：列 “$2” 是家庭人口数，jiuzhu 不读它：家庭人口按行数计，每人一行（同户各行的家庭编号相同）。每户只有一行的文件，会被读成每户一人',
  ],
  // Ctrl-C or kill while an output was being written (exit.ts stoppedWhileWriting)
  [
    /^stopped by (SIG[A-Z]+): not written: (.+)$/,
    (_, signal, files: string) =>
      `被 ${signal} 中止：未写出 ${files.replaceAll(' (the file there is as it was)', '（原有的文件保持原样）')}`,
  ],
  [/^fix the (households|policy|scenario|projection|case) file$/, (_, what) => `改正${FILES_ZH[`${what} file`]}`],
  [
    /expected "yearly": a growth a year above -0\.5 and below 0\.5 with at most six decimals, e\.g\. 0\.035$/,
    '应为 “yearly”：每年的增长率，大于 -0.5、小于 0.5，至多六位小数，例如 0.035',
  ],
  [/ \(stopped after ([\d,]+) problems\)$/, '（到第 $1 处停下）'],
  [/ ?\(there is no month (\d+)\)$/, '（没有 $1 月）'],
  [
    /^(.+) has no value at (\S+) for ([\d,]+) parameters? \((.+)\): its values are complete from (\S+)$/,
    (_, file, date, n, names, from) =>
      `${file} 在 ${date} 有 ${n} 个参数没有取值（${names!.replace(/ and ([\d,]+) more$/, ' 等，另 $1 个')}）：其参数自 ${from} 起齐全`,
  ],
  [
    /^give --date (\S+) or later \(budget years: --year (\d+) or --years (\S+), or later\)$/,
    '给 --date $1 或更晚的日期（预算年度：--year $2 或 --years $3，或更晚）',
  ],
  // parts
  [/ ?\(household ([^,()]+), person ([^,()]+)\)/g, '（家庭 $1，成员 $2）'],
  [/ ?\(household ([^,()]+)\)$/, '（家庭 $1）'],
  [/ ?\(person ([^,()]+)\)$/, '（成员 $1）'],
  // the commonest notes (said with `note: `)
  [
    /^no --date given: simulating today, (\S+), under the parameters in force that day; give --date YYYY-MM-DD for another day(, or --year YYYY for a budget year)?$/,
    (_, day, year) => `没有给 --date：按今天 ${day} 的参数计算；其他日期请给 --date YYYY-MM-DD${year ? '，预算年度请给 --year YYYY' : ''}`,
  ],
  [
    /^(.+) read as GB18030 \(not UTF-8; force one with --encoding utf-8\|gb18030\)$/,
    '$1 按 GB18030 读取（不是 UTF-8；可用 --encoding utf-8|gb18030 指定）',
  ],
  [
    /^(.+) read from sheet "(.+?)"(?:, the first shown \(before it, hidden: (.+?)\))?(?:, not its other sheets? \((.+)\): --sheet NAME reads another; households in several sheets are read as one file only once put in one sheet)?$/,
    (_, f, sheet, hidden, others) =>
      `${f} 读取的是工作表 “${sheet}”${hidden ? `，即第一个未隐藏的工作表（其前隐藏的：${hidden}）` : ''}${others ? `，不是其他工作表（${others}）：读其他工作表请给 --sheet 表名；几个工作表里的住户要合到一个工作表里才能一起读` : ''}`,
  ],
  ...YAML_RULES,
  ...FILE_RULES,
  ...NOTE_RULES,
  ...SANITY_RULES,
  [/^([\d,]+) parameter rule errors?$/, '$1 处参数规则错误'],
  // explain's
  [
    /^give --households FILE and --household ID, or --describe "\{area: …, persons: \[…\]\}"$/,
    '请给 --households 文件 和 --household 编号，或 --describe "{城乡: …, 成员: […]}"',
  ],
  [
    /^household "(.+?)" is not in (.+?)(?: \(did you mean "(.+?)"\?\))?$/,
    (_, id, file, near) => `${file} 中没有家庭 “${id}”${near ? `（是不是 “${near}”？）` : ''}`,
  ],
  [/^it has ([\d,]+) households?, e\.g\. (.+)$/, '文件中有 $1 户，例如 $2'],
  // outputs
  [/^(--[\w-]+) (.+): its folder (.+) does not exist$/, '$1 $2：文件夹 $3 不存在'],
  [/^make the folder first \(mkdir -p (.+)\), or give (--[\w-]+) another path$/, '先建好文件夹（mkdir -p $1），或给 $2 另一个路径'],
  // policy, scenario and YAML files
  [/^fix the file; every problem found is listed$/, '改正文件：找到的问题都已列出'],
  [/^fix the file; the first (\d+) are shown$/, '改正文件：以上为前 $1 处'],
  [/^fix the scenario file; nothing was applied$/, '改正情景文件：其中的改动都没有采用'],
  [/^the file is not valid YAML$/, '文件不是有效的 YAML'],
  // a dash that is not two hyphens (stray-options.ts tellOtherDashes)
  [
    /^'(.+)' begins with (full-width hyphens \(－－\)|an em dash \(—\)|an en dash \(–\)|a dash that is not a hyphen-minus), not two hyphens: write (--[\w-]+)$/,
    (_, arg, what) => `'${arg}' 开头是${DASHES_ZH[what!]}，不是两个连字符：请写 ${arg.replace(/^[^\w]+/u, '--').split(/[=\s\u3000]/u)[0]}`,
  ],
  [
    /^a chat app or word processor turns -- into a dash: type the command line, or copy it from a plain-text file$/,
    '聊天软件或文字处理软件会把 -- 变成破折号：请手打命令，或从纯文本文件复制',
  ],
];

/** Where a stray argument goes (stray-options.ts whereItGoes), in 中文. */
const WHERE_ZH: ReadonlyArray<readonly [string | RegExp, string]> = [
  ['a scenario goes with --scenario FILE (repeatable)', '情景用 --scenario 文件（可重复）'],
  ['a policy with --policy FILE', '政策用 --policy 文件'],
  ['a households file goes with --households FILE', '住户文件用 --households 文件'],
  ['a date goes with --date YYYY-MM-DD', '日期用 --date YYYY-MM-DD'],
  ['a year goes with --year YYYY', '年份用 --year YYYY'],
  [', several with --years YYYY-YYYY', '，多个年份用 --years YYYY-YYYY'],
  [/; /g, '；'],
];

/** An output whose text is said in 中文 where a rule knows it (zhErrors). */
export const zhOut = (out: Out): Out => ({ write: (s: string) => out.write(zhErrors(s)), isTTY: out.isTTY, columns: out.columns });

/** stderr's text in 中文 where a rule knows the message; line by line, the rest as it is (its prefix too). */
export function zhErrors(text: string): string {
  return text.split('\n').map(zhLine).join('\n');
}

function zhLine(line: string): string {
  const [en, zh] = PREFIXES.find(([p]) => line.startsWith(p)) ?? ['', ''];
  const message = line.slice(en.length);
  const said = RULES.reduce((l, [re, to]) => l.replace(re, to as string), message);
  return said === message ? line : zh + said;
}
