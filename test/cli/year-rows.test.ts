// simulate --year --per-household: each household's budget year, a row per run (core/year-rows.ts), hand-worked, and
// the rows weighted and added are the year's totals (a county officer could defend a household's 2027 amount only by
// running a one-household file).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const PRJ = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];

const dir = () => mkdtempSync(join(tmpdir(), 'jiuzhu-year-rows-'));
/** The rows as records (no field of these files is quoted). */
const rows = (file: string): Array<Record<string, string>> => {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
};

// A: an urban adult with no income, off the register. B: an urban adult on dibao at 300.00 (on_dibao 1), earning 1,000
// a month, above Nanning's S (810 urban, from 2022-04-01; nanning-2022).
const households = (d: string) => {
  const file = join(d, 'ab.csv');
  writeFileSync(
    file,
    'household_id,person_id,age,area,wage_income,other_income,on_dibao,prior_dibao,weight\n' +
      'A,A-1,40,urban,0,0,0,0,1\nB,B-1,40,urban,1000,0,1,300,1\n',
  );
  return file;
};

describe('simulate --year --per-household: a row per household and run of the budget year', () => {
  it('2025 by hand: dibao 12 × S, the gradual exit in the months it is paid, the premium subsidies (DOMAIN steps 3, 7, 10)', () => {
    const d = dir();
    const out = join(d, 'rows.csv');
    const r = jiuzhu(['simulate', ...NANNING, '--households', households(d), '--year', '2025', '--per-household', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}: each household's year, a row per run and year`);
    const [a, b] = rows(out);
    // A: dibao S × n − I = 810.00 every month (step 3, gap mode): 12 × 810.00 = 9,720.00; a dibao member's premium
    // subsidy, medical.fixed.dibao 280 a year (step 10); the year 10,000.00
    expect(a).toMatchObject({ household_id: 'A', scenario: 'baseline', year: '2025', persons: '1', dibao_months: '12', dibao: '9720.00' });
    expect(a).toMatchObject({ medical_premium_months: '12', medical_premium: '280.00', gradual_exit: '0.00' });
    // persons × months: Σ weight × it ÷ 12 is the totals' persons (the average month's)
    expect(a).toMatchObject({ dibao_person_months: '12', medical_premium_person_months: '12', tekun_person_months: '0' });
    expect(a).toMatchObject({ year_total: '10000.00', eligible_year_total: '10000.00' });
    // B: I 1,000 ≥ S 810 and a wage: leaves dibao in January with its gradual exit (000（四）), its prior 300.00 kept for
    // dibao.gradual_exit.months = 3 months: 900.00 — one exit, not one per period; a dibao-edge family all year
    // (1,000 < 2 × 810, 001（一）) whose premium subsidy is medical.fixed.low_income, 150 (from 2024-10-31)
    expect(b).toMatchObject({ dibao_months: '0', dibao: '0.00', gradual_exit_months: '3', gradual_exit: '900.00' });
    expect(b).toMatchObject({ low_income_months: '12', medical_premium: '150.00', year_total: '1050.00', eligible_year_total: '1050.00' });
  });

  it('2027 projected: the standard raised in April counts 3 months old and 9 new; the rows are the totals', () => {
    // S 810 grown 4 % a year from 1 April: 842.40 from April 2026, 876.10 from April 2027: 3 × 842.40 + 9 × 876.10
    const d = dir();
    const out = join(d, 'rows.csv');
    const r = jiuzhu(['simulate', ...NANNING, ...PRJ, '--households', households(d), '--year', '2027', '--per-household', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(out)[0]).toMatchObject({ dibao_months: '12', dibao: '10412.10', year_total: '10692.10', weight: '1' });
    // the weight is the year's: a population growing 1.5 % a year from 2025 weighs A 1.030225 in 2027 (1.015² = 1.030225)
    const grown = join(d, 'grown.yaml');
    writeFileSync(
      grown,
      readFileSync('scenarios/projections/guangxi-nanning-4pct.yaml', 'utf8').replace(
        /^population: \{yearly: 0,/m,
        'population: {yearly: 0.015,',
      ),
    );
    const g = jiuzhu([
      'simulate',
      ...NANNING,
      '--projection',
      grown,
      '--households',
      households(d),
      '--year',
      '2027',
      '--per-household',
      out,
    ]);
    expect(g.code, g.stderr).toBe(0);
    expect(rows(out).map((x) => x.weight)).toEqual(['1.030225', '1.030225']);
  });

  it('a premium that changes inside the year counts months ÷ 12 of each: rounded to the fen in the row, and said', () => {
    // medical.fixed.dibao 280 to 281 from June: 5 × 280 + 7 × 281 = 3,367 twelfths of a year: 280.5833… → 280.58;
    // the year 9,720.00 + 280.5833… = 10,000.58 (and its eligible year): 3 amounts rounded. The totals add them exact:
    // A's 280.5833… + B's 150.00 = 430.58
    const d = dir();
    const sc = join(d, 'june.yaml');
    writeFileSync(
      sc,
      "scenario: june\ntitle: {zh: 六月, en: June}\nreason: test\nchanges:\n  medical.fixed.dibao: {set: 281, from: '2025-06-01'}\n",
    );
    const out = join(d, 'rows.csv');
    const args = ['simulate', ...NANNING, '--households', households(d), '--year', '2025', '--scenario', sc, '--per-household', out];
    const r = jiuzhu([...args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const june = rows(out).filter((x) => x.scenario === 'june');
    expect(june[0]).toMatchObject({ household_id: 'A', medical_premium: '280.58', year_total: '10000.58' });
    const note = '3 amounts in the rows are rounded to the fen';
    expect(r.stderr).toContain(note);
    expect(JSON.parse(r.stdout).notes).toContainEqual(expect.stringContaining(note));
    expect(JSON.parse(r.stdout).scenarios[1].programs.medical_premium.annual_cost).toBe('430.58');
    expect(rows(out).map((x) => `${x.household_id} ${x.scenario}`)).toEqual(['A baseline', 'A june', 'B baseline', 'B june']);
    // weighted, the rows' sum is the totals' less the shares of a fen: A at weight 1,000 writes 280.58 for 280.5833…,
    // 1,000 × −0.00333… = −3.33 yuan in the premium, the year and the eligible year (the totals: 280,733.33 + 150.00)
    const heavy = join(d, 'heavy.csv');
    writeFileSync(heavy, readFileSync(households(d), 'utf8').replace('A,A-1,40,urban,0,0,0,0,1', 'A,A-1,40,urban,0,0,0,0,1000'));
    const w = jiuzhu([
      'simulate',
      ...NANNING,
      '--households',
      heavy,
      '--year',
      '2025',
      '--scenario',
      sc,
      '--per-household',
      out,
      '--format',
      'json',
    ]);
    expect(JSON.parse(w.stdout).scenarios[1].programs.medical_premium.annual_cost).toBe('280733.33');
    expect(w.stderr).toContain(
      'the rows, weighted, differ from the totals by (yuan) medical_premium -3.33, year_total -3.33, eligible_year_total -3.33',
    );
  });

  it("the sample, weighted and added, is each program's year in the totals, baseline and scenario (exits and all)", () => {
    // (to the fen: the sample's weights have decimals, so the sum is rounded as the totals are)
    const d = dir();
    const out = join(d, 'rows.csv');
    const args = [
      'simulate',
      ...NANNING,
      ...PRJ,
      '--households',
      SAMPLE,
      '--year',
      '2027',
      '--scenario',
      'scenarios/tekun-basic-1.6x.yaml',
    ];
    const r = jiuzhu([...args, '--per-household', out, '--format', 'json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...lines] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
    const w = head!.split(',').indexOf('weight');
    const weights = new Map(lines.map((l) => l.split(',')).map((f) => [f[0]!, f[w]!]));
    // Σ weight × yuan in exact integers: the weight to 6 places × fen
    const toInt = (s: string, places: number) => {
      const [i, f = ''] = s.split('.');
      return BigInt(i! + f.padEnd(places, '0').slice(0, places));
    };
    const sums = new Map<string, bigint>();
    for (const row of rows(out)) {
      // each row's weight, its last column, is the file's (the projection's population grows 0 % a year): the rows are
      // weighed without the households file
      expect(toInt(row.weight!, 6), row.household_id).toBe(toInt(weights.get(row.household_id!)!, 6));
      for (const [k, v] of Object.entries(row)) {
        if (
          ['household_id', 'scenario', 'year', 'persons', 'weight'].includes(k) ||
          (k.endsWith('_months') && !k.endsWith('_person_months'))
        )
          continue;
        const key = `${row.scenario} ${k}`;
        const places = k.endsWith('_person_months') ? 0 : 2;
        sums.set(key, (sums.get(key) ?? 0n) + toInt(row.weight!, 6) * toInt(v, places));
      }
    }
    const yuan = (x: bigint) => {
      const fen = (x + 500_000n) / 1_000_000n; // (half up: never negative)
      return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    };
    const json = JSON.parse(r.stdout);
    let checked = 0;
    for (const s of json.scenarios)
      for (const [p, v] of Object.entries(s.programs as Record<string, { annual_cost: string }>)) {
        if (!sums.has(`${s.id} ${p}`)) continue;
        expect(yuan(sums.get(`${s.id} ${p}`)!), `${s.id} ${p}`).toBe(v.annual_cost);
        checked++;
      }
    expect(checked).toBe(20); // (10 programs with money, 2 runs)
    // persons: Σ weight × person-months ÷ 12 is the average month's, the totals' (to the JSON's last decimal)
    let persons = 0;
    for (const s of json.scenarios)
      for (const [p, v] of Object.entries(s.programs as Record<string, { persons: string }>)) {
        const pm = sums.get(`${s.id} ${p}_person_months`);
        if (pm === undefined) continue;
        const decimals = v.persons.split('.')[1]?.length ?? 0;
        const scaled = toInt(v.persons, decimals) * 12n * 1_000_000n; // (the JSON's figure × 12 in weight-millionths)
        const mine = pm * 10n ** BigInt(decimals);
        expect(mine - scaled <= 6_000_000n && scaled - mine <= 6_000_000n, `${s.id} ${p} persons`).toBe(true);
        persons++;
      }
    expect(persons).toBe(14); // (7 programs count persons, 2 runs)
    expect(yuan(sums.get('baseline gradual_exit')!)).not.toBe('0.00');
    expect(yuan(sums.get('tekun-basic-1.6x year_total')!)).toBe(json.scenarios[1].total_annual_cost);
  });

  it('--years: a row per household, run and year, each year the one --year gives (2028 after 2027 run first)', () => {
    // 2028 alone runs 2026–2027 first (burn-in.ts); the window runs 2026 first and reports 2027: the same register, so
    // the same rows for 2028 — and 2027's are --year 2027's
    const d = dir();
    const args = ['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--quiet'];
    const [win, y27, y28] = [join(d, 'w.csv'), join(d, '27.csv'), join(d, '28.csv')];
    expect(jiuzhu([...args, '--years', '2027-2028', '--per-household', win]).code).toBe(0);
    expect(jiuzhu([...args, '--year', '2027', '--per-household', y27]).code).toBe(0);
    expect(jiuzhu([...args, '--year', '2028', '--per-household', y28]).code).toBe(0);
    const [head, ...lines] = readFileSync(win, 'utf8').trimEnd().split('\n');
    const body = (f: string) => readFileSync(f, 'utf8').trimEnd().split('\n').slice(1);
    expect(head).toBe(readFileSync(y27, 'utf8').split('\n')[0]);
    // the years in turn, each year's rows household by household, the baseline then the scenario
    expect(lines).toEqual([...body(y27), ...body(y28)]);
    expect(lines).toHaveLength(2 * 2 * 600);
    expect(rows(win).filter((x) => x.year === '2028' && x.scenario === 'baseline')).toHaveLength(600);
  });

  it('the same rows on one thread or two; --ranges and --stream are refused beside it, and an error leaves no file', () => {
    const d = dir();
    const args = ['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--year', '2028', '--quiet'];
    const threads = { JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0', JIUZHU_PARALLEL_FROM_BYTES: '0' };
    const [one, two] = [join(d, '1.csv'), join(d, '2.csv')];
    expect(jiuzhu([...args, '--per-household', one], { env: { ...threads, JIUZHU_THREADS: '1' } }).code).toBe(0);
    expect(jiuzhu([...args, '--per-household', two], { env: { ...threads, JIUZHU_THREADS: '2' } }).code).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const refused = (extra: string[]) => jiuzhu([...args, '--per-household', join(d, 'x.csv'), ...extra]);
    expect(refused(['--ranges']).stderr).toContain('--ranges does not go with --per-household');
    expect(refused(['--stream']).stderr).toContain('--stream works with one --date');
    expect(existsSync(join(d, 'x.csv'))).toBe(false);
    // a household file with a bad row: the error, and no rows file (nor a leftover)
    const bad = join(d, 'bad.csv');
    writeFileSync(bad, 'household_id,person_id,age,area\nA,A-1,forty,urban\n');
    const r = jiuzhu(['simulate', ...NANNING, '--households', bad, '--year', '2025', '--per-household', join(d, 'y.csv')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('age');
    expect(existsSync(join(d, 'y.csv'))).toBe(false);
  });
});
