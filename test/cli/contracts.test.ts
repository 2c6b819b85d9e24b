// End-to-end: the machine-readable outputs of DOMAIN "Machine-readable outputs", exactly, for every shipped policy.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { PARAMS } from '../../src/core/parameters/schema.js';
import { PROGRAM_IDS } from '../../src/core/programs/index.js';
import { PER_HOUSEHOLD_COLUMNS } from '../../src/report/per-household.js';
import { jiuzhu, POLICIES, SAMPLE } from '../helpers/cli.js';

const DATE = '2025-06-30';
// DOMAIN's canonical paths, written out here (not imported) so a change to the schema must change the contract on purpose.
const CANONICAL = [
  'dibao.standard.urban',
  'dibao.standard.rural',
  'dibao.assets.limit_months',
  'dibao.payment.mode',
  'dibao.payment.tiers',
  'dibao.employment_deduction',
  'dibao.gradual_exit.months',
  'dibao.supplement.severe_disability',
  'dibao.supplement.serious_illness',
  'dibao.supplement.elderly',
  'dibao.supplement.minor',
  'dibao.supplement.elderly_age',
  'dibao.supplement.stacking',
  'single_person.income_ceiling',
  'single_person.benefit',
  'single_person.benefit_share',
  'single_person.bound', // beyond DOMAIN's list, as low_income.bound: 003 §7 with §1's 以下 (README "How the rules are read")
  'tekun.elderly_age',
  'tekun.minor_age',
  'tekun.basic.multiplier',
  'tekun.basic.reference', // beyond DOMAIN's list, as low_income.reference: a county's 城市低保标准的1.3倍 (README "How the rules are read")
  'tekun.assets.test', // beyond DOMAIN's list: 004 二（一）1's property in tekun identification (README "How the rules are read")
  'tekun.care.min_wage_share.none',
  'tekun.care.min_wage_share.partial',
  'tekun.care.min_wage_share.full',
  'min_wage.monthly',
  'low_income.multiplier',
  'low_income.reference',
  'low_income.bound',
  'rigid.disposable_income.urban',
  'rigid.disposable_income.rural',
  'rigid.identify_multiplier',
  'rigid.aid',
  'rigid.aid_group',
  'temporary.township_max',
  'temporary.county_max',
  'temporary.annual_cap',
  'rounding',
  'take_up.tekun',
  'take_up.dibao',
  'take_up.rigid',
  'take_up.low_income',
  'take_up.temporary',
  'take_up.disability', // beyond DOMAIN's five groups: the two disability subsidies (parameters/groups.ts)
  'medical.premium',
  'medical.subsidy.tekun',
  'medical.subsidy.dibao',
  'medical.subsidy.low_income',
  'medical.subsidy.rigid',
  'medical.fixed.tekun',
  'medical.fixed.dibao',
  'medical.fixed.low_income',
  'medical.fixed.rigid',
  'disability.living.monthly',
  'disability.living.low_income',
  'disability.care.monthly.grade1',
  'disability.care.monthly.grade2',
  'disability.care.scope',
  'funding.assistance.central',
  'funding.assistance.provincial',
  'funding.medical.central',
  'funding.medical.provincial',
  'funding.disability.central',
  'funding.disability.provincial',
];
const COLUMNS =
  'household_id,scenario,persons,tekun_persons,tekun,dibao_persons,dibao,dibao_supplement,single_person_persons,single_person,' +
  'rigid_family,rigid_aid,low_income,low_income_persons,gradual_exit_months,gradual_exit,temporary,temporary_tier,annual_total,' +
  'eligible_annual_total,medical_premium_persons,medical_premium,disability_living_persons,disability_living,disability_care_persons,' +
  'disability_care';

