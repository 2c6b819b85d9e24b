// A projected year seen in params and explain (--projection): the values grown to the date's year, the household's
// incomes grown with them — hand-worked on Nanning's 4 % projection.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const PRJ_FILE = 'scenarios/projections/guangxi-nanning-4pct.yaml';
/** simulate --year 2027 under Nanning's projection, on a households file. */
const year2027 = (file: string, ...more: string[]) =>
  jiuzhu(['simulate', ...NANNING, '--households', file, '--year', '2027', '--projection', PRJ_FILE, ...more]);

/** explain --projection of household `id` of `file` at `date`, as JSON (exit 0). */
const explained = (file: string, id: string, date: string) => {
  const args = ['--households', file, '--household', id, '--date', date, '--projection', PRJ_FILE, '--format', 'json'];
  const r = jiuzhu(['explain', ...NANNING, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('a projected year in params and explain', () => {
  it("params --projection: a grown standard, its range the value at the rate's ends (842.72–1083.97: 2 % from 810, 6 % from the held 964.73)", () => {
    // S 810 grown 4 % from April 2026: 842.40, 876.10 (from April 2027); at 2 % 826.20, 842.72; at 6 % from the high of
    // 810 held 2023–2025 (964.73: three raises at 6 %, core/projection.ts heldEntry) 1022.61, 1083.97 (1022.6138, 1083.9666)
    const args = ['params', ...NANNING, '--projection', PRJ_FILE, '--date', '2027-06-30'];
    const table = jiuzhu([...args, '--quiet']);
    expect(table.code, table.stderr).toBe(0);
    const urban = table.stdout.split('\n').find((l) => l.startsWith('dibao.standard.urban'))!;
    expect(urban).toContain('876.1');
    expect(urban).toContain('842.72–1083.97 (its range grown at +2%…+6% a year)');
    // the JSON (path → value) at the date, grown; before April, 2026's
    expect(JSON.parse(jiuzhu([...args, '--format', 'json', '--quiet']).stdout)['dibao.standard.urban']).toBe('876.1');
    const march = jiuzhu(['params', ...NANNING, '--projection', PRJ_FILE, '--date', '2027-03-31', '--format', 'json', '--quiet']);
    expect(JSON.parse(march.stdout)['dibao.standard.urban']).toBe('842.4');
    // a grown estimate with a range of its own: its ends grown at the rate's (the premium 400, range 400–430, at 0–5 %:
    // 430 × 1.05³ = 497.77875 → 497.78 by 2028; the living subsidy 122–135 at 0–3.5 %: 135 × 1.035³ = 149.68)
    const y2028 = jiuzhu(['params', ...NANNING, '--projection', PRJ_FILE, '--date', '2028-06-30', '--quiet']).stdout.split('\n');
    const row = (path: string) => y2028.find((l) => l.startsWith(`${path} `))!;
    expect(row('medical.premium')).toContain('400–497.78 (its range grown at 0%…+5% a year)');
    expect(row('disability.living.monthly')).toContain('122–149.68 (its range grown at 0%…+3.5% a year)');
    // what a projected year says (the standards taken as unchanged to its base year), as simulate says it
    expect(jiuzhu(args).stderr).toContain('note: projection guangxi-nanning-4pct grows from base_year 2025');
  });

  it('params --lang zh: the table’s own words in Chinese (a county clerk read ESTIMATE, RANGE and "none to vary"); JSON as before', () => {
    const zh = jiuzhu(['params', ...NANNING, '--projection', PRJ_FILE, '--date', '2027-06-30', '--quiet', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(0);
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toBe('广西壮族自治区·南宁市 Guangxi / Nanning — 2027-06-30 现行参数');
    const row = (path: string) => lines.find((l) => l.startsWith(`${path} `))!;
    expect(row('dibao.standard.urban')).toContain('842.72–1083.97（其区间按每年 +2%…+6%增长）');
    expect(row('dibao.standard.urban')).toContain('预测 guangxi-nanning-4pct；估计：');
    expect(row('dibao.payment.mode')).toMatch(/gap \* +无可变动 .*无区间：/);
    expect(row('dibao.standard.urban')).not.toMatch(/ESTIMATE|RANGE:/);
    expect(zh.stdout).toMatch(/^\* \d+ 项参数中 \d+ 项为估计值（依据与区间见上；各项对支出的影响：jiuzhu sensitivity）$/m);
    // the environment's language as the default, as every command has it; JSON the contract's, whatever the language
    expect(jiuzhu(['params', ...NANNING, '--date', '2025-06-30', '--quiet'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain(
      '现行参数',
    );
    const json = (lang: string) =>
      jiuzhu(['params', ...NANNING, '--date', '2025-06-30', '--format', 'json', '--quiet', '--lang', lang]).stdout;
    expect(json('zh')).toBe(json('en'));
  });

  it('explain --projection: the household as simulate --year has it in June 2027 (its wage and the standard grown)', () => {
    // An urban adult earning 500 a month, on dibao. Its wage grows 5 % a year from the projection's base_year 2025:
    // 500 × 1.05² = 551.25; S in June 2027 876.10 (above). Dibao makes up the difference (DOMAIN step 5): 876.10 − 551.25
    // = 324.85 a month. With --incomes-year 2026 the wage is 2026's grown once: 525.00, dibao 351.10.
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-explain-')), 'a.csv');
    writeFileSync(file, 'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight\nA,A-1,40,urban,500,1,310.00,1\n');
    const args = ['explain', ...NANNING, '--households', file, '--household', 'A', '--date', '2027-06-30', '--projection', PRJ_FILE];
    const explain = (more: readonly string[]) => {
      const r = jiuzhu([...args, ...more, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      return { json: JSON.parse(r.stdout), stderr: r.stderr };
    };
    const { json, stderr } = explain([]);
    expect(json.result.dibao).toBe('324.85');
    // the JSON names the projection, as simulate's does; the text says it under its heading
    expect([json.projection.id, json.projection.incomes.from]).toEqual(['guangxi-nanning-4pct', 2025]);
    expect(jiuzhu([...args, '--brief', '--quiet']).stdout.split('\n')[1]).toBe(
      "projected by guangxi-nanning-4pct: the policy grown to 2027, the household's incomes from 2025, its register (on dibao) as simulate --year has it at the date",
    );
    expect(explain(['--incomes-year', '2026']).json.result.dibao).toBe('351.10');
    // its register in January 2027 as simulate --year has it after running 2026: on dibao at 842.40 − 525.00 = 317.40
    expect(json.notes).toContainEqual(
      expect.stringContaining(
        "the household's register in January 2027 is as simulate --year 2027 has it after running 2026 first: on dibao (317.40 a month) (the file: on dibao (310.00 a month))",
      ),
    );
    expect(stderr).toContain('note: projection guangxi-nanning-4pct grows from base_year 2025');
    // --incomes-year without --projection: refused, as simulate refuses it
    const alone = jiuzhu(['explain', ...NANNING, '--households', file, '--household', 'A', '--incomes-year', '2026']);
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('--incomes-year goes with --projection')]);
  });

  it('explain --projection follows the register simulate --year has: a household that left dibao in 2026 has no exit in 2027', () => {
    // On dibao in the file (2025) at 300.00, wage 830: in 2026 its wage is 871.50, above S (810, then 842.40), and it
    // leaves in January 2026 with its exit; in June 2027, 915.08 against 876.10, it is off dibao and its exit long paid.
    // Read from the file's register, explain paid it 300.00 × 3 months again in 2027, which simulate --year does not.
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-explain-')), 'b.csv');
    writeFileSync(file, 'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight\nB,B-1,40,urban,830,1,300.00,1\n');
    const json = explained(file, 'B', '2027-06-30');
    expect([json.result.gradual_exit, json.result.dibao]).toEqual(['0.00', '0.00']);
    expect(json.notes).toContainEqual(expect.stringContaining('after running 2026 first: off dibao (the file: on dibao (300.00 a month))'));
    const year = year2027(file, '--format', 'json', '-q');
    expect(JSON.parse(year.stdout).scenarios[0].programs.gradual_exit.annual_cost).toBe('0.00');
  });

  it("explain --projection of a date inside the year: the register the year's earlier months leave, as the year's row has it", () => {
    // On dibao in the file (2025) at 40.00, wage 800, grown 5 % a year: 840.00 in 2026, off dibao in January–March 2026
    // (S 810) and back on from April (S 842.40: 2.40 a month); 882.00 in 2027, above S (842.40, then 876.10): it leaves
    // in January 2027 and its exit keeps 2.40 for 3 months (000（四）; the row: gradual_exit_months 3, 7.20). In June it is
    // off the register: no exit then — explain read January's register and paid it 2.40 × 3 again (an auditor's check).
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-explain-')), 'c.csv');
    writeFileSync(file, 'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight\nC,C-1,40,urban,800,1,40.00,1\n');
    const at = (date: string) => explained(file, 'C', date);
    expect([at('2027-02-15').result.gradual_exit, at('2027-02-15').result.gradual_exit_months]).toEqual(['2.40', 3]);
    const june = at('2027-06-15');
    expect([june.result.gradual_exit, june.result.dibao]).toEqual(['0.00', '0.00']);
    expect(june.notes).toContainEqual(
      expect.stringContaining(
        "at 2027-06-15 the household's register is as simulate --year 2027 leaves it after the year's earlier months: off dibao (in January: on dibao (2.40 a month))",
      ),
    );
    const rows = join(mkdtempSync(join(tmpdir(), 'jiuzhu-rows-')), 'r.csv');
    expect(year2027(file, '--per-household', rows, '-q').code).toBe(0);
    const [head, row] = readFileSync(rows, 'utf8').trim().split('\n');
    const c = Object.fromEntries(head!.split(',').map((k, i) => [k, row!.split(',')[i]]));
    expect([c.gradual_exit_months, c.gradual_exit, c.dibao_months]).toEqual(['3', '7.20', '0']);
  });

  it("--incomes-year other than a generated population's profile year is said (a typo moved a budget 5–55 %, unsaid)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-incomes-'));
    const file = join(dir, 'g.csv');
    expect(jiuzhu(['generate', ...NANNING, '--households', '50', '--seed', '3', '--out', file, '--quiet']).code).toBe(0);
    const said =
      'note: --incomes-year 2021 is given, but a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022: they are grown from 2021 (1 year too many)';
    const year = year2027(file, '--incomes-year', '2021');
    expect(year.stderr).toContain(said);
    expect(year2027(file, '--incomes-year', '2022').stderr).not.toContain('--incomes-year 2022 is given');
    // explain says the incomes' year as simulate does: none given, the profile's named
    const explain = jiuzhu([
      'explain',
      ...NANNING,
      '--households',
      file,
      '--household',
      'G000001',
      '--date',
      '2027-06-30',
      '--projection',
      PRJ_FILE,
      '--brief',
    ]);
    expect(explain.stderr).toContain('for it, give --incomes-year 2022');
  });
});
