// jiuzhu cliff end to end: one household's cliff in the contract's JSON shape (issue 17), and each locality's
// generated population — the share facing ≥ 100 % under the baseline and a scenario that changes it, every
// household behind the figure confirmed one by one by the single-household sweep and explained.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { rateText } from '../../src/report/rates-per-household.js';
import { displayWidth } from '../../src/report/text-table.js';
import { jiuzhu, POLICIES } from '../helpers/cli.js';

const DATE = ['--date', '2024-12-31'];
const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
// Nanning 2024-12-31: S urban 810 (000（三）), deduction 0; a couple, one with other income 120.50: S × n = 1620.00,
// dibao ends when wage + 120.50 ≥ 1620.00, at a wage of 1499.50 (000（四）: I < S × n).
const COUPLE = '{area: urban, persons: [{person_id: a, age: 45}, {person_id: b, age: 43, other_income: 120.50}]}';
/** stderr without the policy's stale-standard note (Nanning's 810 of 2022-04-01 is 2+ years old at the date: said, as simulate says it). */
const ownNotes = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => !l.includes('the newest dibao standards'))
    .join('\n');

describe('one household', () => {
  // A journalist's family with 150,000 of medical costs: +2,316.50 at the dibao line read as a wrong number (now +2,349.00:
  // paid the aid, the family keeps the dibao group's 280 premium where the rigid group had 150, rigid.aid_group: 3 × 130 /
  // 12 = 32.50 more). DOMAIN step 4
  // deducts rigid expenditure only for a household not on dibao: its aid, the whole S × n = 2,430 where E ≥ A, begins
  // where dibao (0.01 at 2,429.99) ends; and the default sweep reaches where the aid ends, 44,469 × 3 / 12 = 11,117.25
  // (there it loses the aid, 2,430.00, and the dibao group's premium, 3 × 280 / 12 = 70.00, for 0.01 more wage: −2,499.99)
  it('says why a jump up where rigid aid begins as dibao ends, and sweeps on to where the aid ends', () => {
    const r = jiuzhu([
      ...['cliff', ...NANNING, '--date', '2025-06-30', '-q', '--describe'],
      '{area: urban, rigid_expenditure: 150000, persons: [{age: 45}, {age: 43}, {age: 15}]}',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  at 2,430.00: resources +2,349.00 a month (a jump up: more than the income');
    expect(r.stdout).toContain('(the rules: step 4 deducts rigid expenditure only for a household not on dibao (002 三; DOMAIN step 4)');
    expect(r.stdout).toMatch(/ {2}at 11,117\.25: resources −2,499\.99 a month\n {6}刚性支出救助 rigid-expenditure aid \* −2,430\.00/);
    // and in JSON (it had cliffs only: a researcher scripting from it missed the jump at the dibao line): at 2,430.00
    // the aid's 2,430.00 begins as dibao's 0.01 and the dibao group's premium 70.00 … end, + 0.01 of wage: 2,349.00
    const json = jiuzhu([
      ...['cliff', ...NANNING, '--date', '2025-06-30', '-q', '--format', 'json', '--to', '3000', '--describe'],
      '{area: urban, rigid_expenditure: 150000, persons: [{age: 45}, {age: 43}, {age: 15}]}',
    ]);
    const base = JSON.parse(json.stdout).scenarios[0];
    expect(base.jumps.map((j: { at: string; rise: string }) => [j.at, j.rise])).toEqual([['2430.00', '2349.00']]);
    expect(base.jumps[0].rises).toEqual({ rigid_aid: '2430.00' });
    expect(base.jumps_annual.length).toBeGreaterThan(0);
    // as Markdown, to a file (a journalist could publish a household's cliff only by retyping it): the same events
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-cliff-md-')), 'cliff.md');
    const md = jiuzhu([
      ...['cliff', ...NANNING, '--date', '2025-06-30', '-q', '--format', 'markdown', '--out', out, '--describe'],
      '{area: urban, rigid_expenditure: 150000, persons: [{age: 45}, {age: 43}, {age: 15}]}',
    ]);
    expect([md.code, md.stdout]).toEqual([0, '']);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('#### baseline: 1 cliff, 1 jump up');
    expect(text).toMatch(/^\| 2,430\.00 \| \+2,349\.00 \| 刚性支出救助 rigid-expenditure aid \* \+2,430\.00; .*\(the rules: step 4/m);
    expect(text).toMatch(/^\| 11,117\.25 \| −2,499\.99 \| 刚性支出救助 rigid-expenditure aid \* −2,430\.00;/m);
    expect(text).toMatch(/^\\\* the programs marked rest on estimated parameters \(\d+ of the \d+ in force/m);
    // never over an input
    const over = jiuzhu([
      'cliff',
      ...NANNING,
      '--date',
      '2025-06-30',
      '--format',
      'markdown',
      '--out',
      'policies/guangxi-nanning.yaml',
      '--describe',
      '{area: urban, persons: [{age: 45}]}',
    ]);
    expect(over.code).toBe(2);
  });

  // An economist's trial (Guangzhou 2025-06-30: S urban 1,309, deduction 230, yuan_up): a couple, b severely disabled
  // and unable to work. Single-person dibao (单人户施保) holds while the household's I < 1.5 × 1,309 × 2 = 3,927.00,
  // and the low-income line while I ≤ 3,927.00 (low_income.bound at_or_below, gz §1 以下): a's wage 4,157.00 (3,927 +
  // 230) ends the first, 4,157.01 the second. One grid step of 10 held both, and only the first was told. At 4,157.00 b
  // loses single-person dibao S − 0 = 1,309.00, the severe-disability supplement ⌈0.4 × 1,309 = 523.6⌉ = 524.00 and
  // half of the premium (b from the dibao group's 400 to the low-income group's 200: 200 / 12 = 16.67); at 4,157.01 the
  // disability living subsidy 209.00 and both low-income premiums (2 × 200 / 12 = 33.33). And a yuan lost at each yuan
  // below 2,848.00 (the household's gap, paid in whole yuan) is rounding, no cliff: it had said −0.99 at 2,841.00.
  // Guangzhou 2025: single-person inclusion under DOMAIN's strict ceiling ends at 4157.00 (I < 1.5 × S × n), the
  // low-income line (以下, 003 §1) at 4157.01. A rules audit read 003 §7 (低收入家庭中的……单独纳入) with §1: the two are
  // one line, and Guangzhou's single_person.bound is at_or_below — one cliff at 4157.01, both drops. Under a scenario
  // that sets the strict bound back, the two thresholds a fen apart are still two cliffs, on any grid.
  it('two thresholds a fen apart are two cliffs, on any grid; one line (Guangzhou’s 以下 both) is one cliff', () => {
    const household =
      '{area: urban, persons: [{person_id: a, age: 40}, {person_id: b, age: 38, disability_grade: 1, labor_capacity: none, self_care: partial}]}';
    const strict = join(mkdtempSync(join(tmpdir(), 'jiuzhu-')), 'strict.yaml');
    writeFileSync(
      strict,
      'scenario: strict\ntitle: {zh: 单人户上限不含本数, en: strict ceiling}\nreason: DOMAIN step 5 I < income_ceiling × S × n\nchanges:\n  single_person.bound: {set: below}\n',
    );
    for (const step of [[], ['--step', '1000']]) {
      const r = jiuzhu([
        'cliff',
        '--policy',
        'policies/guangdong-guangzhou.yaml',
        '--date',
        '2025-06-30',
        '-q',
        '--describe',
        household,
        '--scenario',
        strict,
        ...step,
        '--format',
        'json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const [base, below] = JSON.parse(r.stdout).scenarios;
      const told = (c: { at: string; drop: string; drops: Record<string, string> }) => [c.at, c.drop, c.drops];
      expect(below.cliffs.map(told), step.join(' ')).toEqual([
        ['4157.00', '1849.66', { single_person: '1309.00', dibao_supplement: '524.00', medical_premium: '16.67' }],
        ['4157.01', '242.32', { disability_living: '209.00', medical_premium: '33.33' }],
      ]);
      expect(base.cliffs.map(told), step.join(' ')).toEqual([
        [
          '4157.01',
          '2091.99',
          { single_person: '1309.00', dibao_supplement: '524.00', disability_living: '209.00', medical_premium: '50.00' },
        ],
      ]);
    }
  });

  // An economist's trial: Nanning's low-income line was 1.5 × S on 2022-07-01 already; cliff ran low-income-1.5x there
  // and showed Δ 0 with no word (simulate says why), in both modes.
  it('a scenario that changes nothing at the date is said, for one household and for the whole file', () => {
    const note = 'note: scenario low-income-1.5x changes no parameter at 2022-07-01: the baseline already has its values';
    for (const mode of [
      ['--describe', COUPLE],
      ['--households', 'policies/samples/households.csv'],
    ]) {
      const args = ['cliff', ...NANNING, '--date', '2022-07-01', ...mode];
      const r = jiuzhu([...args, '--scenario', 'scenarios/low-income-1.5x.yaml']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.split(note).length - 1, mode[0]).toBe(1);
      expect(jiuzhu([...args, '--scenario', 'scenarios/low-income-2x.yaml']).stderr).not.toContain('changes no parameter');
    }
  });

  // An economist's trial: the CSV had no income or transfer column and no mark of the cliffs (rebuilt by hand), and the
  // chart's rows hid a cliff of 10.83. Nanning 2025-06-30, a single adult, S 810, the premium subsidy 280 (dibao group),
  // 150 (low-income, to 2 × 810): at 810.00 dibao ends and the premium falls to 150 (−10.83); at 1,620.00 it ends (−12.49).
  it('CSV: the household’s own income, the transfers and the cliffs in each step; the chart marks where they are', () => {
    const single = ['cliff', ...NANNING, '--date', '2025-06-30', '-q', '--describe', '{area: urban, persons: [{person_id: a, age: 40}]}'];
    const rows = jiuzhu([...single, '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    const header = rows[0]!.split(',');
    expect(header.slice(-4)).toEqual(['income', 'transfers', 'cliffs', 'jumps']);
    const at = (wage: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r.split(',')[2] === wage)!.split(',')[i]]));
    // 800.00: dibao 10.00 and the premium 280 / 12 = 23.33; 810.00: the premium 150 / 12 = 12.50 alone, a cliff in the step
    expect(at('800.00')).toMatchObject({ resources: '833.33', income: '800.00', transfers: '33.33', cliffs: '0' });
    expect(at('810.00')).toMatchObject({ resources: '822.50', income: '810.00', transfers: '12.50', cliffs: '1', jumps: '0' });
    expect(at('1620.00')).toMatchObject({ resources: '1620.00', transfers: '0.00', cliffs: '1' });
    expect(rows.slice(1).reduce((a, r) => a + Number(r.split(',').at(-2)), 0)).toBe(2);
    // the programs resting on estimates, of those this adult gets somewhere in the sweep (it listed tekun and seven more)
    expect(JSON.parse(jiuzhu([...single, '--format', 'json']).stdout).scenarios[0].uses_estimate).toEqual(['dibao', 'medical_premium']);
    // the chart: ▲ under 810 and 1,620 of 0–3,000 across 56 columns (columns 15 and 30), after the 14 of labels
    const chart = jiuzhu(single).stdout.split('\n');
    const marks = chart.find((l) => l.includes('▲') && !l.includes('a cliff'))!;
    expect([...marks].flatMap((ch, i) => (ch === '▲' ? [i - 14] : []))).toEqual([15, 30]);
    expect(chart).toContain(`${' '.repeat(14)}▲ a cliff, △ a jump up (baseline)`);
  });

  it('JSON: points with resources, programs and marginal rates; the cliff at exactly S × n − 120.50 = 1499.50', () => {
    const r = jiuzhu([
      'cliff',
      ...NANNING,
      ...DATE,
      '--describe',
      COUPLE,
      '--from',
      '1498.50',
      '--to',
      '1500.50',
      '--step',
      '0.50',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.member, out.vary]).toEqual(['a', 'wage_income']);
    const base = out.scenarios[0];
    expect(base.id).toBe('baseline');
    expect(base.points.map((p: { value: string }) => p.value)).toEqual(['1498.50', '1499.00', '1499.50', '1500.00', '1500.50']);
    // under the line: wage + 120.50 + (1620.00 − wage − 120.50) = 1620.00, + the premium subsidy 2 × 280 ÷ 12 = 46.67
    expect(base.points[1]).toMatchObject({ resources: '1666.67', marginal_rate: '1.0000' });
    expect(base.points[1].programs.dibao).toBe('0.50');
    expect(base.cliffs).toHaveLength(1);
    const cliff = base.cliffs[0];
    expect(cliff.at).toBe('1499.50');
    // 1666.67 at 1499.00 → 1499.50 + 120.50 = 1620.00 + the edge premium 2 × 150 ÷ 12 = 25.00 (001（七）, since
    // 2024-10-31): the last 0.50 of dibao and 46.67 − 25.00 = 21.67 of premium, less 0.50 earned
    expect(cliff.drop).toBe('21.67');
    expect(cliff.programs).toEqual(['medical_premium', 'dibao']);
    expect(base.points[2].marginal_rate).toBe(
      D(1)
        .plus(
          D(560 - 300)
            .dividedBy(12)
            .dividedBy(0.5),
        )
        .toFixed(4),
    );
    // the annual view: the premium 560.00 − 300.00, exactly 260.00 − 6.00 + 6.00
    expect(base.cliffs_annual[0]).toMatchObject({ at: '1499.50', drop: '260.00' });
    // at the line to the fen (1499.49 → 1499.50: the grid's 0.50 step searched), the parts add up with the step's own
    // income: 21.67 = 21.67 (premium) + 0.01 (dibao) − 0.01 (the wage's step)
    expect(cliff.drops).toEqual({ medical_premium: '21.67', dibao: '0.01' });
    expect(cliff.rises).toEqual({}); // (always there, {} where nothing rises: a README trial found the key missing)
    expect(cliff.income_step).toBe('0.01');
    // which policy and date (a researcher could not tell three localities' sweeps apart)
    expect([out.policy, out.date]).toEqual([{ id: 'guangxi-nanning', file: 'policies/guangxi-nanning.yaml' }, '2024-12-31']);
  });

  it('the table names the cliff and its programs; the chart and every line read at 80 columns', () => {
    const r = jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', COUPLE, '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml']);
    expect(r.code, r.stderr).toBe(0);
    // at the line itself, S × n − 120.50 = 1499.50, found in the grid's step 1490.00 → 1500.00 (a researcher's cliff was
    // put at the grid's 1,790 for a line at 1,782): 1666.67 at 1499.49 → 1620.00 + 25.00, the edge premium a month
    expect(r.stdout).toContain('at 1,499.50: resources −21.67 a month');
    // (marked as every output marks a program resting on an estimate: a researcher found none marked)
    expect(r.stdout).toMatch(/低保 dibao \* −0\.01/);
    // (the estimates the cliffs' programs rest on, of those in force: it named all 32, funding shares among them — a
    // journalist's trial)
    expect(r.stdout).toMatch(
      /^\* the programs marked rest on estimated parameters \((\d+) of the (\d+) in force;[\s\S]*dibao\.supplement\.minor/m,
    );
    expect(r.stdout).not.toMatch(/funding\.assistance/);
    expect(r.stdout).toContain("      a's wage_income +0.01"); // (the step's own income: the parts add up)
    // under +10 %, the line 2 × 891 − 120.50 = 1661.50, off the grid (1660.00 → 1670.00) too
    expect(r.stdout).toMatch(/dibao-standard-plus-10pct: [\s\S]*at 1,661\.50: resources −/);
    expect(r.stdout).toContain('Guangxi / Nanning (policies/guangxi-nanning.yaml), at 2024-12-31');
    expect(r.stdout).toContain('● baseline  ○ dibao-standard-plus-10pct');
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  // A researcher read "at 2,450.00" before "at 1,650.00": the cliffs were listed, then the jumps up
  it('lists the cliffs and the jumps up in the order of the income', () => {
    const r = jiuzhu([
      ...['cliff', ...NANNING, ...DATE, '--describe'],
      '{area: urban, persons: [{age: 40, wage_income: 1000}, {age: 70, disability_grade: 1}]}',
    ]);
    const at = [...r.stdout.matchAll(/^ {2}at ([\d,.]+): resources ([−+])/gm)].map((m) => [Number(m[1]!.replace(/,/g, '')), m[2]]);
    expect(at).toEqual([
      [1620, '+'],
      [2430, '−'],
      // (the sweep now runs past the low-income line, 2 × 810 × 2 = 3,240, by default: the edge premium subsidy
      // ends there, 2 × 150 ÷ 12 = 25.00 a month less the fen earned — a researcher's default sweep stopped at 3,000)
      [3240, '−'],
    ]);
    expect(r.stdout).toContain('at 3,240.00: resources −24.99 a month');
  });

  // A researcher swept two pensioners' household: the first member's wage moved, and nothing said so
  it('says whose income varies in a household with no main earner, and not when it has one or a member is given', () => {
    const old = ['--describe', '{area: urban, persons: [{age: 71}, {age: 74}]}'];
    const r = jiuzhu(['cliff', ...NANNING, ...DATE, ...old]);
    expect(r.code, r.stderr).toBe(0);
    expect(ownNotes(r.stderr)).toBe(
      'note: the household described has no main earner (no wage, no adult 18–59 who can work): wage_income varies for its first member, p1; give --member to choose (members: p1, p2)\n',
    );
    expect(ownNotes(jiuzhu(['cliff', ...NANNING, ...DATE, ...old, '--member', 'p2']).stderr)).toBe('');
    expect(jiuzhu(['cliff', ...NANNING, ...DATE, ...old, '--quiet']).stderr).toBe('');
    expect(ownNotes(jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', '{area: urban, persons: [{age: 40}, {age: 10}]}']).stderr)).toBe(
      '',
    );
    const file = (h: string) => jiuzhu(['cliff', ...NANNING, ...DATE, '--households', 'policies/samples/households.csv', '--household', h]);
    expect(file('H0001').stderr).toContain('note: household H0001 has no main earner'); // (a lone elder)
    expect(file('H0003').stderr).not.toContain('no main earner'); // (a wage)
  });

  // A cliff researcher compared scenarios/gradual-exit-6-months.yaml with the baseline for a household described without
  // on_dibao: the same cliff twice, not a word (a gradual exit is for a household on dibao now: DOMAIN step 7, 003 §11)
  it('a gradual-exit reform says what it needs of the household, and what the monthly view cannot show', () => {
    const sweep = (describe: string, ...more: string[]) =>
      jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', describe, '--scenario', 'scenarios/gradual-exit-6-months.yaml', ...more]);
    const parent = (h: string) => `{area: urban, ${h}persons: [{person_id: p, age: 35}, {person_id: c, age: 8}]}`;
    expect(ownNotes(sweep(parent('')).stderr)).toBe(
      'note: the household described is not on dibao now (on_dibao 0): no gradual exit (渐退) applies to it, in any run; give on_dibao: 1 and prior_dibao (its monthly dibao now) to see one\n',
    );
    expect(ownNotes(sweep(parent('on_dibao: 1, ')).stderr)).toContain(
      'note: the household described is on dibao now but its prior_dibao is 0: a gradual exit keeps 0.00 a month',
    );
    const kept = sweep(parent('on_dibao: 1, prior_dibao: 300, '));
    expect(ownNotes(kept.stderr)).toBe(
      'note: a gradual exit keeps prior_dibao (300.00 a month, what the household described receives now) at every value swept past the line, not the dibao it had just below it\n' +
        "note: the monthly view gives a gradual exit's kept amount in full, however many months it is kept (here 3 or 6): --view annual tells them apart\n",
    );
    // the annual view: 3 months kept (the baseline, gx-2020-23) against 6 — 900 and 1,800 a year at the line
    const annual = JSON.parse(sweep(parent('on_dibao: 1, prior_dibao: 300, '), '--view', 'annual', '--format', 'json', '-q').stdout);
    const at = (run: number) => annual.scenarios[run].points.find((p: { value: string }) => p.value === '1620.00').programs_annual;
    expect([at(0).gradual_exit, at(1).gradual_exit]).toEqual(['900.00', '1800.00']);
    // without a reform of it, nothing is said (Nanning's own 3 months is no comparison)
    expect(ownNotes(jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', parent('')]).stderr)).toBe('');
    // and the JSON names each run's programs resting on estimates, as simulate's uses_estimate does
    expect(annual.scenarios[0].uses_estimate).toEqual(expect.arrayContaining(['dibao', 'dibao_supplement', 'medical_premium']));
    expect(annual.scenarios[1].estimates).toContain('dibao.supplement.minor');
  });

  it('an option the mode does not read, two households at once, a person id twice: each refused, never ignored', () => {
    const D1 = ['--describe', '{area: urban, persons: [{age: 40}]}'];
    expect(jiuzhu(['cliff', ...NANNING, ...DATE, ...D1, '--delta', '50']).stderr).toContain('--delta is for the whole file');
    expect(jiuzhu(['cliff', ...NANNING, ...DATE, '--households', 'policies/samples/households.csv', '--from', '100']).stderr).toContain(
      '--from is for one household',
    );
    expect(
      jiuzhu(['cliff', ...NANNING, ...DATE, ...D1, '--households', 'policies/samples/households.csv', '--household', 'H0001']).stderr,
    ).toContain('--household and --describe each name the household');
    const twice = jiuzhu([
      'cliff',
      ...NANNING,
      ...DATE,
      '--describe',
      '{area: urban, persons: [{person_id: a, age: 40}, {person_id: a, age: 12}]}',
    ]);
    expect([twice.code, twice.stderr]).toEqual([
      3,
      expect.stringContaining(`--describe:1:50: the household: person_id "a" is person 1's too`),
    ]);
    // the range: which condition failed, how many points; --to is the last value even off the step
    expect(jiuzhu(['cliff', ...NANNING, ...DATE, ...D1, '--from', '3000', '--to', '3000']).stderr).toContain(
      '--to (3000.00) must be above --from (3000.00)',
    );
    expect(jiuzhu(['cliff', ...NANNING, ...DATE, ...D1, '--step', '0.01', '--to', '1000']).stderr).toContain(
      'is 100,001 points; at most 10,000',
    );
    const csv = jiuzhu(['cliff', ...NANNING, ...DATE, ...D1, '--to', '500', '--step', '7', '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(csv.at(-1)!.split(',')[2]).toBe('500.00');
  });

  it('bad input is named: an unknown member, a falling range, no household source', () => {
    const member = jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', COUPLE, '--member', 'z']);
    expect([member.code, member.stderr]).toEqual([2, expect.stringContaining('no member "z" in the household (members: a, b)')]);
    const range = jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', COUPLE, '--from', '100', '--to', '50']);
    expect([range.code, range.stderr]).toEqual([2, expect.stringContaining('--to (50.00) must be above --from (100.00)')]);
    expect(jiuzhu(['cliff', ...NANNING, ...DATE]).code).toBe(2);
    const yaml = jiuzhu(['cliff', ...NANNING, ...DATE, '--describe', '{area: urban, persons: [{age: 40, wages: 1}]}']);
    expect(yaml.code).toBe(3);
    expect(yaml.stderr).toContain('wages');
  });
});

describe('across each locality’s generated population', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-cliff-'));
  for (const policy of POLICIES) {
    it(
      `${policy}: the share at ≥ 100 % under the baseline and a 10 % higher standard, its households confirmed`,
      { timeout: 120_000 },
      () => {
        const file = join(dir, `${policy}.csv`);
        const P = ['--policy', `policies/${policy}.yaml`];
        expect(jiuzhu(['generate', ...P, '--households', '6000', '--seed', '4', '--out', file]).code).toBe(0);
        const r = jiuzhu([
          'cliff',
          ...P,
          ...DATE,
          '--households',
          file,
          '--scenario',
          'scenarios/dibao-standard-plus-10pct.yaml',
          '--format',
          'json',
        ]);
        expect(r.code, r.stderr).toBe(0);
        // the rates are of what is received: said, where take-up is under 1 and the file draws (a researcher's trial)
        expect(r.stderr).toContain(
          'note: the rates are of what households receive: under take-up below 1 (baseline, dibao-standard-plus-10pct)',
        );
        // (not on a file without draws: every household takes every program up)
        if (policy === POLICIES[0])
          expect(jiuzhu(['cliff', ...P, ...DATE, '--households', 'policies/samples/households.csv']).stderr).not.toContain(
            'what households receive',
          );
        const [base, raised] = JSON.parse(r.stdout).scenarios;
        expect(D(base.at_least_100_pct).greaterThan(0)).toBe(true);
        // a higher standard takes more households into the gap-filled range: the share rises
        expect(D(raised.at_least_100_households).greaterThan(base.at_least_100_households)).toBe(true);
        expect(D(raised.at_least_100_pct_change_pp).greaterThan(0)).toBe(true);
        expect(base.facing_at_least_100_pct.records).toBeGreaterThan(0);
        // ≥ 100 % is the taper (exactly 100 %, dibao's gap payment) and the cliffs (more): each told apart
        expect(D(base.shares['100 %']).plus(base.shares['> 100 %']).minus(base.at_least_100_pct).abs().lte('0.01')).toBe(true);
        expect(base.above_100_pct).toBe(base.shares['> 100 %']);
        expect(D(base.above_100_pct).lessThan(base.at_least_100_pct)).toBe(true);
        expect(base.facing_at_least_100_pct.ids_shown).toBe(base.facing_at_least_100_pct.ids.length);
        // Each household behind the baseline's figure, one by one: its own sweep from its main earner's wage shows
        // a rate ≥ 100 % on the next 100 yuan, and explain shows it.
        const ids: string[] = base.facing_at_least_100_pct.ids;
        expect(ids.length).toBe(Math.min(100, base.facing_at_least_100_pct.records));
        for (const id of ids.slice(0, 4)) {
          const one = (from = '0', to = '100') =>
            JSON.parse(
              jiuzhu([
                'cliff',
                ...P,
                ...DATE,
                '--households',
                file,
                '--household',
                id,
                '--from',
                from,
                '--to',
                to,
                '--step',
                '100',
                '--format',
                'json',
              ]).stdout,
            );
          const now: string = one().current;
          const next = one(now, D(now).plus(100).toFixed(2)).scenarios[0].points[1];
          expect(D(next.marginal_rate).greaterThanOrEqualTo(1), `${id} at ${now}`).toBe(true);
          const explained = jiuzhu(['explain', ...P, ...DATE, '--households', file, '--household', id]);
          expect(explained.code, explained.stderr).toBe(0);
          expect(explained.stdout).toContain(id);
        }
      },
    );
  }
});

describe('the whole file’s table', () => {
  // A researcher added "100 %" and "> 100 %" by hand, beside a count of file rows where the shares are weighted
  it('gives ≥ 100 % as a share and in weighted households, as the JSON does; the rows behind it counted apart', () => {
    const args = ['cliff', ...NANNING, ...DATE, '--households', 'policies/samples/households.csv', '-q'];
    const json = JSON.parse(jiuzhu([...args, '--format', 'json']).stdout);
    const table = jiuzhu(args).stdout;
    const overall = json.scenarios[0];
    const weighted = Number(overall.at_least_100_households).toLocaleString('en');
    // (no Δ column with the baseline alone: it stood empty, a QA's; beside a scenario it is there)
    expect(table).toMatch(/≥ 100 %\s+households ≥ 100 %/);
    expect(table).not.toContain('Δ ≥ 100 %');
    expect(jiuzhu([...args, '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml']).stdout).toMatch(
      /≥ 100 %\s+Δ ≥ 100 % \(pp\)\s+households ≥ 100 %/,
    );
    expect(table).toMatch(new RegExp(`^baseline .* ${overall.at_least_100_pct.replace('.', '\\.')}%\\s+${weighted}$`, 'm'));
    expect(table).toMatch(new RegExp(`^baseline: \\d+ households of the file \\(${weighted} weighted\\) face ≥ 100 %`, 'm'));
  });

  it('says the policy’s notes (a standard carried forward), as for one household (a terminal QA trial: not said)', () => {
    const r = jiuzhu(['cliff', ...NANNING, ...DATE, '--households', 'policies/samples/households.csv']);
    expect(r.stderr).toContain('the newest dibao standards it gives (urban 810 from 2022-04-01');
  });

  // A journalist and a researcher read Δ 0.00 pp for gradual-exit-6-months on a generated file: only a household marked
  // on_dibao 1 entered the exit as it earned more, and generate marks only those already in their exit. A household paid
  // dibao now enters it (003 §11, core/marginal-rates.ts); the monthly view counts an exit in full whatever its months.
  it('a longer gradual exit softens the cliff of a household paid dibao (annual view); the monthly view says why it cannot', () => {
    const file = 'policies/samples/households.csv';
    const run = (view: string, out: string) =>
      jiuzhu([
        ...['cliff', ...NANNING, ...DATE, '--households', file, '--scenario', 'scenarios/gradual-exit-6-months.yaml'],
        ...['--view', view, '--per-household', out],
      ]);
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-cliff-exit-'));
    const annual = run('annual', join(dir, 'annual.csv'));
    expect(annual.code, annual.stderr).toBe(0);
    expect(annual.stderr).not.toContain('gradual exit (渐退');
    // H0057 (rural, on_dibao 0 in the file): a tekun grandparent and the rest (n = 2) on dibao, 566.67 × 2 − 1,073.47 =
    // 59.87 a month, with the minor supplement 0.1 × 566.67 = 56.67. 100.00 more takes 1,173.47 past 1,133.34: dibao
    // and the supplement end (12 × 116.54 = 1,398.48), the two persons' premium subsidy falls from the dibao group's to
    // the low-income group's (2 × 130.00 = 260.00), and the exit keeps 59.87 for its months (003 §11): 1,200.00 −
    // 1,398.48 − 260.00 + 3 × 59.87 = −278.87 a year; over 6 months −99.26.
    const gains = readFileSync(join(dir, 'annual.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(',H0057,'))
      .map((l) => l.split(',').slice(3, 8).join(','));
    expect(gains).toEqual(['baseline,H0057-2,tekun,100.00,-278.87', 'gradual-exit-6-months,H0057-2,tekun,100.00,-99.26']);
    const monthly = run('monthly', join(dir, 'monthly.csv'));
    expect(monthly.stderr).toContain(
      'note: gradual-exit-6-months changes the gradual exit (渐退, dibao.gradual_exit.months 3 → 6): the monthly view counts a household’s exit in full whatever its months — --view annual tells them apart\n',
    );
  });
});

describe('compare --marginal-rates', () => {
  it('gives each locality the distribution jiuzhu cliff gives for the whole file (JSON, the table and Markdown); no CSV form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-compare-rates-'));
    const file = join(dir, 'nanning.csv');
    expect(jiuzhu(['generate', ...NANNING, '--households', '3000', '--seed', '9', '--out', file]).code).toBe(0);
    const SC = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'];
    const POL = [...NANNING, '--policy', 'policies/jiangxi-fuliang.yaml'];
    const r = jiuzhu(['compare', ...POL, ...SC, ...DATE, '--households', file, '--marginal-rates', '50', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const localities = JSON.parse(r.stdout).localities;
    for (const [i, policy] of ['policies/guangxi-nanning.yaml', 'policies/jiangxi-fuliang.yaml'].entries()) {
      const alone = jiuzhu(['cliff', '--policy', policy, ...SC, ...DATE, '--households', file, '--delta', '50', '--format', 'json']);
      // (cliff names its policy and date; compare's locality does, around its distribution)
      const { policy: named, date, ...same } = JSON.parse(alone.stdout);
      expect([named.file, date]).toEqual([policy, '2024-12-31']);
      expect(localities[i].marginal_rates).toEqual(same);
    }
    expect(localities[0].marginal_rates.delta).toBe('50.00');
    const table = jiuzhu(['compare', ...POL, ...SC, ...DATE, '--households', file, '--marginal-rates']);
    expect(table.stdout.match(/effective marginal rates 有效边际税率: 100\.00 yuan more a month/g)).toHaveLength(2);
    const md = jiuzhu(['compare', ...NANNING, ...DATE, '--households', file, '--marginal-rates', '--format', 'markdown']);
    expect(md.stdout).toMatch(/\| baseline \| [\d.]+% \| [\d.]+% \|/);
    // the text table's columns, ≥ 100 % among them (a journalist's Markdown lacked it), its row's share the JSON's
    const header = (text: string) => text.split('\n').find((l) => l.includes('≥ 80 %'))!;
    expect(
      header(md.stdout)
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean),
    ).toEqual(
      header(jiuzhu(['compare', ...NANNING, ...DATE, '--households', file, '--marginal-rates']).stdout)
        .trim()
        .split(/\s{2,}|\s*│\s*/)
        .filter(Boolean),
    );
    const csv = jiuzhu(['compare', ...NANNING, ...DATE, '--households', file, '--marginal-rates', '--format', 'csv']);
    expect([csv.code, csv.stderr]).toEqual([2, expect.stringContaining('no CSV form')]);
    expect(jiuzhu(['compare', ...NANNING, '--year', '2024', '--households', file, '--marginal-rates']).code).toBe(2);
  });
});

// A researcher could get a household's marginal rate only by one `cliff --household` per household (~0.5 s each): the
// whole file's rates, one row per household and run, are what the distribution counts.
describe('cliff --households FILE --per-household', () => {
  it('rounds 1 − gain / (12 × delta) half away from zero, to 4 decimals, exactly', () => {
    const d = 10_000; // 100 yuan a month: 12 × delta = 120,000 fen a year
    expect(rateText(120_000, d)).toBe('0.0000'); // keeps all of it
    expect(rateText(0, d)).toBe('1.0000'); // keeps none (a gap payment takes it back)
    expect(rateText(-5_000, d)).toBe('1.0417'); // loses 50 more: 1 + 5000/120000
    expect(rateText(130_000, d)).toBe('-0.0833'); // gains more than earned
    expect(rateText(119_994, d)).toBe('0.0001'); // 6/12 of a ten-thousandth: half, up
    expect(rateText(120_006, d)).toBe('-0.0001'); // and away from zero
    expect(rateText(120_005, d)).toBe('-0.0000'); // under 0, if by less than half a ten-thousandth: its sign kept
  });

  // An economist's trial: a household one member of which alone is on dibao (单人户施保) was in the dibao layer.
  // Guangzhou 2025: S 1,309, deduction 230. S: a earns 3,500 (counted 3,270 ≥ S × 2 = 2,618; < 1.5 × 2,618 = 3,927),
  // b severely disabled and unable to work: b alone is on dibao. D: no income, a dibao household. Each one's next 100
  // yuan: S's single-person dibao is b's gap, not a's (0 %); D's is under the 230 deduction (0 %).
  it('a household with one member alone on dibao is in the single_person layer, not dibao', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-rates-'));
    const file = join(dir, 'two.csv');
    writeFileSync(
      file,
      'household_id,person_id,age,area,wage_income,disability_grade,labor_capacity,self_care\n' +
        'S,a,40,urban,3500,0,full,full\nS,b,38,urban,0,1,none,partial\nD,c,40,urban,0,0,full,full\nD,d,38,urban,0,0,full,full\n',
    );
    const out = join(dir, 'rates.csv');
    const args = ['cliff', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', file, '--date', '2025-06-30', '-q'];
    const r = jiuzhu([...args, '--per-household', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.map((c) => [c[2], c[5], c[8]])).toEqual([
      ['S', 'single_person', '0.0000'],
      ['D', 'dibao', '0.0000'],
    ]);
    const byLayer = JSON.parse(jiuzhu([...args, '--format', 'json']).stdout).scenarios[0].by_layer;
    expect(Object.keys(byLayer)).toEqual([
      'tekun',
      'dibao',
      'single_person',
      'rigid_aid',
      'gradual_exit',
      'low_income',
      'rigid_family',
      'none',
    ]);
  });

  it('writes every household under every run; its ≥ 100 % rows are the distribution’s households, in file order', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-rates-')), 'rates.csv');
    const r = jiuzhu([
      ...['cliff', '--policy', 'policies/guangxi-nanning.yaml', ...DATE, '--households', 'policies/samples/households.csv'],
      ...['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--per-household', out, '--format', 'json'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}: a marginal rate per household and run`);
    const [head, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    // (its weight last, as the file gives it: a researcher joined the households file back for every weighted share)
    expect(head).toBe('policy,date,household_id,scenario,main_earner,layer,extra_wage_a_month,resources_gain_a_year,marginal_rate,weight');
    expect(rows).toHaveLength(600 * 2);
    const json = JSON.parse(r.stdout);
    json.scenarios.forEach((s: { id: string; facing_at_least_100_pct: { records: number; ids: string[] } }) => {
      const mine = rows.map((l) => l.split(',')).filter((c) => c[3] === s.id);
      expect(mine).toHaveLength(600);
      const facing = mine.filter((c) => c[8] !== '' && Number(c[8]) >= 1).map((c) => c[2]);
      expect(facing.length).toBe(s.facing_at_least_100_pct.records);
      expect(facing.slice(0, s.facing_at_least_100_pct.ids.length)).toEqual(s.facing_at_least_100_pct.ids);
    });
    // by hand: H0003's earner keeps all of 100 more (no program moves: 1,200 a year, 0 %); H0001 (a lone elder) has no
    // earner: its rate is empty, not 0
    expect(rows).toContain('guangxi-nanning,2024-12-31,H0003,baseline,H0003-1,none,100.00,1200.00,0.0000,210.3');
    expect(rows).toContain('guangxi-nanning,2024-12-31,H0001,baseline,,dibao,,,,382.5');
    // the same bytes from worker threads, each filling its range of households
    const threaded = join(dirname(out), 'threaded.csv');
    const t = jiuzhu(
      [
        ...['cliff', '--policy', 'policies/guangxi-nanning.yaml', ...DATE, '--households', 'policies/samples/households.csv'],
        ...['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--per-household', threaded, '-q'],
      ],
      { env: { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0', JIUZHU_PARALLEL_FROM_BYTES: '0' } },
    );
    expect(t.code, t.stderr).toBe(0);
    expect(readFileSync(threaded, 'utf8')).toBe(readFileSync(out, 'utf8'));
    // for the whole file only
    const one = jiuzhu([
      'cliff',
      '--policy',
      'policies/guangxi-nanning.yaml',
      ...DATE,
      '--describe',
      '{area: urban, persons: [{age: 40}]}',
      '--per-household',
      out,
    ]);
    expect([one.code, one.stderr]).toEqual([2, expect.stringContaining('--per-household is for the whole file')]);
  });
});

/** One urban adult described, Nanning at 2024-12-31. */
const ONE_ADULT = [
  'cliff',
  '--policy',
  'policies/guangxi-nanning.yaml',
  '--date',
  '2024-12-31',
  '--describe',
  '{area: urban, persons: [{age: 40}]}',
];

describe('cliff: the chart’s legend', () => {
  it('says of a run drawn under the first at every point that it is the same (a trial saw its symbol nowhere)', () => {
    const r = jiuzhu([
      ...ONE_ADULT,
      ...['--scenario', 'scenarios/low-income-2x.yaml', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    // (Nanning's low-income line is 2 × S already: that reform moves nothing; the 10 % raise does)
    expect(r.stdout).toContain('● baseline  ○ low-income-2x (= baseline at every point)  × dibao-standard-plus-10pct\n');
  });
});

describe('cliff: a --to off the step', () => {
  it('says the last step is shorter (900 → 1,000 under --step 300), and draws it as it is', () => {
    const r = jiuzhu([...ONE_ADULT, ...['--from', '0', '--to', '1000', '--step', '300', '--format', 'csv']]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'note: the last step is 100.00 (900.00 → 1000.00), shorter than --step 300.00: its marginal rate is over that step',
    );
    expect(
      r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2]),
    ).toEqual(['0.00', '300.00', '600.00', '900.00', '1000.00']);
    // on the grid: nothing to say
    const even = jiuzhu([...ONE_ADULT, ...['--from', '0', '--to', '900', '--step', '300', '--format', 'csv']]);
    expect(even.stderr).not.toContain('last step');
  });
});
