// compare --lang zh and sensitivity --lang zh (or a Chinese locale): the sentences of the table and Markdown in Chinese
// — a researcher's trial under zh_CN read every line around the bilingual labels in English (winners and losers, the
// flows, the splits, the tornado's heads, each estimate by its code name alone). The figures, the labels and the JSON and
// CSV contracts are the same whatever the language.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLE, succeeds } from '../helpers/cli.js';
import { displayWidth } from '../../src/report/text-table.js';

const TWO = ['--policy', 'policies/guangxi-nanning.yaml', '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE];
const AT = ['--date', '2025-06-30'];
const EDGE = ['--scenario', 'scenarios/low-income-1.5x.yaml'];
const PRJ = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];
const run = succeeds;
/** The rows of figures (a label, then numbers): what no language changes. */
const figures = (t: string) => t.split('\n').filter((l) => /^(\S.*|\| .*)\s[\d,.<−+%()户| ]+\|?$/.test(l) && /\d/.test(l));
const grouped = (x: string) => Math.round(Number(x)).toLocaleString('en');
const money = (x: string) => Number(x).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// English sentences the Chinese outputs must not carry (the labels, bilingual, aside)
const ENGLISH = [
  /households \(/,
  /of which new entrants/,
  /flows between layers/,
  /nobody moves/,
  /by area/,
  /average change per household/,
  /who pays/,
  /range of the total/,
  /rests on estimated parameters/,
  /parts are rounded/,
  /changes no parameter/,
  /one household file runs/,
  /note:/i,
];

describe('compare --lang zh', () => {
  it('at a date with --ranges: every sentence in Chinese, the winners’ counts and sums the JSON’s, the same figures', () => {
    const args = ['compare', ...TWO, ...AT, ...EDGE, '--ranges', '--unit', 'wan'];
    const zh = run([...args, '--lang', 'zh']);
    const en = run([...args, '--lang', 'en']);
    const j = JSON.parse(run(['compare', ...TWO, ...AT, ...EDGE, '--format', 'json']).stdout);
    const s = j.localities[0].scenarios[1];
    const c = s.winners_losers;
    const wan = (x: string) => money(String(Number(x) / 10_000));
    expect(zh.stdout).toContain(`${SAMPLE}：600 户（加权 179,341 户），1,697 人（加权 506,535 人） —— 2025-06-30\n`);
    expect(zh.stdout).toContain('  Δ：较本地区基线的年度支出变化；认定类项目为户数（户）\n');
    // Nanning's 1.5× edge line: no winner (its sum 0.00, unsigned: "−0.00" was a researcher's catch), 9,168 losers
    expect(c.gainers.households).toBe('0');
    expect(zh.stdout).toContain(
      `  受益 0 户 0 人（0.00 万元/年），其中新进入 0 户；受损 ${grouped(c.losers.households)} 户 ${grouped(c.losers.persons)} 人（−${wan(c.losers.amount)} 万元/年），其中退出 ${grouped(c.exits.households)} 户、仅因申请率 0 户；不变 ${grouped(c.unchanged.households)} 户\n`,
    );
    expect(zh.stdout).toContain('  层级间流动，按资格（无论是否申请享受；加权人数，取整；行：基线，列：方案）：\n');
    expect(zh.stdout).toContain(`  按城乡（万元/年）：城镇 −${wan(s.by_area.urban.delta_annual_cost.slice(1))} · 农村 −`);
    expect(zh.stdout).toContain('  按人均收入十等分组（D1 最低）的户均变化（元/年）：D1 0 · ');
    expect(zh.stdout).toMatch(/^ {2}分级负担（万元），low-income-1\.5x：中央 [\d,.]+ · 省级 [\d,.]+ · 市县 [\d,.]+（较基线 −/m);
    expect(zh.stdout).toMatch(
      /^ {2}合计区间（万元），low-income-1\.5x：[\d,.]+ – [\d,.]+（现行 \d+ 项估计中有 \d+ 项影响合计）；较基线区间 /m,
    );
    expect(zh.stdout).toContain('  （取各次运行的最低与最高：');
    expect(zh.stdout).toMatch(/^\* 标 \* 的项目用了估计参数（共 35 项）：人均金融资产上限（月数），/m);
    // Fuliang's edge line is 1.5× already: nobody moves
    expect(zh.stdout).toContain('  无人在层级间移动\n');
    expect(zh.stdout).toContain(
      '分项数因四舍五入，与合计可能略有出入；较基线之差与区间幅度按未舍入的数计算，各级负担之差按各级分摊额（到分）计算（三级之差之和与总差可能相差一分）\n',
    );
    for (const e of ENGLISH) expect(zh.stdout, String(e)).not.toMatch(e);
    expect(figures(zh.stdout)).toEqual(figures(en.stdout));
    expect(figures(zh.stdout).length).toBeGreaterThanOrEqual(39); // three tables of 13 rows
    // the notes on stderr: the stale standard, the scenario that changes nothing in Fuliang, the one household file
    expect(zh.stderr).toContain('注：policies/guangxi-nanning.yaml 中最新的低保标准');
    expect(zh.stderr).toContain('注：方案 low-income-1.5x（jiangxi-fuliang）在 2025-06-30 不改变任何参数');
    expect(zh.stderr).toContain('注：同一家庭文件按各地区的规则分别运行');
    for (const e of ENGLISH) expect(zh.stderr, String(e)).not.toMatch(e);
    // the English: the losers' sum with its unit, and no "+0.00" / "−0.00" on a sum of nothing
    expect(en.stdout).toContain(
      `  winners 受益 0 households, 0 persons (0.00 万元 10k yuan/year), of which new entrants 0; losers 受损 ${grouped(c.losers.households)}, ${grouped(c.losers.persons)} persons (−${wan(c.losers.amount)} 万元 10k yuan/year)`,
    );
    expect(en.stdout).toContain('losers 受损 0, 0 persons (0.00 万元 10k yuan/year)');
    expect(en.stdout).not.toMatch(/[+−]0\.00 万元/);
  });

  it('a file written is said in Chinese, and that it replaced one (it said "wrote FILE (2 KB)" under zh_CN)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-wrote-')), 'cmp.md');
    const args = ['compare', ...TWO, ...AT, '--format', 'markdown', '--out', out, '--lang', 'zh'];
    expect(run(args).stderr).toMatch(new RegExp(`^已写入 ${out}（\\d+ KB）$`, 'm'));
    expect(run(args).stderr).toMatch(new RegExp(`^已写入 ${out}（\\d+ KB），替换了原有的文件$`, 'm'));
    expect(run([...args.slice(0, -2), '--lang', 'en']).stderr).toMatch(
      new RegExp(`^wrote ${out} \\(\\d+ KB\\), replacing the file that was there$`, 'm'),
    );
  });

  it('a workbook under --lang zh: said written in Chinese, its notes and details in Chinese, as the Markdown (a county clerk’s were English)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-wrote-')), 'cmp.xlsx');
    const args = ['compare', ...TWO.slice(0, 2), '--households', SAMPLE, '--year', '2027', ...PRJ, '--format', 'xlsx', '--out', out];
    const zh = run([...args, '--lang', 'zh']);
    expect(zh.stderr).toMatch(new RegExp(`^已写入 ${out}（\\d+ KB）$`, 'm'));
    const about = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const rows: string[][] = [];
      wb.getWorksheet('说明 About')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
      return rows;
    };
    const rows = await about();
    const notes = rows.filter(([k]) => k === '注意 note').map(([, v]) => v!);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n, n).toMatch(/^注：|^警告：/);
    expect(rows.find(([k]) => k === '明细 details')![1]).toMatch(/^受益受损、分组：每户全年与其基线全年比较/);
    // what the year was grown by, as simulate's workbook says it (a clerk's compare never said what 2027 assumed)
    expect(rows.find(([k]) => k === '预测 projection')![1]).toMatch(
      /^预测 guangxi-nanning-4pct（scenarios\/projections\/guangxi-nanning-4pct\.yaml）：自 2025 年起/,
    );
    // and English where it is asked for
    run([...args, '--lang', 'en']);
    const en = await about();
    expect(en.filter(([k]) => k === '注意 note').every(([, v]) => !/^注：/.test(v!))).toBe(true);
    expect(en.find(([k]) => k === '预测 projection')![1]).toMatch(/^projection guangxi-nanning-4pct \(/);
  });

  it('Markdown: the flows table under its Chinese bullet, the estimates by their 中文 names', () => {
    const md = run(['compare', ...TWO, ...AT, ...EDGE, '--format', 'markdown', '--lang', 'zh']).stdout.split('\n');
    expect(md).toContain('家庭：`policies/samples/households.csv`。');
    const at = md.indexOf('- 层级间流动，按资格（无论是否申请享受；加权人数，取整；行：基线，列：方案）：');
    expect(at).toBeGreaterThan(0);
    expect(md[at + 2]).toMatch(/^\| baseline \\ scenario 基线 \\ 方案 \| 特困 tekun \|/);
    expect(md.join('\n')).toMatch(/^\\\* 标 \\\* 的项目用了估计参数：人均金融资产上限（月数）（`dibao\.assets\.limit_months`），/m);
    for (const e of ENGLISH) expect(md.join('\n'), String(e)).not.toMatch(e);
  });

  it('a budget year: its line in Chinese; the locale chooses when --lang is not given; JSON and CSV the same bytes', () => {
    const zh = run(['compare', ...TWO, '--year', '2025', ...EDGE], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toContain(`${SAMPLE}：600 户（加权 179,341 户），1,697 人（加权 506,535 人） —— 2025 预算年度\n`);
    expect(zh.stdout).toContain('  预算年度：支出为全年，户数、人数为各月平均；受益受损及按城乡、收入分组按每户全年所得与基线全年所得比较');
    expect(zh.stdout).toMatch(/^ {2}受益 [\d,.]+ 户 [\d,.]+ 人（/m); // (the year's winners, in Chinese too)
    for (const format of ['json', 'csv']) {
      const args = ['compare', ...TWO, ...AT, ...EDGE, '--format', format];
      const en = run([...args, '--lang', 'en']).stdout;
      expect(run([...args, '--lang', 'zh']).stdout).toBe(en);
      expect(run(args, { LANG: 'zh_CN.UTF-8' }).stdout).toBe(en);
    }
  });
});

