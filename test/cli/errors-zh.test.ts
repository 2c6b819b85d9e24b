// Errors in 中文 where the reader's language is Chinese (cli/errors-zh.ts): --lang zh (or its other spellings), or a
// Chinese locale without --lang. Each rule of the catalogue is met by a real run's English here, so an English message
// reworded where it is made, and not in the catalogue, fails; file names, columns, values and options stay as given.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, zhErrors, zhOut } from '../../src/cli/errors-zh.js';
import { processContext } from '../../src/cli/context.js';
import { report } from '../../src/cli/exit.js';
import { InputError } from '../../src/errors.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const POLICY = 'policies/guangxi-nanning.yaml';
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-errors-zh-'));
const HEADER = 'household_id,person_id,age,area';
writeFileSync(join(dir, 'bad-age.csv'), `${HEADER}\nH1,H1-1,40,urban\nH2,H2-1,abc,rural\n`);
writeFileSync(join(dir, 'no-columns.csv'), 'id,area\n1,urban\n');
// (ids as a spreadsheet leaves them: Excel's scientific notation, a space kept inside quotes)
writeFileSync(join(dir, 'excel.csv'), `${HEADER}\n1.23457E+17,p1,40,urban\n"H2 ",p2,40,urban\n`);
// (a bureau's own headers, its cells as a spreadsheet and a form write them)
writeFileSync(
  join(dir, 'zh-headers.csv'),
  '户编号,个人编号,年龄,城乡,工资收入\nH1,H1-1,1949/3/5,城镇,0\nH2,H2-1,76岁,城镇,0\nH3,H3-1,40,城镇,"9,226.10"\nH4,H4-1,40,城镇,１５００\n,H5-1,40,城镇,0\n',
);
writeFileSync(join(dir, 'colon.yaml'), 'scenario: c\ntitle: {zh: c, en: c}\nreason: test\nchanges:\n  dibao.standard.urban：{set: 900}\n');
// (a policy edited by hand: a tab in the indentation; a parameter misspelt)
const nanning = readFileSync(POLICY, 'utf8');
writeFileSync(join(dir, 'tab.yaml'), nanning.replace('\n  en: Guangxi / Nanning', '\n\ten: Guangxi / Nanning'));
writeFileSync(join(dir, 'misspelt.yaml'), nanning.replace('\nname:', '\nnmae:'));
// (a value's key misspelt, and a source's id)
writeFileSync(
  join(dir, 'value-source.yaml'),
  nanning.replace('value: 810', 'valu: 810').replace('source: gx-2020-23', 'source: gx-2020-32'),
);
// (a scenario by a policy author: each of a change's and a value's slips)
const scenario = (changes: string[], reason = 'reason: test\n') =>
  `scenario: s\ntitle: {zh: 试, en: try}\n${reason}changes:\n${changes.map((c) => `  ${c}\n`).join('')}`;
