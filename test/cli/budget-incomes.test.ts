// A budget year without a projection takes the households' incomes as they are. A county officer's population generated
// from Nanning's profile (incomes of 2022) ran --year 2026 at 170,729 万元 where grown to 2026 (--projection …
// --incomes-year 2022) it was 138,701 — and nothing said the incomes were four years older than the standards.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const GROWN = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--incomes-year', '2022'];
const NOTE =
  "warning: the households' incomes are taken as they are in 2026; a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022, not grown to 2026 while the standards are 2026's: for it, give --projection P --incomes-year 2022 (P: scenarios/projections/guangxi-nanning-4pct.yaml)";

describe('a budget year on incomes older than it', () => {
  let file = '';
  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-incomes-')), 'g.csv');
    const made = jiuzhu(['generate', '--policy', NANNING, '--households', '3000', '--seed', '5', '--out', file, '-q']);
    expect(made.code, made.stderr).toBe(0);
  });
  const run = (...more: string[]) => jiuzhu(['simulate', '--policy', NANNING, '--households', file, ...more]);

  it('says so for --year, --years and sensitivity --year, in the JSON notes too; in Chinese under --lang zh', () => {
    const year = run('--year', '2026');
    expect(year.code, year.stderr).toBe(0);
    expect(year.stderr).toContain(NOTE);
    expect(run('--years', '2026-2027').stderr).toContain(NOTE);
    expect(JSON.parse(run('--year', '2026', '--format', 'json', '-q').stdout).notes).toContain(NOTE);
    expect(run('--year', '2026', '--lang', 'zh').stderr).toContain(
      '警告：家庭收入按原样用于 2026 年；由 policies/profiles/guangxi-nanning.yaml 生成的家庭，其收入是 2022 年的，未增长到 2026 年，而标准是 2026 年的：请给 --projection P --incomes-year 2022（P：scenarios/projections/guangxi-nanning-4pct.yaml）',
    );
    const s = jiuzhu(['sensitivity', '--policy', NANNING, '--households', file, '--year', '2026']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toContain(NOTE);
  });

  it('at a later date too, as sensitivity --date says it (a special-assistance officer’s 2024 subsidies, 66 % above 2021’s, went unsaid)', () => {
    const at = run('--date', '2026-06-30', '--format', 'json', '-q');
    expect(at.code, at.stderr).toBe(0);
    const said =
      "warning: the households' incomes are taken as they are at 2026-06-30; a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022, not grown to 2026 while the standards are 2026-06-30's: for it, run the year: --year 2026 --projection P --incomes-year 2022 (P: scenarios/projections/guangxi-nanning-4pct.yaml)";
    expect(JSON.parse(at.stdout).notes).toContain(said);
    expect(run('--date', '2026-06-30').stderr).toContain(said);
    expect(run('--date', '2026-06-30', '--lang', 'zh').stderr).toContain('警告：家庭收入按原样用于 2026-06-30；');
  });

  it('and not where the incomes are grown, the year is the profile’s, or the file is not generated', () => {
    // (the bundled sample's incomes are of no year in particular: its ids are not generate's G000001 …)
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--year', '2026']).stderr).not.toContain('taken as they are');
    const grown = run('--year', '2026', ...GROWN);
    expect(grown.code, grown.stderr).toBe(0);
    expect(grown.stderr).not.toContain('taken as they are');
    // (the standards held while the incomes grow from 2022: said, in Chinese under --lang zh — a county clerk's Markdown
    // had it in English)
    expect(run('--year', '2026', ...GROWN, '--lang', 'zh').stderr).toContain(
      '注：--incomes-year 2022 使家庭收入（及同一文件的 rigid_expenditure、emergency_need、financial_assets）按预测 guangxi-nanning-4pct 的增长率在 2022–2025 年间增长，而 policies/guangxi-nanning.yaml 中没有比 2022 年更新的低保标准（城市 810，2022-04-01 起；农村 566.67，2022-04-01 起）',
    );
    expect(run('--year', '2022').stderr).not.toContain('taken as they are');
    expect(run('--date', '2022-12-31').stderr).not.toContain('taken as they are');
    // (the note's advice moves the figure: grown incomes, fewer eligible)
    const cost = (r: ReturnType<typeof run>) => Number(JSON.parse(r.stdout).scenarios[0].total_annual_cost);
    const asIs = run('--year', '2026', '--format', 'json', '-q');
    const grownJson = run('--year', '2026', ...GROWN, '--format', 'json', '-q');
    expect(cost(grownJson)).not.toBe(cost(asIs));
  });

  // A temporary-assistance officer's trial: the temporary row had no `*`, its cost read as firm as a published
  // standard's, while a generated population's emergencies are drawn at the profile's national figures
  it("says what a generated population's temporary assistance rests on (its profile's targets); not for another file", () => {
    // Nanning's profile: target.temporary_rate 0.0046 (0.46 cases a year per 100 persons), temporary_average 1328
    const said =
      "note: temporary assistance is paid on the households' emergency_need; a population generated from policies/profiles/guangxi-nanning.yaml draws its emergencies from the profile's estimates (0.46 cases a year per 100 persons at 1,328 yuan on average, mca-2023-q3), which no parameter's range moves — jiuzhu generate --report sets them beside their sources";
    expect(run('--date', '2022-12-31').stderr).toContain(said);
    expect(JSON.parse(run('--year', '2022', '--format', 'json', '-q').stdout).notes).toContain(said.replace(/^note: /, ''));
    expect(run('--years', '2022-2023').stderr).toContain(
      `${said}; each year of the window pays such emergencies again (a year's flow of them, not the same households aided twice)`,
    );
    expect(run('--date', '2022-12-31', '--lang', 'zh').stderr).toContain(
      '注：临时救助按家庭的 emergency_need 计算；由 policies/profiles/guangxi-nanning.yaml 生成的家庭，其急难按画像的估计抽取（每年每百人 0.46 件、平均救助 1,328 元，mca-2023-q3）',
    );
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2022-12-31']).stderr).not.toContain(
      'temporary assistance is paid',
    );
  });

  it('an Arrow file jiuzhu import made of the generated CSV is that population: the same two notes (a trial found them gone)', () => {
    const arrow = file.replace(/\.csv$/, '.arrow');
    expect(jiuzhu(['import', file, '--out', arrow, '-q']).code).toBe(0);
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', arrow, '--year', '2026']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(NOTE);
    expect(r.stderr).toContain('a population generated from policies/profiles/guangxi-nanning.yaml draws its emergencies');
    // (the sample imported: not a generated population, no note)
    const sample = join(dirname(file), 'sample.arrow');
    expect(jiuzhu(['import', SAMPLE, '--out', sample, '-q']).code).toBe(0);
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', sample, '--year', '2026']).stderr).not.toContain('generated from');
  });

  it('under a projection whose base_year is not before the years run: the notes name the base_year, not a missing line', () => {
    // (a base_year of 2028 for 2026: the projection grows nothing there — the notes said it grew the incomes from 2028,
    // and told the user to add the standard's uprate line the projection held)
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-future-'));
    const later = join(dir, 'later.yaml');
    writeFileSync(
      later,
      readFileSync('scenarios/projections/guangxi-nanning-4pct.yaml', 'utf8').replace('base_year: 2025', 'base_year: 2028'),
    );
    // (after every year run it would grow nothing: refused — a budget officer's base_year 2052; at the year run, noted)
    expect(run('--year', '2026', '--projection', later).code).toBe(2);
    const year = run('--year', '2028', '--projection', later);
    expect(year.code, year.stderr).toBe(0);
    expect(year.stderr).toContain('carried forward unchanged — projection guangxi-nanning-4pct grows them only after its base_year 2028');
    expect(year.stderr).not.toContain('a line under uprate');
    expect(year.stderr).toContain(
      "note: projection guangxi-nanning-4pct's base_year 2028 is not before 2028: the households' incomes are taken as they are; a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022: for it, give --incomes-year 2022 to grow them to 2028",
    );
    // a window past the base_year grows the incomes from it: the note says so, as before
    const window = run('--years', '2026-2029', '--projection', later);
    expect(window.stderr).not.toContain('is not before');
    expect(window.stderr).toContain("grows the households' incomes");
  });
});