describe('compare --lang zh: the rarer notes', () => {
  it('a joint corner the ranges leave out, and a scenario that moves caseloads alone, said in Chinese', () => {
    // Fuliang unified (urban = rural): the ends where rural exceeds urban are left out (the rule rural-at-most-urban)
    const unify = run([
      'compare',
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--households',
      SAMPLE,
      ...AT,
      '--scenario',
      'scenarios/unify-rural-urban.yaml',
      '--ranges',
      '--format',
      'markdown',
      '--lang',
      'zh',
    ]);
    expect(unify.stdout).toMatch(
      /^> 注：区间：略去 \d+ 个联合端点组合：这些估计同时取端点时违反本政策的规则 rural-at-most-urban（jiuzhu validate），政策不可能处于这种状态$/m,
    );
    expect(unify.stdout).toMatch(
      /^_分项数因四舍五入，与合计可能略有出入；较基线之差与区间幅度按未舍入的数计算，各级负担之差按各级分摊额（到分）计算（三级之差之和与总差可能相差一分）。_$/m,
    );
    // Fuliang's 2× edge line moves low-income caseloads and no cost (its edge members' premium subsidy is 0 at the estimate)
    const edge = run(['compare', ...TWO, ...AT, '--scenario', 'scenarios/low-income-2x.yaml', '--format', 'markdown', '--lang', 'zh']);
    expect(edge.stdout).toMatch(
      /^> 注：方案 low-income-2x（jiangxi-fuliang）在 2025-06-30 不改变支出，只改变认定户数（低保边缘 low-income 15,731 → 27,087 户）：/m,
    );
    expect(edge.stdout).toMatch(/^> 注：方案 low-income-2x（guangxi-nanning）在 2025-06-30 不改变任何参数/m);
    for (const e of ENGLISH) expect(unify.stdout + edge.stdout, String(e)).not.toMatch(e);
    // the English keeps its words, the locality after the date
    const en = run(['compare', ...TWO, ...AT, '--scenario', 'scenarios/low-income-2x.yaml', '--format', 'markdown']).stdout;
    expect(en).toMatch(
      /^> Note: scenario low-income-2x changes no cost at 2025-06-30 in jiangxi-fuliang, but caseloads \(低保边缘 low-income 15,731 → 27,087 households\)/m,
    );
  });
});

