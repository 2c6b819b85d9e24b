// Errors in 中文 (cli/errors-zh.ts) of the files a policy author writes: a policy's and a scenario's problems
// (io/policy-file.ts, scenario-file.ts, param-values.ts, yaml-nodes.ts), the YAML parser's commonest and the keyboard
// slips io/yaml-slips.ts names; the number hints said after a bad value, which a households cell shares.

import { RULES, type SanityRule } from '../core/sanity-rules.js';
import { unitZh } from '../core/parameters/units.js';

/** The number hints (core/number-hints.ts) after a bad value, in 中文: what the value is, and what to write. */
export const HINTS_ZH: ReadonlyArray<readonly [RegExp, string]> = [
  [/ \(full-width digits: write (.+)\)$/, '（全角数字：请写 $1）'],
  [/ \(no thousands separator: write (.+)\)$/, '（不要千位分隔符：请写 $1）'],
  [/ \(a percentage: write (.+)\)$/, '（百分数：请写 $1）'],
  [/ \(a decimal point is "\.": write (.+)\)$/, '（小数点是 "."：请写 $1）'],
  [/ \(no sign: write (.+)\)$/, '（不要正负号：请写 $1）'],
  [/ \(its last decimals are zeros: write (.+)\)$/, '（末尾的小数是零：请写 $1）'],
  [/ \(exponent notation: write (.+)\)$/, '（科学计数法：请写 $1）'],
  [/ \(in yuan, the number alone: (.+)万 is (.+)\)$/, '（以元计，只写数字：$1万 即 $2）'],
  [/ \(the number alone: (.+)万 is (.+)\)$/, '（只写数字：$1万 即 $2）'],
  [/ \(the number alone: write (.+)\)$/, '（只写数字：请写 $1）'],
  [
    / \(a date, not a number: a spreadsheet may have formatted the cell as one\)$/,
    '（这是日期，不是数：表格软件可能把这一格设成了日期格式）',
  ],
  [/, or one of (.+)$/, '，或 $1 之一'],
  [/ \(in lower case: write (.+)\)$/, '（用小写：请写 $1）'],
  [/ \(a percentage\? (\S+) % is (\S+)\)$/, '（是百分数吗？$1 % 即 $2）'],
  [/ \(a float's rounding: write (.+)\)$/, '（浮点数的舍入误差：请写 $1）'],
  [/: write (true|false)$/, '：请写 $1'],
  [/ \(a percentage: a change by a share is \{scale: …\}\)$/, '（百分数：按比例改动请用 {scale: …}）'],
];

export type Rule = readonly [RegExp, string | ((...m: string[]) => string)];

/** What a value given was (io/param-values.ts show, yaml-nodes.ts got), its number hint after it, in 中文. */
function gotZh(value: string): string {
  const quoted = /^"(.*)"((?: \(.*\))?)$/.exec(value);
  const shown = quoted ? `“${quoted[1]}”` : ({ nothing: '空值', 'a list': '列表', 'a mapping': '映射' }[value] ?? value);
  return `，收到的是${shown.startsWith('“') ? '' : ' '}${shown}${HINTS_ZH.reduce((t, [re, to]) => t.replace(re, to), quoted?.[2] ?? '')}`;
}

/** Where in a policy or scenario file a key is unknown (yaml-nodes.ts known's `context`), in 中文. */
const CONTEXTS_ZH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^the policy file$/, '政策文件'],
  [/^the scenario file$/, '情景文件'],
  [/^a change of (\S+)$/, '$1 的改动'],
  [/^a dated value of (\S+)$/, '$1 的带日期取值'],
  [/^a value of (\S+)$/, '$1 的取值'],
  [/^source (\S+)$/, '来源 $1'],
  [/^a person$/, '成员'],
  [/^(?:the|a) household$/, '家庭'],
  // a case file's (io/cases-file.ts: a CI author's `amout` was told "the expectation of dibao中没有键")
  [/^a case$/, '案例'],
  [/^the expectation of (\S+)$/, '$1 的预期'],
];
const contextZh = (context: string) => CONTEXTS_ZH.reduce((c, [re, to]) => c.replace(re, to), context);