writeFileSync(
  join(dir, 'changes.yaml'),
  scenario([
    'dibao.standard.urbn: {set: 900}',
    'tekun.basic.multiplier: {set: abc}',
    'dibao.standard.rural: {set: -5, from: 2025-13-01}',
    'dibao.standard.urban: {sett: 900}',
    'tekun.minor_age: {set: 200}',
    'low_income.multiplier: {set: 2, scale: 1.1}',
    'dibao.supplement.elderly: {set: 1.5}',
    'rigid.aid: {set: maybe}',
    'dibao.employment_deduction: {set: "1,000"}',
  ]),
);
writeFileSync(join(dir, 'no-reason.yaml'), scenario([], ''));
writeFileSync(
  join(dir, 'bad-rate.yaml'),
  readFileSync('scenarios/projections/guangxi-nanning-4pct.yaml', 'utf8').replace('yearly: 0.04', 'yearly: abc'),
);
writeFileSync(
  join(dir, 'late.yaml'),
  readFileSync('scenarios/projections/guangxi-nanning-4pct.yaml', 'utf8').replace('base_year: 2025', 'base_year: 2052'),
);
// (YAML slips: an unclosed quote, ": " in a value, a flow mapping and list left open, a line out of step, a key twice)
const YAML_SLIPS = [
  scenario([], 'reason: "x\n'),
  scenario([], 'reason: a: b\n'),
  scenario(['dibao.standard.urban: {set: 900']),
  scenario(['tekun.basic.multiplier: [1']),
  scenario(['dibao.standard.urban: {set: 900}', 'dibao.standard.rural: {set: 700}']).replace(
    '\n  dibao.standard.rural',
    '\n dibao.standard.rural',
  ),
  scenario(['dibao.standard.urban: {set: 900}', 'dibao.standard.urban: {set: 700}']),
];
YAML_SLIPS.forEach((text, i) => writeFileSync(join(dir, `slip-${i}.yaml`), text));
// (a county officer's policy: keyboard slips, indentation, dates, sources, values the parameter rules refuse)
const policies: Record<string, string> = {
  'kb-slips': nanning
    .replace('          value: 810\n', '\u3000         value: 810\n')
    .replace('          source: nanning-2022\n', '          source:\u3000nanning-2022\n')
    .replace('        source: gx-wage-2018\n', '        source:gx-wage-2018\n'),
  'kb-comma': nanning.replace(
    '    monthly:\n      - from: 2018-02-01\n        value: 1680\n',
    '    monthly:\n      - {from: 2018-02-01，value: 1680,\n        source: gx-wage-2018}\n      - from: 2018-02-01\n        value: 1680\n',
  ),
  'one-short': nanning.replace('        - from: 2022-04-01\n          value: 810\n', '        - from: 2022-04-01\n         value: 810\n'),
  outdented: nanning.replace('        - from: 2022-04-01\n          value: 810\n', '- from: 2022-04-01\n  value: 810\n'),
  dates: nanning
    .replace('          value: 810\n          source: nanning-2022\n', '          value: 810\n')
    .replace('        - from: 2022-04-01\n          value: 810', '        - from: 2016-04-01\n          value: 810')
    .replace('      - from: 2020-03-01\n        value: 1810', '      - from: 2018-02-01\n        value: 1810')
    .replace('      - from: 2023-11-01\n        value: 1990', '      - from: 2023-02-30\n        value: 1990')
    .replace('    date: 2020-11-21\n', '    date: 2020年11月21日\n'),
  'no-min-wage': nanning.replace(/\n {2}min_wage:\n(?: {4}.*\n)+/, '\n'),
  'digit-short': nanning.replace('          value: 810\n', '          value: 81\n'),
  'digit-more': nanning.replace('          value: 810\n', '          value: 8100\n'),
  'fast-rise': nanning.replace('          value: 810\n', '          value: 1100\n'),
};
for (const [name, text] of Object.entries(policies)) writeFileSync(join(dir, `${name}.yaml`), text);
writeFileSync(
  join(dir, 'ops.yaml'),
  scenario(
    [
      'tekun.basic.multiplier: {scale: 115%}',
      'dibao.standard.urban: {add: 10%}',
      'low_income.multiplier: 2',
      'tekun.care.min_wage_share.none: {set:0.8}',
    ],
    'reason: test\n',
  ).replace('title: {zh: 试, en: try}', 'title: [试]'),
);
writeFileSync(
  join(dir, 'later.yaml'),
  scenario(['tekun.basic.multiplier: {set: 1.5, from: 2026-01-01}', 'dibao.standard.urban: {add: 20}']),
);
writeFileSync(join(dir, 'no-title.yaml'), scenario([]).replace('title: {zh: 试, en: try}', 'title: {}'));
writeFileSync(join(dir, 'tenfold.yaml'), scenario(['dibao.standard.urban: {set: 10000}']));
// (a register as Excel leaves it: merged id cells, a total row, a title above the header, a 中文 header missing)
writeFileSync(join(dir, 'merged.csv'), '户编号,个人编号,年龄,城乡\nH1,H1-1,40,城镇\n,H1-2,38,城镇\n,H1-3,9,城镇\nH2,H2-1,70,农村\n');
writeFileSync(join(dir, 'total.csv'), '户编号,个人编号,年龄,城乡\nH1,H1-1,40,城镇\n合计,,,\n');
writeFileSync(join(dir, 'title.csv'), '南宁市低保名册（2025年6月）,,,\n户编号,个人编号,年龄,城乡\nH1,H1-1,40,城镇\n');
writeFileSync(join(dir, 'no-area.csv'), '户编号,个人编号,年龄\nH1,H1-1,40\n');
writeFileSync(join(dir, 'many.csv'), `${HEADER}\n${Array.from({ length: 60 }, (_, i) => `H${i},H${i}-1,40,city`).join('\n')}\n`);

/** A run of simulate on the sample under a policy written here. */
const onPolicy = (name: string) => ['simulate', '--policy', join(dir, `${name}.yaml`), '--households', SAMPLE];

