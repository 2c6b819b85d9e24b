// simulate --lang zh (or a Chinese locale): the sentences of the table, Markdown and workbook in Chinese — a 科长's
// trial read every note under the budget year's table in English, the one that explains the gradual exit's fall among
// them. The figures, the bilingual labels and the JSON and CSV contracts are the same whatever the language.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { underTables } from '../helpers/markdown.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE];
const REFORM = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'];
const simulate = (args: string[], env?: Record<string, string>) => {
  const r = jiuzhu(['simulate', ...NANNING, ...args], { env });
  expect(r.code, r.stderr).toBe(0);
  return r;
};
/** The table's rows of figures (a label, then numbers): what no language changes. */
const figures = (t: string) => t.split('\n').filter((l) => /^\S.*\s[\d,.<−+%() ]+$/.test(l) && /\d/.test(l));

// English sentences the Chinese table must not carry (the labels, bilingual, aside)
const ENGLISH = [
  /households \(/,
  /takes its programs up|what is received/,
  /rests on estimated parameters/,
  /each estimate's basis/,
  /budget year \d{4}:/,
  /no parameter changes/,
  /range of the total/,
  /estimates in force move it/,
  /funding shares that are estimates/,
  /the gradual exit in \d{4} is chiefly/,
];

describe('simulate --lang zh', () => {
  it('at a date: the households line, take-up, estimates and who pays’s footnote in Chinese; the same figures', () => {
    const zh = simulate(['--date', '2025-06-30', ...REFORM, '--lang', 'zh']);
    const en = simulate(['--date', '2025-06-30', ...REFORM, '--lang', 'en']);
    // the sample: 600 rows, 179,341.46 weighted (the English line's figures)
    expect(en.stdout).toContain('policies/samples/households.csv: 600 households (179,341 weighted), 1,697 persons (506,535 weighted)\n');
    expect(zh.stdout).toContain('policies/samples/households.csv：600 户（加权 179,341 户），1,697 人（加权 506,535 人）\n');
    expect(zh.stdout).toContain('  符合条件的家庭全部享受（应保尽保）：每户的 take_up_draw（文件无此列时取 0）都低于各项申请率\n');
    // (each by its 中文 name, as params names it)
    expect(zh.stdout).toMatch(/^\* 标 \* 的项目用了估计参数（共 35 项）：人均金融资产上限（月数），低保金发放方式（差额\/分档），/m);
    expect(zh.stdout).not.toMatch(/dibao\.assets\.limit_months/);
    expect(zh.stdout).toContain('\n  各项估计的依据：jiuzhu params --format table\n');
    expect(zh.stdout).toMatch(
      /^\* 各级区间：支出取中心值（加 --ranges 则支出也变动），按 6 项估计的分担比例分别取高、低两端（影响相加）拆分到各级；各级分别计算，三级两端相加不等于合计区间/m,
    );
    for (const e of ENGLISH) expect(zh.stdout, String(e)).not.toMatch(e);
    expect(figures(zh.stdout)).toEqual(figures(en.stdout));
    expect(figures(zh.stdout).length).toBeGreaterThan(30);
    // the policy's stale standard, on stderr, in Chinese too
    expect(zh.stderr).toContain(
      '注：policies/guangxi-nanning.yaml 中最新的低保标准（城市 810，2022-04-01 起；农村 566.67，2022-04-01 起）距 2025-06-30 已超过 3 年，按原值沿用',
    );
  });

  it('a budget year with --ranges: its periods, the ranges and the first year’s exit note in Chinese', () => {
    const zh = simulate(['--year', '2025', ...REFORM, '--ranges', '--lang', 'zh', '--unit', '万元']);
    const en = simulate(['--year', '2025', ...REFORM, '--ranges', '--lang', 'en', '--unit', '万元']);
    expect(zh.stdout.split('\n')[0]).toBe('广西壮族自治区·南宁市 Guangxi / Nanning — 2025 预算年度（户数、人数为各月平均；支出为全年）');
    // the sample's exits paid January–March (6 months of gradual exit from a date in the file: DOMAIN step 7)
    expect(zh.stdout).toContain(
      '2025 预算年度分为 2 个时段（同一时段内各月参数相同；低保渐退按其月份支付）——2025-01 至 2025-03（3 个月），2025-04 至 2025-12（9 个月）\n',
    );
    expect(zh.stdout).toContain('年内参数无变化；分段仅因低保渐退只在其月份支付\n');
    expect(zh.stdout).toMatch(/^ {2}合计区间（万元）：[\d,.]+ – [\d,.]+（合计位于区间的 \d+% 处）$/m);
    expect(zh.stdout).toMatch(/^ {2}较基线区间（万元）：\+[\d,.]+ – \+[\d,.]+$/m);
    for (const e of ENGLISH) expect(zh.stdout, String(e)).not.toMatch(e);
    expect(figures(zh.stdout)).toEqual(figures(en.stdout));
    expect(zh.stderr).toMatch(/^注：2025 年的低保渐退主要是文件登记在保（on_dibao 1）而收入已超过标准的家庭/m);
    expect(en.stderr).toMatch(/^note: the gradual exit in 2025 is chiefly/m);
  });

  it('the year’s parameter changes: each by its 中文 name before its code (a county clerk read `min_wage.monthly` alone)', () => {
    const args = ['--year', '2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '-q'];
    // (the minimum wage 1990 of 2023-11 held to 2025, then +3 % a year: 2049.70 in 2026, 2111.19 from 2027-01-01)
    expect(simulate([...args, '--lang', 'zh']).stdout).toContain(
      '年内参数变化（含 1 月 1 日）：2027-01-01 月最低工资标准（min_wage.monthly） 2049.7 → 2111.19；',
    );
    expect(simulate([...args, '--lang', 'en']).stdout).toContain(
      'changes on 1 January and inside the year: 2027-01-01 min_wage.monthly 2049.7 → 2111.19; ',
    );
  });

  it('Markdown: its sentences in Chinese, every table still ending at a blank line', () => {
    const md = simulate(['--year', '2025', ...REFORM, '--lang', 'zh', '--format', 'markdown', '-q']).stdout;
    expect(md).toContain('\n共 600 户（加权 179,341 户）、1,697 人（加权 506,535 人），来自 `policies/samples/households.csv`。\n');
    expect(md).toMatch(/^\\\* 标 \\\* 的项目用了估计参数：人均金融资产上限（月数）（`dibao\.assets\.limit_months`）/m);
    expect(md).toMatch(/^> 注：2025 年的低保渐退主要是/m);
    for (const e of ENGLISH) expect(md, String(e)).not.toMatch(e);
    expect(underTables(md)).toEqual([]);
  });

  it('a Chinese locale chooses it, --lang en keeps English; JSON and CSV are the same in any language', () => {
    const args = ['--date', '2025-06-30', ...REFORM, '-q'];
    const zhEnv = { LANG: 'zh_CN.UTF-8' };
    expect(simulate(args, zhEnv).stdout).toBe(simulate([...args, '--lang', 'zh']).stdout);
    expect(simulate([...args, '--lang', 'en'], zhEnv).stdout).toBe(simulate(args).stdout);
    for (const format of ['json', 'csv']) {
      const en = simulate([...args, '--format', format]).stdout;
      expect(simulate([...args, '--format', format, '--lang', 'zh']).stdout, format).toBe(en);
      expect(simulate([...args, '--format', format], zhEnv).stdout, format).toBe(en);
    }
    // (JSON's notes too: the contract's, in English)
    const notes = JSON.parse(simulate([...args, '--format', 'json', '--lang', 'zh']).stdout).notes as string[];
    expect(notes[0]).toMatch(/^policies\/guangxi-nanning\.yaml: the newest dibao standards/);
  });

  // (a review: the note that explains a Δ of 0 stayed English among the Chinese 注 lines)
  it('a scenario that changes nothing: said in Chinese at a date, in a year and over years', () => {
    const same = ['--scenario', 'scenarios/low-income-2x.yaml', '--lang', 'zh'];
    expect(simulate(['--date', '2025-06-30', ...same]).stderr).toContain(
      '注：方案 low-income-2x 在 2025-06-30 不改变任何参数：基线已是这些数值（较基线为 0 是必然的，不是测算结果）\n',
    );
    expect(simulate(['--year', '2025', ...same]).stderr).toContain('注：方案 low-income-2x 在 2025 年不改变任何参数：基线已是这些数值');
    expect(simulate(['--years', '2025-2026', ...same]).stderr).toContain(
      '注：方案 low-income-2x 在 2025–2026 年不改变任何参数：基线已是这些数值',
    );
  });

  it('the workbook’s notes in Chinese', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-lang-')), 'zh.xlsx');
    simulate(['--year', '2025', '--lang', 'zh', '--format', 'xlsx', '--out', out, '-q']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const about = wb.getWorksheet('说明 About')!;
    const notes = about
      .getRows(2, about.rowCount - 1)!
      .filter((r) => r.getCell(1).value === '注意 note')
      .map((r) => String(r.getCell(2).value));
    expect(notes.length).toBe(4); // (stale standards and incomes, the first year's exit, the sample's few households)
    for (const n of notes) expect(n).toMatch(/^注：/);
    expect(notes.some((n) => n.includes('家庭很少'))).toBe(true);
    // (and the Ranges sheet's method: a review found it English)
    const ranged = join(mkdtempSync(join(tmpdir(), 'jiuzhu-lang-')), 'ranges.xlsx');
    simulate(['--date', '2025-06-30', '--ranges', '--lang', 'zh', '--format', 'xlsx', '--out', ranged, '-q']);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.readFile(ranged);
    const cells = rb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []))).map(String);
    expect(cells.some((c) => c.startsWith('取各次运行的最低与最高：每项估计单独取其区间两端'))).toBe(true);
    expect(cells.some((c) => c.includes('the lowest and highest of the runs made'))).toBe(false);
  });

  it('--years with a projection and --ranges: the title, what it ran on, the projection’s words and the notes in Chinese', () => {
    const args = ['--years', '2025-2026', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', ...REFORM, '--ranges'];
    const zh = simulate([...args, '--lang', 'zh', '--unit', '万元']);
    const en = simulate([...args, '--lang', 'en', '--unit', '万元']);
    expect(zh.stdout.split('\n').slice(0, 3)).toEqual([
      '广西壮族自治区·南宁市 Guangxi / Nanning — 2025–2026 年度 中期财政规划',
      '政策 policies/guangxi-nanning.yaml；家庭 policies/samples/households.csv',
      '预测 guangxi-nanning-4pct（scenarios/projections/guangxi-nanning-4pct.yaml）：自 2025 年起，每年——',
    ]);
    // the standards +4 % from 1 April (the projection's own basis, its file's English, after it)
    expect(zh.stdout).toMatch(/^ {2}城市低保标准等 dibao\.standard\. \+4% 每年 4 月 1 日起（区间 \+2%～\+6%）（估计：/m);
    expect(zh.stdout).toMatch(/^ {2}月最低工资标准 min_wage\.monthly \+3%（区间 0%～\+5%）/m);
    expect(zh.stdout).toMatch(/^ {2}增长的列：wage_income（收入，每年 \+[\d.]+%）/m);
    expect(zh.stdout).not.toMatch(/\((source|estimate): |parts are rounded|incomes, /);
    expect(zh.stdout).toMatch(
      /^† 影响合计的估计：2025 年现行 \d+ 项估计中有 \d+ 项，2026 年现行 \d+ 项估计（参数 \d+ 项、预测增速 5 项）中有 \d+ 项；/m,
    );
    expect(zh.stdout).toContain('‡ 低保渐退 gradual exit：2025 年的主要是文件登记在保的家庭于 1 月退出');
    expect(zh.stdout).toMatch(/^\* 标 \* 的项目用了估计参数（共 \d+ 项）：/m);
    expect(zh.stdout).toMatch(
      /^\* 各级区间：在为合计区间所做的各次运行中取最低与最高，每次运行的支出按 \d+ 项估计的分担比例分别取高、低两端（影响相加）拆分到各级；各级分别计算，三级两端相加不等于合计区间/m,
    );
    for (const e of [
      ...ENGLISH,
      /budget years/,
      /^policy /m,
      /^projection /m,
      /a year —/,
      /estimates that move the total/,
      /A projected value keeps/,
      /chiefly the file's register/,
    ])
      expect(zh.stdout, String(e)).not.toMatch(e);
    expect(figures(zh.stdout)).toEqual(figures(en.stdout));
    expect(zh.stderr).toMatch(/^注：2025 年的低保渐退主要是/m);
    // the projection's notes: Nanning's standards of 2022 held to its base year 2025; the profile's incomes of 2022
    expect(zh.stderr).toContain(
      '注：预测 guangxi-nanning-4pct 自基年 2025 起增长，但 policies/guangxi-nanning.yaml 中最新的低保标准（城市 810，2022-04-01 起；农村 566.67，2022-04-01 起）更早：2023–2025 年按原值沿用（估计区间：从不提高到每年按最高增速 +6% 提高；--ranges 与 sensitivity 会变动它），然后再增长',
    );
    expect(zh.stderr).toMatch(
      /^警告：预测 guangxi-nanning-4pct 自基年 2025 起增长家庭收入（及同一文件的 rigid_expenditure、emergency_need、financial_assets）；由 policies\/profiles\/guangxi-nanning\.yaml 生成的家庭，其收入是 2022 年的：请给 --incomes-year 2022/m,
    );
    expect(en.stderr).toMatch(/^note: projection guangxi-nanning-4pct grows from base_year 2025, but the newest dibao standards/m);
  });

  it('says plainly where the dibao standards themselves are estimates (Fuliang: the national averages), in either language', () => {
    const fuliang = (lang: string) =>
      jiuzhu([
        'simulate',
        '--policy',
        'policies/jiangxi-fuliang.yaml',
        '--households',
        SAMPLE,
        '--date',
        '2025-06-30',
        '-q',
        '--lang',
        lang,
      ]).stdout;
    expect(fuliang('zh')).toContain(
      '! 低保标准本身是估计值（政策文件中未找到公布值）：城市低保标准 798.1（2025-01-01 起）、农村低保标准 593.9（2025-01-01 起）；各项救助线都按它计算，依据见 jiuzhu params --lang zh',
    );
    expect(fuliang('en')).toContain(
      '! the dibao standards themselves are estimates (no published value in the policy): dibao.standard.urban 798.1',
    );
    // Nanning publishes its standards: nothing said; nor for values a projection grew (its own note says so)
    expect(simulate(['--date', '2025-06-30', '-q']).stdout).not.toContain('standards themselves');
    expect(simulate(['--year', '2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '-q']).stdout).not.toContain(
      'standards themselves',
    );
  });
});