/** A scenario change's operations (io/scenario-file.ts OPS), in 中文. */
const OPS_ZH: Readonly<Record<string, string>> = {
  set: '设为',
  scale: '乘以',
  add: '加上',
  at_least: '不低于',
  at_most: '不高于',
  same_as: '与另一参数相同',
  values: '按日期给出各值',
};

/** Each operation as io/scenario-file.ts's message shows it. */
const OPS_SHOWN: ReadonlyArray<readonly [string, string]> = [
  ['set', 'V'],
  ['scale', 'K'],
  ['add', 'X'],
  ['at_least', 'V'],
  ['at_most', 'V'],
  ['same_as', 'PATH'],
  ['values', '[{from, value}]'],
];

const MONTH_NUMBER: Readonly<Record<string, number>> = Object.fromEntries(
  ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m, i) => [
    m,
    i + 1,
  ]),
);

/** What a policy's top-level key should be (io/policy-file.ts), in 中文. */
const MISSING_ZH: Readonly<Record<string, string>> = {
  'expected {zh: …, en: …}': '应为 {zh: …, en: …}',
  'a mapping of canonical parameter paths to dated values': '应为参数路径到带日期取值的映射',
  'a mapping of source ids to {title, file or url, grade}': '应为来源编号到 {title, file 或 url, grade} 的映射',
};