/** Each run: its arguments (the policy and households added where it reads them) and what its 中文 says. */
// (a policy as init writes it: every value still to give, more than the 50 problems shown)
jiuzhu(['init', '--out', join(dir, 'fresh.yaml')]);
const RUNS: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  [
    'a missing households file',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'nope.csv')],
    ['jiuzhu：读不了住户文件 ', '：没有这个文件或文件夹', `提示：${dir}/ 中的 9 个 .csv 文件：bad-age.csv, excel.csv`],
  ],
  ['a folder for the households', ['simulate', '--policy', POLICY, '--households', dir], [`jiuzhu：读不了住户文件 ${dir}：这是一个文件夹`]],
  [
    'a bad cell',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'bad-age.csv')],
    [
      'jiuzhu：输入有误（1 处）：',
      `  ${dir}/bad-age.csv:3:3: 列 age：“abc”无效，应为 0 到 130 的整数周岁（家庭 H2，成员 H2-1）`,
      '提示：改正住户文件后再运行',
    ],
  ],
  [
    'ids from a spreadsheet',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'excel.csv')],
    [
      '列 household_id：“1.23457E+17”无效，应为家庭编号，照原样书写，不能是科学计数法：1.23457E+17 是 Excel 对 12 位及以上编号的显示',
      '列 household_id：“H2 ”无效，应为家庭编号，前后不能有空格或不可见字符（会被保留，成了另一个编号）（家庭 H2 ，成员 p2）',
    ],
  ],
  [
    'columns missing',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'no-columns.csv')],
    ['缺少必需的列 household_id, person_id, age；表头是：id,area'],
  ],
  [
    'many problems',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'many.csv')],
    [
      'jiuzhu：输入有误（20 处）：',
      '列 area：“city”无效，应为 urban（城镇）或 rural（农村）（家庭 H0，成员 H0-1）',
      '提示：改正住户文件后再运行（到第 20 处停下）',
    ],
  ],
  [
    'a date before the policy',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--date', '2010-01-01'],
    [
      `jiuzhu：${POLICY} 在 2010-01-01 有 51 个参数没有取值（dibao.standard.urban, dibao.standard.rural, dibao.assets.limit_months 等，另 48 个）：其参数自 2020-11-21 起齐全`,
      '提示：给 --date 2020-11-21 或更晚的日期（预算年度：--year 2021 或 --years 2021-2023，或更晚）',
    ],
  ],
  [
    'no such day',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--date', '2025-13-01'],
    ['jiuzhu：--date 应为日期 YYYY-MM-DD，收到的是 “2025-13-01”（没有 13 月）'],
  ],
  [
    'a policy file mistyped',
    ['simulate', '--policy', 'policies/nanning.yaml', '--households', SAMPLE],
    ['jiuzhu：读不了政策文件 policies/nanning.yaml：没有这个文件或文件夹', '提示：是不是 policies/guangxi-nanning.yaml？'],
  ],
  [
    'an option mistyped',
    ['simulate', '--policy', POLICY, '--househods', SAMPLE],
    ["错误：没有选项 '--househods'", '（是不是 --households？）', '（用法：加 --help 运行）'],
  ],
  ['a command mistyped', ['simulat'], ["错误：没有命令 'simulat'", '（是不是 simulate？）']],
  ['an option left out', ['simulate', '--households', SAMPLE], ["错误：缺少必需的选项 '--policy <file>'"]],
  ['an option with no value', ['simulate', '--households', SAMPLE, '--policy'], ["错误：选项 '--policy <file>' 缺少取值"]],
  [
    'a value not among the choices',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--format', 'xx'],
    ["错误：选项 '--format <format>' 的取值 'xx' 无效，可选：table, json, csv, markdown, xlsx, html"],
  ],
  [
    'a bureau’s headers, its cells as a spreadsheet writes them',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'zh-headers.csv')],
    [
      '列 年龄（age）：“1949/3/5”无效，应为 0 到 130 的整数周岁（这是日期，不是数：表格软件可能把这一格设成了日期格式）（家庭 H1，成员 H1-1）',
      '列 年龄（age）：“76岁”无效，应为 0 到 130 的整数周岁（只写数字：请写 76）',
      '列 工资收入（wage_income）：“9,226.10”无效，应为不小于 0 的元数，至多两位小数（不要千位分隔符：请写 9226.10）',
      '列 工资收入（wage_income）：“１５００”无效，应为不小于 0 的元数，至多两位小数（全角数字：请写 1500）',
      '列 户编号（household_id）：空值无效，应为家庭编号（成员 H5-1）',
    ],
  ],
  [
    'a register’s merged id cells',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'merged.csv')],
    ['；household_id 在几行为空：是合并单元格吗？（合并单元格只在第一行保留值：请取消合并，把每户的编号填到该户的每一行）'],
  ],
  [
    'a register’s total row',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'total.csv')],
    ['列 个人编号（person_id）：空值无效，应为成员编号（家庭 合计）', '提示：改正住户文件后再运行；是合计行吗？住户文件只能有住户：请删除'],
  ],
  [
    'a title above the header',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'title.csv')],
    ['第一行只有一格 "南宁市低保名册（2025年6月）"：是表头上方的标题吗？表头必须是文件的第一行：请删除它上面的行'],
  ],
  [
    'a 中文 header missing',
    ['simulate', '--policy', POLICY, '--households', join(dir, 'no-area.csv')],
    ['缺少必需的列 area (城乡/户籍类型/城乡类别)；表头是：户编号,个人编号,年龄'],
  ],
  [
    'an option copied from a chat message',
    ['simulate', '—policy', POLICY, '--households', SAMPLE],
    [
      "jiuzhu：'—policy' 开头是破折号（—），不是两个连字符：请写 --policy",
      '提示：聊天软件或文字处理软件会把 -- 变成破折号：请手打命令，或从纯文本文件复制',
    ],
  ],
  [
    'a path in a chat message’s quotation marks',
    ['simulate', '--policy', POLICY, '--households', `“${SAMPLE}”`],
    [`提示：是不是 ${SAMPLE}？（给的名字带着引号，引号被当成了名字的一部分）`],
  ],
  [
    'an output into a folder that is not there',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--per-household', join(dir, 'no', 'rows.csv')],
    [
      `jiuzhu：--per-household ${join(dir, 'no', 'rows.csv')}：文件夹 ${join(dir, 'no')} 不存在`,
      `提示：先建好文件夹（mkdir -p ${join(dir, 'no')}），或给 --per-household 另一个路径`,
    ],
  ],
  ['a tab in a policy', onPolicy('tab'), ['YAML：这一行用制表符（Tab）缩进', '提示：文件不是有效的 YAML']],
  [
    'a policy’s key misspelt',
    onPolicy('misspelt'),
    [
      'misspelt.yaml:8:1: 政策文件中没有键 “nmae”（是不是 “name”？）；应为 policy, name, description, sources, parameters 之一',
      'misspelt.yaml:7:1: 缺少 “name” 或写法不对：应为 {zh: …, en: …}',
      '提示：改正文件：找到的问题都已列出',
    ],
  ],
  [
    'a policy’s value and source mistyped',
    onPolicy('value-source'),
    [
      ': dibao.standard.urban 的取值中没有键 “valu”（是不是 “value”？）；应为 from, value, source, clause, estimate, range, exact, note 之一',
      ': 参数 dibao.standard.urban：缺少 “value”',
      ': 参数 dibao.payment.mode：没有来源 “gx-2020-32”（是不是 “gx-2020-23”？）；文件中的来源是 gx-2020-23, gx-2024-34, ',
    ],
  ],
  [
    'a scenario’s changes and values mistyped',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, 'changes.yaml')],
    [
      'changes.yaml:5:3: 没有参数 “dibao.standard.urbn”（是不是 “dibao.standard.urban”？）',
      'changes.yaml:6:33: 参数 tekun.basic.multiplier：应为不小于 0 的数（× S），至多六位小数，收到的是“abc”',
      'changes.yaml:7:41: dibao.standard.rural 的改动：“from” 应为日期 YYYY-MM-DD，收到的是“2025-13-01”（没有 13 月）',
      'changes.yaml:7:31: 参数 dibao.standard.rural：应为不小于 0 的元数（元/人/月），至多两位小数，收到的是“-5”',
      'changes.yaml:8:26: dibao.standard.urban 的改动中没有键 “sett”（是不是 “set”？）；应为 set, scale, add, at_least, at_most, same_as, values, from 之一',
      'changes.yaml:8:25: dibao.standard.urban 的改动：缺少操作：应为 set（设为）、scale（乘以）、add（加上）、at_least（不低于）、at_most（不高于）、same_as（与另一参数相同）、values（按日期给出各值） 之一',
      'changes.yaml:9:26: 参数 tekun.minor_age：应为 0 到 130 的整数（岁），收到的是“200”',
      'changes.yaml:10:26: low_income.multiplier 的改动：只能给一个操作，不能同时给 set 和 scale',
      'changes.yaml:11:35: 参数 dibao.supplement.elderly：至多为 1（S 的比例），收到的是 1.5',
      'changes.yaml:12:20: 参数 rigid.aid：应为 true 或 false，收到的是“maybe”',
      'changes.yaml:13:37: 参数 dibao.employment_deduction：应为不小于 0 的元数（元/月/每位就业人员），至多两位小数，收到的是“1,000”（不要千位分隔符：请写 1000）',
    ],
  ],
  ...(
    [
      'YAML：引号没有闭合（少了结尾的 "）',
      'YAML：一个值里有 ": "，被读成了又一层映射（值里有 ": " 要加引号：title: "…: …"）',
      'YAML：行内映射 {…}要缩进足够，并以 } 结尾',
      'YAML：行内列表 […]要缩进足够，并以 ] 结尾',
      'YAML：同一层的各项必须从同一列开始（缩进要对齐）',
      'slip-5.yaml:6:3: 键 “dibao.standard.urban” 给了两次（第一次在第 5 行）；同一层中每个键只能出现一次',
    ] as const
  ).map(
    (zh, i) =>
      [
        `a YAML slip (${i + 1})`,
        ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, `slip-${i}.yaml`)],
        [zh],
      ] as const,
  ),
  [
    'a policy’s keyboard slips',
    onPolicy('kb-slips'),
    [
      'YAML：冒号后是全角空格（U+3000）：YAML 要用 ":" 加一个半角空格',
      'YAML：缩进中有全角空格（U+3000）：请用半角空格缩进',
      'YAML：“source”的冒号后没有空格：YAML 要用 ":" 加一个空格（source: …）',
      'YAML：键必须写在一行之内（上一行少了空格或引号？）',
      'YAML：此后还有 ',
    ],
  ],
  [
    'a full-width comma in a policy’s {…}',
    onPolicy('kb-comma'),
    [
      'YAML：各项之间是全角逗号“，”（U+FF0C）：YAML 要用半角逗号 ","',
      'YAML：行内的 {…} 或 […] 中不能有多行结构（{…} 中含 ": " 的值要加引号',
    ],
  ],
  ['a line one space short', onPolicy('one-short'), ['YAML：列表项前缺少 “- ”（或缩进不对）']],
  ['an entry outdented', onPolicy('outdented'), ['YAML：列表项 “- …” 的缩进不属于任何键：请与同一列表的其他项对齐']],
  [
    'a policy’s dates and sources',
    onPolicy('dates'),
    [
      '来源 gx-2020-23：date 应为 YYYY-MM-DD，收到的是 2020年11月21日（请写 2020-11-21）',
      '参数 dibao.standard.urban：日期要从早到晚：2016-04-01 排在 2020-01-01 之后',
      '参数 dibao.standard.urban：每个取值都要有 “source”（及 clause 条款）；没有公开文件的，要有 “estimate” 说明估计的依据',
      '参数 min_wage.monthly：日期 2018-02-01 重复（第一次在第 277 行）：一个日期只能有一个取值',
      '参数 min_wage.monthly：“from” 应为日期 YYYY-MM-DD，收到的是“2023-02-30”（2023 年 2 月只有 28 天）',
    ],
  ],
  [
    'a policy without a parameter',
    onPolicy('no-min-wage'),
    ['parameters 中缺少参数 min_wage.monthly（月最低工资标准 monthly minimum wage W: yuan/month, above 0）'],
  ],
  [
    'a standard a digit short',
    onPolicy('digit-short'),
    [
      '2022-04-01 起农村标准 566.67 高于城市标准 81（rural-at-most-urban：农村低保标准不高于城市标准（城乡统一时相等））',
      'dibao.standard.urban 从 790 变为 81（2020-01-01 → 2022-04-01）：少写了一位？（standard-not-halved：',
      '2022-04-01 起月最低工资 min_wage.monthly 1810 是城市低保标准 81 的 22.3 倍（两者都是月额：是填成了年工资，还是多写了一位？）',
      '2023-01-01 起 disability.living.monthly 为每月 122，高于 dibao.standard.urban 81（填成了年额？）',
      '提示：参数规则认定有取值必定有误：请改正（jiuzhu validate --policy 文件 会一一列出）',
    ],
  ],
  [
    'a standard a digit too many',
    onPolicy('digit-more'),
    [
      '2022-04-01 起 dibao.standard.urban 为 8100，不低于月最低工资 min_wage.monthly 1810（两者都是月额：是填成了年额，还是多写了一位？）',
      '2022-04-01 起 medical.premium 为每年 350，低于 0.1 × dibao.standard.urban 8100（保费是每人每年的元数：填成了月额？）',
      '起 rigid.disposable_income.urban 为每年 ',
    ],
  ],
  [
    'a scenario’s operations',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, 'ops.yaml')],
    [
      'ops.yaml:2:8: 标题：应为标题：文字，或 {zh: …, en: …}',
      'tekun.basic.multiplier 的改动：应为不小于 0 的倍数，如 1.1，至多六位小数，收到的是“115%”（百分数：请写 1.15）',
      'dibao.standard.urban 的改动：应为要加上的数，如 50 或 -12.5，至多两位小数（金额以分计），收到的是“10%”（百分数：按比例改动请用 {scale: …}）',
      '（要设为这个值：{set: 2}）',
      'tekun.care.min_wage_share.none 的改动中的键 “set:0.8”：“set”的冒号后没有空格：YAML 要用 ":" 加一个空格（set: 0.8）',
    ],
  ],
  [
    'a scenario without a title',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, 'no-title.yaml')],
    ['2:8: 标题：应为 {zh: …, en: …}（或其中之一）'],
  ],
  [
    'a scenario that gives a value no policy could have',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, 'tenfold.yaml')],
    ['提示：情景给出的值没有哪个政策会有：请改正情景'],
  ],
  [
    'explain without a household',
    ['explain', '--policy', POLICY, '--date', '2025-06-30'],
    ['jiuzhu：请给 --households 文件 和 --household 编号，或 --describe "{城乡: …, 成员: […]}"'],
  ],
  [
    'explain of a household not in the file',
    ['explain', '--policy', POLICY, '--date', '2025-06-30', '--households', SAMPLE, '--household', 'h0001'],
    [`jiuzhu：${SAMPLE} 中没有家庭 “h0001”（是不是 “H0001”？）`, '提示：文件中有 600 户，例如 H0001, H0002, H0003'],
  ],
  [
    'an option that is a setting of the environment',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--threads', '2'],
    ["错误：没有选项 '--threads'：工作线程数在环境变量中设置：JIUZHU_THREADS=2 jiuzhu …（1 即只用一个线程；无论几个线程，总数都相同）"],
  ],
  // (a budget officer's --lang zh run: English beside a 中文 --date error)
  [
    'a year not a year',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--year', '26'],
    ['jiuzhu：--year 应为公历年份（如 2026），收到的是 “26”'],
  ],
  [
    'a workbook to the terminal',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'xlsx'],
    ['jiuzhu：--format xlsx 写出的是工作簿：请用 --out 文件.xlsx 指定写到哪里'],
  ],
  [
    'an output over an input',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'csv', '--out', POLICY],
    [`jiuzhu：--out ${POLICY} 就是政策文件 ${POLICY}：jiuzhu 从不覆盖它读取的文件`, '提示：请为 --out 另取一个文件名'],
  ],
  [
    'an output in a folder that cannot be written in',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'csv', '--out', '/sys/x.csv'],
    ['jiuzhu：--out /sys/x.csv：其文件夹 /sys 不能写入（', '提示：请给 --out 一个可以写入的文件夹中的路径'],
  ],
  [
    'a projection’s rate not a number',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--year', '2026', '--projection', join(dir, 'bad-rate.yaml')],
    ['应为 “yearly”：每年的增长率，大于 -0.5、小于 0.5，至多六位小数，例如 0.035', '提示：改正预测文件'],
  ],
  [
    'a projection that would project nothing',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--year', '2026', '--projection', join(dir, 'late.yaml')],
    [
      `jiuzhu：--projection ${join(dir, 'late.yaml')}：其 base_year 2052 晚于所算的最后一年 2026：什么都不会预测（base_year 写错了吗？）`,
      '提示：base_year 是预测据以增长的最新公布数值的年份（随附的预测为 2025）；或不加 --projection 运行',
    ],
  ],
  [
    'a policy of more problems than are shown',
    ['validate', '--policy', join(dir, 'fresh.yaml')],
    ['  ……另有 ', '提示：改正文件：以上为前 50 处'],
  ],
  // (commander's words as stray-options.ts makes them)
  [
    'an option of another command',
    ['params', '--policy', POLICY, '--households', SAMPLE],
    ["错误：没有选项 '--households'：params 没有这个选项，它是 simulate, "],
  ],
  [
    'an option joined to its value by a full-width space',
    ['simulate', `--policy\u3000${POLICY}`, '--households', SAMPLE],
    [`错误：'--policy\u3000${POLICY}' 用全角空格（U+3000）连接 --policy 和它的取值：请写 --policy ${POLICY}，用半角空格`],
  ],
  [
    'a households file without --households',
    ['simulate', '--policy', POLICY, SAMPLE],
    [`错误：多余的参数 '${SAMPLE}'：simulate 不带参数：住户文件用 --households 文件`],
  ],
  [
    'a year without --year, a word without its option',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '2022', 'x'],
    ["错误：多余的参数 '2022'：simulate 不带参数：年份用 --year YYYY，多个年份用 --years YYYY-YYYY"],
  ],
  ['a word without its option', ['params', '--policy', POLICY, 'x'], ["错误：多余的参数 'x'：params 不带参数（选项的取值紧跟在选项之后）"]],
  [
    'an option for an option’s value',
    ['simulate', '--policy', '--households', SAMPLE],
    ["错误：选项 '--policy <file>' 的取值成了另一个选项 --households：请给 --policy 写上取值（以 -- 开头的文件名写作 ./--households）"],
  ],
  [
    'a scenario without its reason',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, 'no-reason.yaml')],
    ['no-reason.yaml:1:1: 缺少键 “reason”', '提示：改正情景文件：其中的改动都没有采用'],
  ],
  [
    'a scenario’s full-width colon',
    ['simulate', '--policy', POLICY, '--households', SAMPLE, '--scenario', join(dir, 'colon.yaml')],
    [
      '“dibao.standard.urban”后是全角冒号“：”（U+FF1A）：YAML 要用半角冒号 ":" 加一个空格（dibao.standard.urban: {set: …}）',
      '提示：改正情景文件：其中的改动都没有采用',
    ],
  ],
];