describe.each(POLICIES)('%s', (policy) => {
  const file = `policies/${policy}.yaml`;

  it('params --format json prints every canonical path, numbers as exact decimal strings', () => {
    const r = jiuzhu(['params', '--policy', file, '--date', DATE, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(CANONICAL);
    expect(PARAMS.map((p) => p.path)).toEqual(CANONICAL);
    for (const [path, v] of Object.entries(json)) {
      if (path === 'dibao.payment.tiers') expect(Array.isArray(v)).toBe(true);
      else if (path === 'rigid.aid' || path === 'disability.living.low_income') expect(typeof v).toBe('boolean');
      else if (path === 'single_person.benefit_share') expect(v === null || typeof v === 'string').toBe(true);
      else expect(typeof v).toBe('string');
    }
    expect(json['dibao.standard.urban']).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it('simulate --per-household writes DOMAIN columns in order; the rows add up to the JSON totals', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-')), 'rows.csv');
    const r = jiuzhu(['simulate', '--policy', file, '--households', SAMPLE, '--date', DATE, '--format', 'json', '--per-household', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(COLUMNS);
    expect(PER_HOUSEHOLD_COLUMNS.join(',')).toBe(COLUMNS);
    expect(lines).toHaveLength(601);
    const cols = COLUMNS.split(',');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
    for (const row of rows) {
      expect(row.scenario).toBe('baseline');
      for (const c of [
        'tekun',
        'dibao',
        'dibao_supplement',
        'single_person',
        'rigid_aid',
        'gradual_exit',
        'temporary',
        'annual_total',
        'eligible_annual_total',
        'medical_premium',
        'disability_living',
        'disability_care',
      ])
        expect(row[c]).toMatch(/^\d+\.\d\d$/);
      for (const c of ['medical_premium_persons', 'disability_living_persons', 'disability_care_persons']) expect(row[c]).toMatch(/^\d+$/);
      // The sample has no take_up_draw column: every household takes up all it is eligible for.
      expect(row.eligible_annual_total).toBe(row.annual_total);
      for (const c of ['rigid_family', 'low_income']) expect(row[c]).toMatch(/^[01]$/);
      expect(['', 'township', 'county', 'coordination']).toContain(row.temporary_tier);
      // annual_total = 12 × monthly cash + kept × months + grant + the year's premium subsidy (DOMAIN "Annual amount")
      const monthly = ['tekun', 'dibao', 'dibao_supplement', 'single_person', 'rigid_aid', 'disability_living', 'disability_care'].reduce(
        (a, c) => a.plus(row[c]!),
        D(0),
      );
      expect(
        D(row.annual_total!).equals(
          monthly.times(12).plus(D(row.gradual_exit!).times(row.gradual_exit_months!)).plus(row.temporary!).plus(row.medical_premium!),
        ),
      ).toBe(true);
    }
    // Σ weight × annual_total over the rows = total_annual_cost (weights from the input file)
    const input = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const weight = new Map(input.slice(1).map((l) => [l.split(',')[0], l.split(',').at(-1)]));
    const sum = rows.reduce((a, row) => a.plus(D(weight.get(row.household_id!)!).times(row.annual_total!)), D(0));
    const json = JSON.parse(r.stdout);
    expect(sum.toFixed(2)).toBe(json.scenarios[0].total_annual_cost);
  });

  it('simulate --format json has the contract keys, every program, decimal strings', () => {
    const json = JSON.parse(jiuzhu(['simulate', '--policy', file, '--households', SAMPLE, '--date', DATE, '--format', 'json']).stdout);
    expect(json.scenarios).toHaveLength(1);
    const s = json.scenarios[0];
    expect(s.id).toBe('baseline');
    expect(Object.keys(s.programs)).toEqual([...PROGRAM_IDS]);
    for (const id of PROGRAM_IDS) {
      expect(s.programs[id].households).toMatch(/^\d+(\.\d+)?$/);
      expect(s.programs[id].persons).toMatch(/^\d+(\.\d+)?$/);
      expect(s.programs[id].annual_cost).toMatch(/^\d+\.\d\d$/);
      // Beside each received figure, the eligible one (equal here: no take_up_draw in the sample).
      expect(s.programs[id].eligible_households).toBe(s.programs[id].households);
      expect(s.programs[id].eligible_persons).toBe(s.programs[id].persons);
      expect(s.programs[id].eligible_annual_cost).toBe(s.programs[id].annual_cost);
    }
    expect(s.eligible_total_annual_cost).toBe(s.total_annual_cost);
    expect(s.programs.low_income.annual_cost).toBe('0.00');
    expect(s.programs.rigid_family.annual_cost).toBe('0.00');
    const cash = [
      'tekun',
      'dibao',
      'dibao_supplement',
      'single_person',
      'rigid_aid',
      'gradual_exit',
      'temporary',
      'medical_premium',
      'disability_living',
      'disability_care',
    ];
    // The exact figures add up exactly; each rounded figure is its exact one rounded half up to the fen.
    expect(cash.reduce((a, id) => a.plus(s.programs[id].annual_cost_exact), D(0)).equals(s.total_annual_cost_exact)).toBe(true);
    for (const id of PROGRAM_IDS) expect(D(s.programs[id].annual_cost_exact).toFixed(2)).toBe(s.programs[id].annual_cost);
    expect(D(s.total_annual_cost_exact).toFixed(2)).toBe(s.total_annual_cost);
    expect(Array.isArray(s.estimates)).toBe(true);
  });
});

describe('the same numbers in every format', () => {
  it('table, CSV and Markdown show the JSON totals', () => {
    const args = ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', DATE];
    const json = JSON.parse(jiuzhu([...args, '--format', 'json']).stdout).scenarios[0];
    const csv = jiuzhu([...args, '--format', 'csv']).stdout;
    const table = jiuzhu(args).stdout;
    const md = jiuzhu([...args, '--format', 'markdown']).stdout;
    expect(csv.split('\n')[0]).toBe(
      'scenario,program,households,persons,annual_cost,uses_estimate,delta_annual_cost,delta_annual_cost_pct,eligible_households,eligible_persons,eligible_annual_cost,funding_central,funding_provincial,funding_local,delta_households,delta_persons',
    );
    const d = json.programs.dibao;
    expect(csv).toContain(
      `baseline,dibao,${d.households},${d.persons},${d.annual_cost},1,,,${d.eligible_households},${d.eligible_persons},${d.eligible_annual_cost},` +
        `${json.funding.programs.dibao.central},${json.funding.programs.dibao.provincial},${json.funding.programs.dibao.local},,\n`,
    );
    expect(csv).toContain(
      `baseline,total,,,${json.total_annual_cost},1,,,,,${json.eligible_total_annual_cost},${json.funding.central},${json.funding.provincial},${json.funding.local},,\n`,
    );
    const grouped = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
    expect(table).toContain(grouped(json.total_annual_cost));
    expect(table).toContain('低保 dibao *');
    expect(md).toContain(`| 低保 dibao * |`);
    expect(md).toContain(grouped(json.programs.tekun.annual_cost));
  });
  it('CSV: a caseload’s change, as JSON’s delta (the low-income multiplier moves caseloads at no cost)', () => {
    // Fuliang's low-income line is 1.5 × S: at 2 × more households are low-income, and nothing is paid for it
    const args = ['simulate', '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, '--date', DATE];
    const sc = ['--scenario', 'scenarios/low-income-2x.yaml', '-q'];
    const d = JSON.parse(jiuzhu([...args, ...sc, '--format', 'json']).stdout).scenarios[1].programs.low_income.delta;
    expect(D(d.households).isPositive() && d.annual_cost === '0.00').toBe(true);
    const csv = jiuzhu([...args, ...sc, '--format', 'csv']).stdout.split('\n');
    const row = csv.find((l) => l.startsWith('low-income-2x,low_income,'))!.split(',');
    expect(row.slice(-2)).toEqual([d.households, d.persons]);
  });

  it("--years CSV: simulate's columns with the year first, each year's figures and a scenario's Δ as its JSON gives them", () => {
    const args = ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--years', '2027-2028'];
    const sc = ['--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '-q'];
    const json = JSON.parse(jiuzhu([...args, ...sc, '--format', 'json']).stdout);
    const csv = jiuzhu([...args, ...sc, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe(
      'year,scenario,program,households,persons,annual_cost,uses_estimate,delta_annual_cost,delta_annual_cost_pct,eligible_households,eligible_persons,eligible_annual_cost,funding_central,funding_provincial,funding_local,delta_households,delta_persons',
    );
    const [base, reform] = json.scenarios;
    for (const k of [0, 1]) {
      const [b, s] = [base.years[k], reform.years[k]];
      const d = s.programs.tekun;
      const delta = D(d.annual_cost_exact).minus(b.programs.tekun.annual_cost_exact).toFixed(2);
      expect(csv).toContain(
        `${2027 + k},tekun-basic-1.6x,tekun,${d.households},${d.persons},${d.annual_cost},1,${delta},` +
          `${D(delta).dividedBy(b.programs.tekun.annual_cost_exact).times(100).toFixed(2)},${d.eligible_households},${d.eligible_persons},${d.eligible_annual_cost},` +
          `${s.funding.programs.tekun.central},${s.funding.programs.tekun.provincial},${s.funding.programs.tekun.local},` +
          `${D(d.households).minus(b.programs.tekun.households).toFixed()},${D(d.persons).minus(b.programs.tekun.persons).toFixed()}`,
      );
      expect(csv.find((l) => l.startsWith(`${2027 + k},tekun-basic-1.6x,total,`))!.split(',')[7]).toBe(s.total_delta.annual_cost);
    }
    expect(csv.filter((l) => l.includes(',total,'))).toHaveLength(4); // (each year's, each run's; no window row)
    // the file's households and what they weigh, as at a date (the population is not grown by this projection)
    expect([json.households, json.persons.rows]).toEqual([{ rows: 600, weighted: '179341.2' }, 1697]);
  });
});

// README: JSON `notes` are "what the run says on stderr, without the `note: `" — a dashboard reading stdout only.
describe('JSON notes hold every note the run says', () => {
  const said = (stderr: string) => stderr.split('\n').flatMap((l) => (l.startsWith('note: ') ? [l.slice('note: '.length)] : []));
  it.each([
    // (the sample: the policy's stale standards, the few households' ±2/√n, the estimates — the last two were missing)
    ['simulate', ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--date', DATE]],
    ['simulate --year', ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--year', '2024']],
    // (compare's policy notes were said after its report, and missing from it)
    ['compare', ['compare', '--policy', 'policies/guangxi-nanning.yaml', '--policy', 'policies/jiangxi-fuliang.yaml', '--date', DATE]],
  ])('%s', (_, args) => {
    const r = jiuzhu([...args, '--households', SAMPLE, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const notes = said(r.stderr);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(notes.some((n) => n.includes('older than'))).toBe(true); // a stale standard
    if (args[0] === 'simulate') expect(notes.some((n) => n.startsWith('few households of'))).toBe(true);
    expect(JSON.parse(r.stdout).notes).toEqual(notes);
  });
});