/** A policy's or a scenario's problems (io/policy-file.ts, scenario-file.ts, param-values.ts), after file:line:col. */
export const FILE_RULES: readonly Rule[] = [
  // a projection that would grow nothing (cli/year.ts projecting)
  [
    /^--projection (.+): its base_year (\d+) is after (\d+), the (?:last )?year run: it would project nothing \(a typo in base_year\?\)$/,
    '--projection $1：其 base_year $2 晚于所算的最后一年 $3：什么都不会预测（base_year 写错了吗？）',
  ],
  [
    /^base_year is the year of the newest published values it grows from \(the bundled projections: (\d+)\); or run without --projection$/,
    'base_year 是预测据以增长的最新公布数值的年份（随附的预测为 $1）；或不加 --projection 运行',
  ],
  // a case file's hints (cli/commands/test.ts)
  [/^fix the case(?=;|$)/, '改正该案例'],
  [/^fix the case files and the cases above, and the files they name/, '改正以上案例文件、案例及其所引用的文件'],
  [/; (\d+) other cases? ran \(above\)$/, '；其余 $1 个案例已运行（见上）'],
  [/(?<![\w"])case "(.+?)": /, '案例 “$1”：'],
  // what the problem is about (yaml-nodes.ts problem's subject)
  [/(?<![\w"])parameter ([\w.]+): /, '参数 $1：'],
  [/(?<![\w"])change of ([\w.]+): /, '$1 的改动：'],
  [/(?<=:\d+: )title(\.zh|\.en)?: /, '标题$1：'],
  [/(?<![\w"])source ([\w.-]+): /, '来源 $1：'],
  // what is wrong
  [/unknown parameter "(.+?)"(?: \(did you mean "(.+?)"\?\))?/, (_, p, near) => `没有参数 “${p}”${near ? `（是不是 “${near}”？）` : ''}`],
  [
    /unknown key "(.+?)" in (.+?)(?: \(did you mean "(.+?)"\?\))?; expected one of (.+)$/,
    (_, k, where, near, keys) => `${contextZh(where!)}中没有键 “${k}”${near ? `（是不是 “${near}”？）` : ''}；应为 ${keys} 之一`,
  ],
  [
    /missing the operation: one of (.+)$/,
    (_, ops) =>
      `缺少操作：应为 ${ops!
        .split(', ')
        .map((op) => `${op}（${OPS_ZH[op] ?? op}）`)
        .join('、')} 之一`,
  ],
  [
    /expected one of \{set: V\}, \{scale: K\}, \{add: X\}, \{at_least: V\}, \{at_most: V\}, \{same_as: PATH\}, \{values: \[\{from, value\}\]\}, optionally with from: YYYY-MM-DD(?: \(to set it: (.+)\))?$/,
    (_, set) =>
      `应为以下之一：${OPS_SHOWN.map(([op, arg]) => `{${op}: ${arg}}（${OPS_ZH[op]}）`).join('、')}，可加 from: YYYY-MM-DD（生效日期）${set ? `（要设为这个值：${set}）` : ''}`,
  ],
  [
    /expected a factor ≥ 0, e\.g\. 1\.1, with at most six decimals, got (.+)$/,
    (_, v) => `应为不小于 0 的倍数，如 1.1，至多六位小数${gotZh(v!)}`,
  ],
  [
    /expected a number to add, e\.g\. (\S+) or (\S+), with at most (two decimals \(money: fen\)|six decimals), got (.+)$/,
    (_, a, b, places, v) =>
      `应为要加上的数，如 ${a} 或 ${b}，至多${places!.startsWith('two') ? '两位小数（金额以分计）' : '六位小数'}${gotZh(v!)}`,
  ],
  [/expected a title: text, or \{zh: …, en: …\}$/, '应为标题：文字，或 {zh: …, en: …}'],
  [/expected \{zh: …, en: …\} \(or one of them\)$/, '应为 {zh: …, en: …}（或其中之一）'],
  [/give one operation, not (.+)$/, (_, ops) => `只能给一个操作，不能同时给 ${ops!.replace(/ and /g, ' 和 ')}`],
  [
    /expected an amount in yuan \((.+?)\) ≥ 0 with at most two decimals, got (.+)$/,
    (_, u, v) => `应为不小于 0 的元数（${unitZh(u!)}），至多两位小数${gotZh(v!)}`,
  ],
  [
    /expected a non-negative decimal \((.+?)\) with at most six decimals, got (.+)$/,
    (_, u, v) => `应为不小于 0 的数（${unitZh(u!)}），至多六位小数${gotZh(v!)}`,
  ],
  [
    /expected a whole number from (\S+) to (\S+) \((.+?)\), got (.+)$/,
    (_, lo, hi, u, v) => `应为 ${lo} 到 ${hi} 的整数（${unitZh(u!)}）${gotZh(v!)}`,
  ],
  [/must be at most (\S+) \((.+?)\), got (.+)$/, (_, max, u, v) => `至多为 ${max}（${unitZh(u!)}）${gotZh(v!)}`],
  [/expected true or false, got (.+)$/, (_, v) => `应为 true 或 false${gotZh(v!)}`],
  [/"from" must be a date YYYY-MM-DD(?:, got ("[^"]*"|nothing))?/, (_, v) => `“from” 应为日期 YYYY-MM-DD${v ? gotZh(v) : ''}`],
  [
    /unknown source "(.+?)"(?: \(did you mean "(.+?)"\?\))?; (?:sources are (.+)|the file has no sources)$/,
    (_, id, near, ids) => `没有来源 “${id}”${near ? `（是不是 “${near}”？）` : ''}；${ids ? `文件中的来源是 ${ids}` : '文件中没有来源'}`,
  ],
  [/missing or invalid "(\w+)": (.+)$/, (_, k, what) => `缺少 “${k}” 或写法不对：${MISSING_ZH[what!] ?? what}`],
  [/missing key "(.+?)"(?: \((.+)\))?$/, (_, k, what) => `缺少键 “${k}”${what ? `（${what}）` : ''}`],
  [/missing "(\w+)"$/, '缺少 “$1”'],
  [
    /each value needs a "source" \(and clause\) or, where nothing is published, an "estimate" stating its basis$/,
    '每个取值都要有 “source”（及 clause 条款）；没有公开文件的，要有 “estimate” 说明估计的依据',
  ],
  [/dates must increase: (\S+) comes after (\S+)$/, '日期要从早到晚：$1 排在 $2 之后'],
  [/duplicate date (\S+) \(first on line (\d+)\): one value a date$/, '日期 $1 重复（第一次在第 $2 行）：一个日期只能有一个取值'],
  [/(?<![\w"])date must be YYYY-MM-DD, got (.+?)(?= \(|$)/, (_, v) => `date 应为 YYYY-MM-DD，收到的是 ${v}`],
  [/ \(write (\d{4}-\d{2}-\d{2})\)$/, '（请写 $1）'],
  [
    / \((January|February|March|April|May|June|July|August|September|October|November|December) (\d{4}) has (\d+) days\)$/,
    (_, m, y, d) => `（${y} 年 ${MONTH_NUMBER[m!]} 月只有 ${d} 天）`,
  ],
  [/(?:parameters: )?missing parameter (\S+) \((.+)\)$/, 'parameters 中缺少参数 $1（$2）'],
];

/** A YAML file's slips and the parser's commonest words (a key told unknown for a slip first: its slip is said after). */
export const YAML_RULES: readonly Rule[] = [
  [/unknown key "(.+?)" in (.+?): (?=a full-width|no space|a thousands separator)/, (_, k, where) => `${contextZh(where!)}中的键 “${k}”：`],
  [
    /(YAML: )?a full-width colon "：" \(U\+FF1A\) after (?:a key|"(.+?)"): YAML needs ":" and a space(?: \(([^()]+)\))?/,
    (_, yaml, k, example) =>
      `${yaml ? 'YAML：' : ''}${k ? `“${k}”后` : '键后'}是全角冒号“：”（U+FF1A）：YAML 要用半角冒号 ":" 加一个空格${example ? `（${example}）` : ''}`,
  ],
  // the YAML parser's commonest (said after "YAML: "), and a key given twice
  [/YAML: Missing closing "quote$/, 'YAML：引号没有闭合（少了结尾的 "）'],
  [
    /YAML: Nested mappings are not allowed in compact mappings(?: \(a value with ": " in it goes in quotes: title: "…: …"\))?$/,
    'YAML：一个值里有 ": "，被读成了又一层映射（值里有 ": " 要加引号：title: "…: …"）',
  ],
  [
    /YAML: Flow (map|sequence) in block collection must be sufficiently indented and end with a ([}\]])$/,
    (_, kind, end) => `YAML：行内${kind === 'map' ? '映射 {…}' : '列表 […]'}要缩进足够，并以 ${end} 结尾`,
  ],
  [/YAML: All mapping items must start at the same column$/, 'YAML：同一层的各项必须从同一列开始（缩进要对齐）'],
  [
    /key "(.+?)" is given twice \(first on line (\d+)\); a key appears once in a mapping(: a value from a later date is another entry in the first one’s list \(- \{from: YYYY-MM-DD, value: …\}\))?$/,
    (_, k, line, later) =>
      `键 “${k}” 给了两次（第一次在第 ${line} 行）；同一层中每个键只能出现一次${later ? '：较晚日期的取值是第一个列表中的另一项（- {from: YYYY-MM-DD, value: …}）' : ''}`,
  ],
  [
    /YAML: and ([\d,]+) more errors? from here on, which may all follow from the first: fix it and run again$/,
    'YAML：此后还有 $1 处错误，可能都由第一处引起：改正它后再运行',
  ],
  [/YAML: Implicit keys need to be on a single line$/, 'YAML：键必须写在一行之内（上一行少了空格或引号？）'],
  [/YAML: Sequence item without - indicator$/, 'YAML：列表项前缺少 “- ”（或缩进不对）'],
  [
    /YAML: A block sequence may not be used as an implicit map key \(a list item "- …" indented as no key's value: indent it as the other items of its list are\)$/,
    'YAML：列表项 “- …” 的缩进不属于任何键：请与同一列表的其他项对齐',
  ],
  [
    /YAML: Block collections are not allowed within flow collections \(inside \{…\} a value with ": " in it goes in quotes: \{estimate: "…: …"\}, or the "\{" or "\[" of a value is not closed\)$/,
    'YAML：行内的 {…} 或 […] 中不能有多行结构（{…} 中含 ": " 的值要加引号：{estimate: "…: …"}；或某个值的 “{” 或 “[” 没有闭合）',
  ],
  [
    /(YAML: )?no space after the colon of "(.+?)": YAML needs ":" and a space \((.+)\)$/,
    (_, yaml, k, ex) => `${yaml ? 'YAML：' : ''}“${k}”的冒号后没有空格：YAML 要用 ":" 加一个空格（${ex}）`,
  ],
  [
    /YAML: a full-width space \(U\+3000 全角空格\) in the indentation: indent with ordinary spaces$/,
    'YAML：缩进中有全角空格（U+3000）：请用半角空格缩进',
  ],
  [
    /YAML: a full-width space \(U\+3000 全角空格\) after a colon: YAML needs ":" and an ordinary space$/,
    'YAML：冒号后是全角空格（U+3000）：YAML 要用 ":" 加一个半角空格',
  ],
  [
    /YAML: a full-width comma "，" \(U\+FF0C\) between entries: YAML needs ","$/,
    'YAML：各项之间是全角逗号“，”（U+FF0C）：YAML 要用半角逗号 ","',
  ],
  [
    /YAML: a tab indents this line: YAML indents with spaces only \(replace each tab with spaces\)/,
    'YAML：这一行用制表符（Tab）缩进：YAML 只能用空格缩进（把每个 Tab 换成空格）',
  ],
];

const RULE_BY_ID: ReadonlyMap<string, SanityRule> = new Map(Object.values(RULES).map((r) => [r.id, r]));

/** The parameter rules' findings (core/sanity.ts), their rules' words (core/sanity-rules.ts `zh`) and the commonest. */
/** A parameter rule's finding (core/sanity.ts), the commonest: said in validate's list and after a file's place. */
const FINDINGS: readonly Rule[] = [
  [/at (\S+) rural (\S+) is above urban (\S+)/, '$1 起农村标准 $2 高于城市标准 $3'],
  [/([\w.]+) goes (\S+) → (\S+) \((\S+) → (\S+)\): × (\S+) a year/, '$1 从 $2 变为 $3（$4 → $5）：每年 × $6'],
  [/([\w.]+) goes (\S+) → (\S+) \((\S+) → (\S+)\): a digit short\?/, '$1 从 $2 变为 $3（$4 → $5）：少写了一位？'],
  [
    /at (\S+) ([\w.]+) (\S+) is not below min_wage\.monthly (\S+) \((?:(a month's amounts both: a yearly figure, or a digit too many\?)|a minimum wage under (\d+) a month, below any of recent years: a digit short\?)\)/,
    (_, date, path, v, w, both, under) =>
      `${date} 起 ${path} 为 ${v}，不低于月最低工资 min_wage.monthly ${w}（${both ? '两者都是月额：是填成了年额，还是多写了一位？' : `月最低工资低于 ${under}，比近年的都低：少写了一位？`}）`,
  ],
  [
    /at (\S+) ([\w.]+) (\S+) a year is below 12 × ([\w.]+) (\S+) \(a month's income, or a standard typed too high\?\)/,
    '$1 起 $2 为每年 $3，低于 12 × $4 $5（填成了月收入，还是标准填得太高？）',
  ],
  [
    /at (\S+) ([\w.]+) (\S+) a year is below 0\.1 × ([\w.]+) (\S+) \(the premium is yuan a person a year: a month's\?\)/,
    '$1 起 $2 为每年 $3，低于 0.1 × $4 $5（保费是每人每年的元数：填成了月额？）',
  ],
  [
    /at (\S+) min_wage\.monthly (\S+) is (\S+) × dibao\.standard\.urban (\S+) \(a month's amounts both: a yearly wage, or a digit too many\?\)/,
    '$1 起月最低工资 min_wage.monthly $2 是城市低保标准 $4 的 $3 倍（两者都是月额：是填成了年工资，还是多写了一位？）',
  ],
  [/at (\S+) ([\w.]+) (\S+) a month is above ([\w.]+) (\S+) \(a year's amount\?\)/, '$1 起 $2 为每月 $3，高于 $4 $5（填成了年额？）'],
];

/** A finding's message in 中文 where a rule knows it (validate --lang zh). */
export const findingZh = (message: string): string => FINDINGS.reduce((m, [re, to]) => m.replace(re, to as string), message);

export const SANITY_RULES: readonly Rule[] = [
  [
    / \(([a-z]+(?:-[a-z]+)+): (.+?)(; jiuzhu validate lists them)?\)$/,
    (all, id, text, them) => {
      const rule = RULE_BY_ID.get(id!);
      return rule?.text === text ? `（${id}：${rule.zh}${them ? '；jiuzhu validate 会一一列出' : ''}）` : all!;
    },
  ],
  ...FINDINGS,
  [
    /^a value the parameter rules say must be wrong: fix it \(jiuzhu validate --policy FILE lists every finding\)$/,
    '参数规则认定有取值必定有误：请改正（jiuzhu validate --policy 文件 会一一列出）',
  ],
  [/^the scenario gives a value no policy could have: fix the scenario$/, '情景给出的值没有哪个政策会有：请改正情景'],
];