describe('errors in 中文', () => {
  const english = new Map<string, string>();
  for (const [what, args, zh] of RUNS)
    it(`${what}: --lang zh says it in 中文, with the same exit code`, () => {
      const en = jiuzhu([...args]);
      english.set(what, en.stderr);
      const r = jiuzhu([args[0]!, '--lang', 'zh', ...args.slice(1)]);
      expect(r.code).toBe(en.code);
      expect(en.code).toBeGreaterThan(1);
      for (const line of zh) expect(r.stderr).toContain(line);
      expect(r.stderr).toBe(zhErrors(en.stderr)); // (the same message, said again)
    });

  it('past 50 problems, as the one place that says errors says them', () => {
    let said = '';
    const problems = Array.from({ length: 60 }, (_, i) => ({
      where: { file: 'h.csv', line: i + 2 },
      message: 'column age: "x" is not valid: expected a whole number of years from 0 to 130',
    }));
    const ctx = { ...processContext(), stderr: zhOut({ write: (s: string) => (said += s) }) };
    report(ctx, new InputError(problems, 'fix the households file and run again'), false);
    expect(said).toContain('jiuzhu：输入有误（60 处）：\n  h.csv:2: 列 age：“x”无效，应为 0 到 130 的整数周岁\n');
    expect(said).toContain('\n  ……另有 10 处（先改正以上各处）\n提示：改正住户文件后再运行\n');
  });

  it('from a Chinese locale without --lang, and not under --lang en there; 中文 and cn are zh', () => {
    const args = ['simulate', '--policy', POLICY, '--households', join(dir, 'bad-age.csv')];
    expect(jiuzhu(args, { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('输入有误');
    expect(jiuzhu([...args, '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('invalid input');
    expect(jiuzhu([...args, '--lang=中文']).stderr).toContain('输入有误');
    expect(jiuzhu([...args, '--lang', 'cn']).stderr).toContain('输入有误');
    expect(jiuzhu(args).stderr).toContain('invalid input (1 problem):');
  });

  it('says the commonest notes in 中文 too: the date taken, a file read as GB18030, a workbook’s sheet', () => {
    const r = jiuzhu([
      'simulate',
      '--lang',
      'zh',
      '--policy',
      POLICY,
      '--households',
      'test/fixtures/workbooks/openpyxl-roll.xlsx',
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const n = jiuzhu(['simulate', '--lang', 'zh', '--policy', POLICY, '--households', 'test/fixtures/workbooks/openpyxl-roll.xlsx']);
    english.set('notes', jiuzhu(['simulate', '--policy', POLICY, '--households', 'test/fixtures/workbooks/openpyxl-roll.xlsx']).stderr);
    expect(n.stderr).toContain('注：没有给 --date：按今天 ');
    expect(n.stderr).toContain('注：test/fixtures/workbooks/openpyxl-roll.xlsx 读取的是工作表 “低保名册”，不是其他工作表（"备注"）');
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from([...Buffer.from('household_id,person_id,age,area\nH1,H1-1,40,'), 0xb3, 0xc7, 0xd5, 0xf2, 0x0a]));
    english.set('gbk', jiuzhu(['simulate', '--policy', POLICY, '--households', gbk, '--date', '2025-06-30']).stderr);
    expect(jiuzhu(['simulate', '--lang', 'zh', '--policy', POLICY, '--households', gbk, '--date', '2025-06-30']).stderr).toContain(
      `注：${gbk} 按 GB18030 读取（不是 UTF-8；可用 --encoding utf-8|gb18030 指定）`,
    );
  });

  // (parameter errors point to validate, which refused --lang zh: a county officer's trial)
  it('validate --lang zh lists the findings in 中文: each rule’s words, the commonest messages', () => {
    const args = ['validate', '--policy', join(dir, 'digit-short.yaml')];
    const en = jiuzhu(args);
    english.set('validate', en.stderr);
    const zh = jiuzhu([...args, '--lang', 'zh']);
    expect([en.code, zh.code]).toEqual([1, 1]);
    expect(zh.stderr).toBe('jiuzhu：7 处参数规则错误\n');
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toBe(`${join(dir, 'digit-short.yaml')}：7 处问题`);
    expect(lines[1]).toMatch(
      /^ {2}\S+:139:11: 错误 rural-at-most-urban：2022-04-01 起农村标准 566\.67 高于城市标准 81 {2}— 农村低保标准不高于城市标准（城乡统一时相等）$/,
    );
    expect(jiuzhu(['validate', '--lang', 'zh', '--policy', POLICY]).stdout).toBe(
      `${POLICY}：有效：每条参数规则都满足；自 2020-11-21 起可以运行（每个参数自那天起都有取值）\n`,
    );
  });

  // (a warning: the run goes on, exit 0 — a county officer's rising standard was told in English only)
  it('says a parameter rule’s warning in 中文, the run going on', () => {
    const args = ['simulate', '--policy', join(dir, 'fast-rise.yaml'), '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json'];
    const en = jiuzhu(args);
    english.set('warning', en.stderr);
    const zh = jiuzhu([...args, '--lang', 'zh']);
    expect([en.code, zh.code]).toEqual([0, 0]);
    expect(en.stderr).toContain('warning: ');
    expect(zh.stderr).toMatch(
      /^警告：.*fast-rise\.yaml:\d+:\d+: dibao\.standard\.urban 从 790 变为 1100（2020-01-01 → 2022-04-01）：每年 × 1\.\d+（standard-yearly-change：标准每年的变化在 0\.95–1\.15 倍之间（相邻两个取值之间）；jiuzhu validate 会一一列出）$/m,
    );
  });

  it('leaves a message it does not know in English, its prefix too', () => {
    expect(zhErrors('jiuzhu: something new happened\nhint: try again')).toBe('jiuzhu: something new happened\nhint: try again');
  });
  // (a CI author's trial: "the expectation of dibao中没有键", its case unnamed, the hint in English)
  it('a case file’s unknown key, with its case, and the hints, in 中文 from the locale', () => {
    const cases = join(dir, 'cases.yaml');
    const household = '    household: {area: urban, persons: [{age: 40}]}\n';
    writeFileSync(
      cases,
      `policy: ${resolve(POLICY)}\ndate: 2022-07-01\ncases:\n  - name: typo\n${household}    expect: {dibao: {amout: 810}}\n  - name: right\n${household}    expect: {dibao: {amount: 810}}\n`,
    );
    const broken = join(dir, 'broken-cases.yaml');
    writeFileSync(broken, 'cases: [\n');
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    for (const [files, said] of [
      [[cases], '提示：改正该案例；其余 1 个案例已运行（见上）'],
      [[cases, broken], '提示：改正以上案例文件、案例及其所引用的文件；其余 1 个案例已运行（见上）'],
    ] as const) {
      const [en, r] = [jiuzhu(['test', ...files]), jiuzhu(['test', ...files], zh)];
      english.set(`cases ${files.length}`, en.stderr);
      expect([en.code, r.code]).toEqual([3, 3]);
      expect(r.stderr).toContain(
        `${cases}:6:22: 案例 “typo”：dibao 的预期中没有键 “amout”（是不是 “amount”？）；应为 amount, persons, flag 之一\n`,
      );
      expect(r.stderr).toContain(`\n${said}\n`);
      expect(r.stderr).toBe(zhErrors(en.stderr));
    }
  });

  // A clerk's register of one row per household, headed 人数: each family ran as one person, a note only
  it('a column of a household’s size is a warning of its own, in 中文 too', () => {
    const file = join(dir, 'one-row-per-household.csv');
    writeFileSync(file, '户编号,个人编号,年龄,城乡,工资收入,人数\nH001,p1,40,农村,2000,4\nH002,p2,40,农村,0,1\n');
    const args = ['simulate', '--policy', POLICY, '--households', file, '--date', '2024-12-31'];
    const [en, zh] = [jiuzhu(args), jiuzhu([...args, '--lang', 'zh'])];
    english.set('size', en.stderr);
    expect([en.code, zh.code]).toEqual([0, 0]);
    expect(en.stderr).toContain(
      `warning: ${file}: column "人数" gives a household's size, which jiuzhu does not read: it counts a household's persons by its rows, one row per person (household_id the same on each). A file of one row per household is read as households of one person each\n`,
    );
    expect(zh.stderr).toContain(
      `警告：${file}：列 “人数” 是家庭人口数，jiuzhu 不读它：家庭人口按行数计，每人一行（同户各行的家庭编号相同）。`,
    );
    // (a column of its own, not a size: no warning)
    writeFileSync(file, '户编号,个人编号,年龄,城乡,工资收入,人数备注\nH001,p1,40,农村,2000,x\n');
    expect(jiuzhu(args).stderr).not.toContain("gives a household's size");
  });

  // A clerk's --lang zh run said these in English: what every row was then read as
  it('the notes of a file’s columns and empty cells in 中文: those it lacks, does not read, or leaves empty', () => {
    const file = join(dir, 'lacking.csv');
    writeFileSync(file, 'household_id,person_id,age,area,wage_income,weight,,备注\nH1,a,40,urban,,1,,x\nH2,b,40,urban,100,1,,y\n');
    const lacking = join(dir, 'lacking-only.csv');
    writeFileSync(lacking, 'household_id,person_id,age,area,wage_income\nH1,a,40,urban,0\n');
    for (const [f, lines] of [
      [
        file,
        [
          `注：${file}：jiuzhu 不读名为 "备注" 的列，也不读没有列名的列（第 7 列）：不计入任何数字；文件没有 other_income、disability_grade、`,
          '：每行各取默认值；因此无人获残疾人两项补贴（第 10–11 步要求 disability_grade 不小于 1）、无人为特困（第 1 步要求 has_capable_supporter 为 0）、',
          `注：${file}：1 个空单元格按该列默认值读取：wage_income 1 个（按 0）——空单元格读作“无”，不是“未知”（请填上已知的，或不计入该户）\n`,
        ],
      ],
      [
        lacking,
        [
          `注：${lacking}：文件没有 other_income、financial_assets、weight：每行 other_income 取 0、financial_assets 取 0、weight 取 1；也没有 disability_grade、`,
        ],
      ],
    ] as const) {
      const args = ['simulate', '--policy', POLICY, '--households', f, '--date', '2024-12-31'];
      const [en, zh] = [jiuzhu(args), jiuzhu([...args, '--lang', 'zh'])];
      english.set(f, en.stderr);
      expect([en.code, zh.code]).toEqual([0, 0]);
      for (const line of lines) expect(zh.stderr).toContain(line);
      // (the file's notes said again; the policy's own notes are made in 中文 where they are made)
      for (const line of en.stderr.split('\n').filter((l) => l.startsWith(`note: ${f}:`))) expect(zh.stderr).toContain(zhErrors(line));
      expect(zh.stderr).not.toMatch(/every row takes|left out of every figure|empty cells? read as/);
    }
  });

  it('Ctrl-C while an output is written over a file: said in 中文 too (the signal handler wrote English)', async () => {
    const out = join(dir, 'kept.csv');
    const stopped = async (LANG: string) => {
      writeFileSync(out, 'kept\n');
      const args = ['bin/jiuzhu.js', 'generate', '--policy', POLICY, '--households', '50000000', '--out', out];
      const child = spawn(process.execPath, args, { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const writing = () => readdirSync(dir).some((f) => f.startsWith('.kept.csv.'));
      for (let i = 0; i < 200 && !writing(); i++) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGINT');
      expect(await new Promise<number | null>((r) => child.on('close', r))).toBe(130);
      expect(readFileSync(out, 'utf8')).toBe('kept\n');
      return stderr;
    };
    const en = await stopped('C.UTF-8');
    english.set('SIGINT', en);
    expect(en).toContain(`jiuzhu: stopped by SIGINT: not written: ${out} (the file there is as it was)\n`);
    const zh = await stopped('zh_CN.UTF-8'); // (generate has no --lang: the locale's)
    expect(zh).toContain(`jiuzhu：被 SIGINT 中止：未写出 ${out}（原有的文件保持原样）\n`);
  });

  it('every rule of the catalogue is met by one of these runs’ English', () => {
    const lines = [...english.values()].flatMap((s) => s.split('\n'));
    const unmet = RULES.filter(([re]) => !lines.some((l) => new RegExp(re.source).test(l.replace(/^(jiuzhu|hint|error|note): /, ''))));
    // (an internal error's two lines: below, and test/cli/bundle.test.ts forces one)
    expect(unmet.map(([re]) => re.source)).toEqual([RULES[2]![0].source, RULES[3]![0].source]);
    expect(zhErrors('jiuzhu: internal error: x')).toBe('jiuzhu：内部错误：x');
  });
});