describe('sensitivity --lang zh', () => {
  const NANNING = ['sensitivity', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, ...AT];
  const TEKUN = ['--scenario', 'scenarios/tekun-basic-1.6x.yaml'];

  it('the tornado: its heads, each estimate by its 中文 name then its code, the scenario’s Δ and the draws in Chinese', () => {
    const zh = run([...NANNING, ...TEKUN, '--draws', '20', '--lang', 'zh']);
    const en = run([...NANNING, ...TEKUN, '--draws', '20', '--lang', 'en']);
    const t = zh.stdout;
    expect(t).toContain('sensitivity 敏感性分析 — 广西壮族自治区·南宁市，2025-06-30\n');
    expect(t).toContain(`${SAMPLE}；金额单位：元/年\n`);
    // the same sums as the English lines
    const central = /total under the central values: ([\d,.]+)/.exec(en.stdout)![1];
    expect(t).toContain(`各项估计取中心值时的合计：${central}\n`);
    // (those that do not, named: the funding shares as one, then each — take-up, on a file without draws)
    expect(t).toMatch(
      /^现行估计共 35 项：21 项影响合计（按摆幅排列如下），14 项不影响：\n {2}6 项分担比例（只分谁出）、低保金发放方式（差额\/分档）（dibao\.payment\.mode）、/m,
    );
    expect(t).toMatch(/^ {4}特困申请（认定）率（take_up\.tekun）$/m);
    expect(t).toMatch(/^ 1\. 人均金融资产上限（月数） dibao\.assets\.limit_months {2}24; 12 → 36$/m);
    expect(t).toMatch(/^\d+\. 金额取整方式 rounding {2}fen（可选 fen\|yuan_up\|yuan_nearest）$/m);
    expect(t).toContain('    条形：取低端 / 高端时合计的变化（左减少，右增加）\n');
    expect(t).toMatch(/^tekun-basic-1\.6x：各项估计取中心值时较基线 \+55,960,795\.20$/m);
    expect(t).toContain('    特困基本生活标准（低保标准倍数） tekun.basic.multiplier：0 … +55,960,795.20\n');
    expect(t).toContain('全部估计同时在其区间内均匀抽样 20 次（种子 1），年度支出的百分位数\n');
    expect(t).toMatch(/^ {4}各项估计取中心值时的合计（[\d,.]+）：\d+% 的抽样结果支出更高/m);
    // at 80 columns, as the English (the draws' lines aside, as there)
    for (const line of t.split('\n').filter((l) => !/p5 |抽样/.test(l))) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(t).toContain('各项依据与区间：jiuzhu params --format table；全部数字：--format json\n');
    for (const e of [/total under/, /estimates in force/, /bars:/, /Δ against the baseline/, /draws of every/, /bases and ranges/])
      expect(t, String(e)).not.toMatch(e);
    // every money figure of the English, in the same order
    const sums = (x: string) => x.match(/[−+±]?\d[\d,]*\.\d\d/g);
    expect(sums(t)).toEqual(sums(en.stdout));
    for (const format of ['json', 'csv']) {
      const args = [...NANNING, ...TEKUN, '--format', format];
      const en = run([...args, '--lang', 'en']).stdout;
      expect(run([...args, '--lang', 'zh']).stdout).toBe(en);
      expect(run(args, { LANG: 'zh_CN.UTF-8' }).stdout).toBe(en);
    }
  });

  it('the workbook keeps its English sentences under a Chinese locale (its notes too: the rest of it is not translated)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-sens-lang-'));
    const book = async (env: Record<string, string>, name: string) => {
      const out = join(dir, name);
      run([...NANNING, '--format', 'xlsx', '--out', out], env);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const cells: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
      return cells;
    };
    const [zh, en] = [await book({ LANG: 'zh_CN.UTF-8' }, 'zh.xlsx'), await book({}, 'en.xlsx')];
    expect(zh.some((c) => c.includes('the newest dibao standards'))).toBe(true);
    expect(zh.some((c) => c.startsWith('注：'))).toBe(false);
    expect(zh.filter((c) => !/^\d{4}-\d\d-\d\dT|generated|sha256|[0-9a-f]{64}|^jiuzhu sensitivity /.test(c))).toEqual(
      en.filter((c) => !/^\d{4}-\d\d-\d\dT|generated|sha256|[0-9a-f]{64}|^jiuzhu sensitivity /.test(c)),
    );
  });

  it('Markdown: bilingual headers with their unit; an estimate with nothing to vary shows no ends', () => {
    const md = run([
      'sensitivity',
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--households',
      SAMPLE,
      ...AT,
      '--format',
      'markdown',
    ]).stdout;
    expect(md).toContain(
      '| estimate 估计 | central 中心估计 | low 低端 | high 高端 | total at low 低端合计 (yuan 元) | total at high 高端合计 (yuan 元) | swing 摆幅 (yuan 元) | basis 依据 |',
    );
    // Fuliang's minimum wage took effect in 2021-04-02 … 2024-04-01: at 2025-06-30 it is 1740 whichever — its central
    // date, and no ends (they read "2024-04-01 | 2024-04-01" as two values: a researcher's trial)
    expect(md).toMatch(/^\| `min_wage\.monthly` \| 2024-04-01 \| — \| — \| [\d,.]+ \| [\d,.]+ \| 0\.00 \|/m);
    // one that varies keeps its ends
    expect(md).toMatch(/^\| `dibao\.assets\.limit_months` \| 24 \| 12 \| 36 \|/m);
    const zh = run(['sensitivity', '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, ...AT, '--format', 'markdown'], {
      LANG: 'zh_CN.UTF-8',
    }).stdout;
    expect(zh).toContain('### jiuzhu sensitivity — 江西省·景德镇市·浮梁县 Jiangxi / Fuliang county，2025-06-30\n');
    expect(zh).toMatch(/^各项估计取中心值时的合计（元）：\*\*[\d,.]+\*\*；区间（取各次运行的最低与最高：/m);
    expect(zh).toMatch(/^\| 人均金融资产上限（月数） `dibao\.assets\.limit_months` \| 24 \| 12 \| 36 \|/m);
  });

  it('the workbook: an estimate with nothing to vary shows no ends either (its central date twice read as two values)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-sens-ends-')), 'fuliang.xlsx');
    run(['sensitivity', '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, ...AT, '--format', 'xlsx', '--out', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('估计值 Estimates')!;
    const byPath = new Map(ws.getRows(2, ws.rowCount - 1)!.map((r) => [r.getCell(2).value, [3, 4, 5, 6].map((c) => r.getCell(c).value)]));
    expect(byPath.get('min_wage.monthly')).toEqual(['start_date', '2024-04-01', '—', '—']);
    expect(byPath.get('dibao.assets.limit_months')).toEqual(['value', 24, 12, 36]);
  });
});
