// compare and simulate --scenario end to end: one pass gives the same totals as separate runs; the transition
// table sums to the population; per-household rows come for the baseline and each scenario.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { layerLabel, PROGRAM_IDS } from '../../src/core/programs/index.js';
import { jiuzhu, POLICIES, SAMPLE } from '../helpers/cli.js';

const DATE = '2025-06-30';
const SCENARIOS = ['scenarios/tekun-basic-1.6x.yaml', 'scenarios/low-income-2x.yaml', 'scenarios/unify-rural-urban.yaml'];
const policyArgs = POLICIES.flatMap((p) => ['--policy', `policies/${p}.yaml`]);
const scenarioArgs = SCENARIOS.flatMap((s) => ['--scenario', s]);

describe('compare', () => {
  const r = jiuzhu(['compare', ...policyArgs, ...scenarioArgs, '--households', SAMPLE, '--date', DATE, '--format', 'json']);
  const json = JSON.parse(r.stdout);

  it('gives every locality with the policy path as given, baseline first, then each scenario', () => {
    expect(r.code).toBe(0);
    expect(json.localities.map((l: { policy: string }) => l.policy)).toEqual(POLICIES.map((p) => `policies/${p}.yaml`));
    for (const l of json.localities)
      expect(l.scenarios.map((s: { id: string }) => s.id)).toEqual(['baseline', 'tekun-basic-1.6x', 'low-income-2x', 'unify-rural-urban']);
  });

  it('equals separate simulate runs, program by program', () => {
    for (const [i, p] of POLICIES.entries()) {
      const sim = JSON.parse(
        jiuzhu(['simulate', '--policy', `policies/${p}.yaml`, ...scenarioArgs, '--households', SAMPLE, '--date', DATE, '--format', 'json'])
          .stdout,
      );
      expect(json.localities[i].scenarios.map((s: Record<string, unknown>) => [s.programs, s.total_annual_cost, s.total_delta])).toEqual(
        sim.scenarios.map((s: Record<string, unknown>) => [s.programs, s.total_annual_cost, s.total_delta]),
      );
    }
  });

  it('has a transition table that sums to the weighted population, and whose rows and columns are the two runs’ layers', () => {
    for (const l of json.localities) {
      for (const s of l.scenarios.slice(1)) {
        const m: string[][] = s.transitions.persons;
        const sum = m.flat().reduce((a, x) => a.plus(x), D(0));
        expect(sum.toFixed()).toBe(json.persons.weighted);
        // row tekun = baseline tekun persons; column tekun = the scenario's tekun persons
        expect(m[0]!.reduce((a, x) => a.plus(x), D(0)).toFixed()).toBe(l.scenarios[0].programs.tekun.persons);
        expect(m.reduce((a, row) => a.plus(row[0]!), D(0)).toFixed()).toBe(s.programs.tekun.persons);
      }
    }
  });

  // A researcher's first table, the benefits by decile under the current rules, was not there (only deltas)
  it('gives the baseline’s own distribution by decile and area: its costs add up to its total', () => {
    for (const l of json.localities) {
      const b = l.scenarios[0];
      expect(b.winners_losers).toBeUndefined();
      expect(b.by_decile).toHaveLength(10);
      const sum = (xs: Array<{ annual_cost: string }>) => xs.reduce((a, x) => a.plus(x.annual_cost), D(0));
      expect(sum(b.by_decile).minus(b.total_annual_cost).abs().lte('0.10')).toBe(true);
      expect(sum([b.by_area.urban, b.by_area.rural]).minus(b.total_annual_cost).abs().lte('0.02')).toBe(true);
      expect(b.by_decile.every((d: { delta_annual_cost: string }) => d.delta_annual_cost === '0.00')).toBe(true);
    }
  });

  it('accounts for every household as gainer, loser or unchanged; gains minus losses are the cost delta', () => {
    for (const l of json.localities) {
      for (const s of l.scenarios.slice(1)) {
        const w = s.winners_losers;
        expect(D(w.gainers.households).plus(w.losers.households).plus(w.unchanged.households).toFixed()).toBe(json.households.weighted);
        expect(D(w.gainers.amount).minus(w.losers.amount).minus(s.total_delta.annual_cost).abs().lte('0.01')).toBe(true);
        const areas = D(s.by_area.urban.delta_annual_cost).plus(s.by_area.rural.delta_annual_cost);
        expect(areas.minus(s.total_delta.annual_cost).abs().lte('0.01')).toBe(true);
        expect(s.by_decile).toHaveLength(10);
        expect(s.by_decile.reduce((a: ReturnType<typeof D>, d: { persons: string }) => a.plus(d.persons), D(0)).toFixed()).toBe(
          json.persons.weighted,
        );
      }
    }
  });

  // A researcher's trial: by_area's and by_decile's Δ was the difference of the rounded costs, a fen off the exact Δ
  // (contradicting the footer "a Δ is of the unrounded figures"). One household of weight 0.115838, Nanning urban, wage
  // 100.01: dibao 810 − 100.01 = 709.99 → 891 − 100.01 = 790.99 under +10 % (S 891), Δ 81.00 a month; with the
  // supplement, premium and the rest unchanged, the year's Δ is 12 × 81 = 972 × 0.115838 = 112.594536 → 112.59 (the
  // rounded costs, 1,019.36 and 1,131.96, differ by 112.60).
  it('a group’s Δ is of the unrounded sums, as the total’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-delta-'));
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'household_id,person_id,age,area,wage_income,weight\nA,a1,40,urban,100.01,0.115838\n');
    const r = jiuzhu([
      'compare',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--scenario',
      'scenarios/dibao-standard-plus-10pct.yaml',
      '--households',
      file,
      '--date',
      '2025-06-30',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).localities[0].scenarios[1];
    expect(s.total_delta.annual_cost).toBe('112.59');
    expect(s.by_area.urban.delta_annual_cost).toBe('112.59');
    expect(s.by_decile.map((d: { delta_annual_cost: string }) => d.delta_annual_cost).filter((x: string) => x !== '0.00')).toEqual([
      '112.59',
    ]);
  });

  // A researcher read households that lose through take-up (made eligible for dibao, not taking it up, so losing the
  // rigid-expenditure aid that goes to families not eligible for it) as a reform's losers: they are counted apart.
  it('counts the losers whose eligible amount does not fall — through take-up alone — apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-takeup-'));
    const scenario = (id: string, change: string) => {
      const file = join(dir, `${id}.yaml`);
      writeFileSync(file, `scenario: ${id}\ntitle: {zh: 测试, en: test}\nreason: a test\nchanges:\n  ${change}\n`);
      return ['--scenario', file];
    };
    // (generated households have take-up draws; the sample has none: every draw 0, every household takes up)
    const households = join(dir, 'h.csv');
    expect(
      jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '5000', '--seed', '7', '--out', households]).code,
    ).toBe(0);
    const out = jiuzhu([
      'compare',
      ...['--policy', 'policies/guangxi-nanning.yaml', '--households', households, '--date', DATE, '--format', 'json'],
      ...scenario('fewer-take-up', 'take_up.dibao: {set: 0.5}'),
      ...scenario('lower-standard', 'dibao.standard.urban: {scale: 0.9}'),
    ]);
    expect(out.code, out.stderr).toBe(0);
    const [, fewer, lower] = JSON.parse(out.stdout).localities[0].scenarios.map(
      (s: { winners_losers: Record<string, { households: string }> }) => s.winners_losers,
    );
    // take-up 0.6 → 0.5: every loser still could have what it had (those with a draw from 0.5 to 0.6 on dibao)
    expect(D(fewer.losers.households).gt(0)).toBe(true);
    expect(fewer.losers_through_take_up.households).toBe(fewer.losers.households);
    // a lower standard: losers by the rules, none by take-up alone (what they could have falls too)
    expect(D(lower.losers.households).gt(0)).toBe(true);
    expect(lower.losers_through_take_up.households).toBe('0');
    const table = jiuzhu([
      'compare',
      ...['--policy', 'policies/guangxi-nanning.yaml', '--households', households, '--date', DATE],
      ...scenario('fewer-take-up', 'take_up.dibao: {set: 0.5}'),
    ]);
    expect(table.stdout).toContain(
      `through take-up alone ${Math.round(Number(fewer.losers_through_take_up.households)).toLocaleString('en')};`,
    );
  });

  it('shows Guangxi’s tekun rise under 1.6× and Guangzhou unchanged (already 1.6×)', () => {
    const [nanning, guangzhou] = json.localities;
    expect(D(nanning.scenarios[1].programs.tekun.delta.annual_cost).gt(0)).toBe(true);
    expect(guangzhou.scenarios[1].programs.tekun.delta.annual_cost).toBe('0.00');
    expect(guangzhou.scenarios[3].total_delta.annual_cost).toBe('0.00'); // Guangzhou's standards are already unified
  });

  it('prints the same numbers in the table, with bilingual program names', () => {
    const t = jiuzhu(['compare', ...policyArgs, ...scenarioArgs, '--households', SAMPLE, '--date', DATE]).stdout;
    expect(t).toContain('特困 tekun');
    const groupedTotal = json.localities[0].scenarios[1].total_annual_cost.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
    expect(t).toContain(groupedTotal);
    expect(t).toMatch(/flows between layers/);
    const md = jiuzhu([
      'compare',
      ...policyArgs,
      '--scenario',
      SCENARIOS[0]!,
      '--households',
      SAMPLE,
      '--date',
      DATE,
      '--format',
      'markdown',
    ]).stdout;
    expect(md).toMatch(/^\| program 项目 \(yuan 元\/year; caseloads 户\) \| baseline 基线 \| tekun-basic-1\.6x \| Δ \|$/m);
    const csv = jiuzhu([
      'compare',
      ...policyArgs,
      '--scenario',
      SCENARIOS[0]!,
      '--households',
      SAMPLE,
      '--date',
      DATE,
      '--format',
      'csv',
    ]).stdout.split('\n');
    expect(csv[0]).toBe(
      'policy,scenario,program,households,persons,annual_cost,uses_estimate,delta_annual_cost,delta_annual_cost_pct,eligible_households,eligible_persons,eligible_annual_cost,funding_central,funding_provincial,funding_local,delta_households,delta_persons',
    );
    expect(csv).toHaveLength(1 + 3 * 2 * (PROGRAM_IDS.length + 1) + 1); // a row per program and a total, per run
  });

  // An onboarding trial subtracted Shenzhen's totals from Guangzhou's by hand: each locality's table came in turn
  it('puts the localities’ baselines side by side, each one’s difference from the first, as the JSON’s figures give them', () => {
    const t = jiuzhu(['compare', ...policyArgs, ...scenarioArgs, '--households', SAMPLE, '--date', DATE]).stdout;
    type Total = { total_annual_cost: string; total_annual_cost_exact: string };
    const [first, second, third] = json.localities.map((l: { scenarios: Total[] }) => l.scenarios[0]!) as Total[];
    const grouped = (v: string) => v.replace(/^-/, '−').replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
    // (the difference of the exact totals, rounded once: the rounded totals' differs by a fen)
    const diff = (x: { total_annual_cost_exact: string }) => {
      const d = D(D(x.total_annual_cost_exact).minus(first.total_annual_cost_exact).toFixed(2));
      return `${d.isNegative() ? '' : '+'}${grouped(d.toFixed(2))} (${d.isNegative() ? '' : '+'}${d.dividedBy(first.total_annual_cost).times(100).toFixed(2).replace(/^-/, '−')}%)`;
    };
    const total = t.split('\n').find((l) => l.startsWith('total 合计') && l.includes(grouped(third.total_annual_cost)))!;
    // (a locality's total rests on an estimate somewhere — each has some in force — and says so, as its own table does)
    expect(total.split(/\s{2,}/).slice(1)).toEqual([
      ...[first, second, third].map((x) => `${grouped(x.total_annual_cost)} *`),
      diff(second),
      diff(third),
    ]);
    // each program's cell marked where that locality's baseline rests on an estimate for it (JSON uses_estimate), as
    // each locality's own table marks it — a researcher copying the side-by-side table alone lost the marks
    type Program = { uses_estimate: boolean };
    const side = t.slice(t.indexOf('localities side by side 地区对比'), t.indexOf('total 合计'));
    const marks = (id: string, label: string) => {
      const cells = side
        .split('\n')
        .find((l) => l.startsWith(label))!
        .split(/\s{2,}/)
        .slice(1, 4);
      const said = json.localities.map(
        (l: { scenarios: { programs: Record<string, Program> }[] }) => l.scenarios[0]!.programs[id]!.uses_estimate,
      );
      expect(cells.map((c) => c.endsWith(' *'))).toEqual(said);
      return said as boolean[];
    };
    const seen = [marks('tekun', '特困 tekun'), marks('dibao', '低保 dibao'), marks('temporary', '临时救助 temporary')].flat();
    expect(seen).toContain(true);
    expect(seen).toContain(false);
    expect(t.indexOf('localities side by side 地区对比')).toBeLessThan(t.indexOf('Guangxi / Nanning'));
    const one = jiuzhu(['compare', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', DATE]).stdout;
    expect(one).not.toContain('side by side');
  });

  it('Markdown has the flows between layers as a table, with the JSON transitions (it had the title only)', () => {
    const args = ['compare', '--policy', 'policies/guangxi-nanning.yaml', '--scenario', 'scenarios/combined-package.yaml'];
    const run = (format: string) => jiuzhu([...args, '--households', SAMPLE, '--date', DATE, '--format', format]).stdout;
    const { layers: all, persons } = JSON.parse(run('json')).localities[0].scenarios[1].transitions as {
      layers: string[];
      persons: string[][];
    };
    const md = run('markdown').split('\n');
    const at = md.findIndex((l) => l.startsWith('- flows between layers'));
    expect(at).toBeGreaterThan(0);
    const header = md[at + 2]!.split('|').map((c) => c.trim());
    const layers = header.slice(2, -1);
    expect(header[1]).toBe('baseline \\ scenario 基线 \\ 方案');
    expect(layers.length).toBeGreaterThanOrEqual(2);
    const moved = layers.some((_from, i) => layers.some((_to, j) => i !== j && md[at + 4 + i]!.split('|')[2 + j]!.trim() !== '0'));
    expect(moved).toBe(true);
    // every row and cell as the JSON has it (weighted persons rounded, digits grouped)
    // (rows and columns named in full, 低保 dibao: an English reader had the columns in 中文 alone)
    const ids = layers.map((name) => all.find((id) => layerLabel(id) === name)!);
    ids.forEach((from, i) => {
      const cells = md[at + 4 + i]!.split('|').map((c) => c.trim());
      expect(cells[1]).toBe(layerLabel(from));
      ids.forEach((to, j) =>
        expect(cells[2 + j]).toBe(Math.round(Number(persons[all.indexOf(from)]![all.indexOf(to)])).toLocaleString('en')),
      );
    });
  });

  it('rejects a scenario that does not fit a locality before reading any household (exit 3)', () => {
    const bad = jiuzhu([
      'compare',
      ...policyArgs,
      '--scenario',
      'test/fixtures/scenarios/care-x2.yaml',
      '--households',
      'nowhere.csv',
      '--date',
      DATE,
    ]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/guangxi-nanning: tekun\.care\.min_wage_share\.none: × 2 of 0\.7 .* gives 1\.4, above the maximum 1/);
    // Every locality's problems, in --policy order (not whichever locality failed first in time).
    expect(bad.stderr).toMatch(/guangxi-nanning[^]*guangdong-guangzhou: tekun\.care\.min_wage_share\.none: × 2 of 0\.6/);
  });

  it('reports the problems of every invalid scenario file, in the order given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
    writeFileSync(a, 'scenario: a\ntitle: {zh: a, en: a}\nreason: test\nchanges:\n  no.such.parameter: {set: 1}\n');
    writeFileSync(b, 'scenario: b\ntitle: {zh: b, en: b}\nreason: test\nchanges:\n  tekun.basic.multiplier: {set: fast}\n');
    const bad = jiuzhu(['compare', ...policyArgs, '--scenario', a, '--scenario', b, '--households', 'nowhere.csv', '--date', DATE]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/a\.yaml:5:3: [^\n]*no\.such\.parameter[^]*b\.yaml:5:/);
  });
});

describe('compare, sensitivity and explain: what the policies say to watch', () => {
  // Nanning's newest dibao standards are 2022-04-01's (3+ years before 2025-06-30); Guangzhou's and Fuliang's are
  // newer: only Nanning's note, on stderr (as simulate prints it), for a date and for a budget year; --quiet: none.
  it('prints each stale policy’s note on stderr, for a date and a budget year; nothing with --quiet', () => {
    const run = (...more: string[]) => jiuzhu(['compare', ...policyArgs, '--households', SAMPLE, ...more]);
    const stale = (later: string, years: number) =>
      `note: policies/guangxi-nanning.yaml: the newest dibao standards it gives (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01) are ${years}+ years older than ${later}: carried forward unchanged`;
    const dated = run('--date', DATE);
    expect(dated.code, dated.stderr).toBe(0);
    // (and no take-up note: the sample has no take_up_draw, so every locality takes everything up — budget.test.ts)
    // (and each policy whose newest disposable income, the rigid-expenditure line's measure, is a year old: Fuliang's is 2025's)
    const income = (policy: string, urban: number, rural: number) =>
      `note: policies/${policy}.yaml: the newest disposable incomes (the rigid-expenditure line) it gives (urban ${urban} from 2024-01-01, rural ${rural} from 2024-01-01) are 1+ year older than ${DATE}: carried forward unchanged`;
    expect(dated.stderr.split('\n').filter((l) => l.startsWith('note: '))).toEqual([
      expect.stringContaining(stale(DATE, 3)),
      expect.stringContaining(income('guangxi-nanning', 44469, 20369)),
      expect.stringContaining(income('guangdong-guangzhou', 79923, 38530)),
      // (and what compare's columns are: one file's households under each locality's rules)
      expect.stringContaining("note: one household file runs under each locality's rules"),
      // (and the sample's few households some programs rest on, as simulate says it: a researcher's trial)
      expect.stringContaining('note: few households of the sample receive'),
    ]);
    expect(run('--year', '2026').stderr).toContain(stale('2026-12-31', 4));
    expect(run('--date', DATE, '--quiet').stderr).toBe('');
    // sensitivity and explain say it too (found by a new-user trial: only simulate did)
    const nanning = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', DATE];
    expect(jiuzhu(['sensitivity', ...nanning]).stderr).toContain(stale(DATE, 3));
    expect(jiuzhu(['explain', ...nanning, '--household', 'H0001']).stderr).toContain(stale(DATE, 3));
    expect(jiuzhu(['explain', ...nanning, '--household', 'H0001', '--quiet']).stderr).toBe('');
  });
});

describe('simulate --scenario', () => {
  it('writes per-household rows for the baseline and each scenario, the scenario column holding its id', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-')), 'rows.csv');
    const r = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--date',
      DATE,
      ...scenarioArgs,
      '--per-household',
      out,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(600 * 4);
    expect(rows.slice(0, 4).map((l) => l.split(',')[1])).toEqual(['baseline', 'tekun-basic-1.6x', 'low-income-2x', 'unify-rural-urban']);
    const json = JSON.parse(r.stdout);
    expect(json.scenarios[1].programs.tekun.delta.annual_cost).toBe(
      D(json.scenarios[1].programs.tekun.annual_cost_exact).minus(json.scenarios[0].programs.tekun.annual_cost_exact).toFixed(2),
    );
  });

  it('params --scenario prints the derived parameters', () => {
    const r = jiuzhu([
      'params',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--scenario',
      'scenarios/unify-rural-urban.yaml',
      '--scenario',
      'scenarios/dibao-standard-plus-10pct.yaml',
      '--date',
      DATE,
      '--format',
      'json',
    ]);
    const json = JSON.parse(r.stdout);
    expect([json['dibao.standard.urban'], json['dibao.standard.rural']]).toEqual(['891', '891']);
  });
});

describe('compare --unit: every total in the unit asked for', () => {
  // A reform author's `--unit wan`: the program table in 万元, the winners, losers and areas still in yuan
  it('winners, losers and areas in 万元 as the JSON figures ÷ 10,000; a household’s mean change stays in yuan, said', () => {
    const args = ['compare', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', DATE];
    args.push('--scenario', 'scenarios/dibao-standard-plus-10pct.yaml');
    const s = JSON.parse(jiuzhu([...args, '--format', 'json']).stdout).localities[0].scenarios[1];
    const wan = (yuan: string) =>
      D(yuan)
        .dividedBy(10_000)
        .toFixed(2)
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const text = jiuzhu([...args, '--unit', 'wan']).stdout;
    expect(text).toContain(`(+${wan(s.winners_losers.gainers.amount)} 万元 10k yuan/year), of which new entrants`);
    expect(text).toContain(
      `losers 受损 ${Math.round(Number(s.winners_losers.losers.households)).toLocaleString('en')}, ${Math.round(Number(s.winners_losers.losers.persons)).toLocaleString('en')} persons (−${wan(s.winners_losers.losers.amount)} 万元 10k yuan/year)`,
    );
    expect(text).toContain(
      `by area (万元 10k yuan/year): 城镇 urban +${wan(s.by_area.urban.delta_annual_cost)} · 农村 rural +${wan(s.by_area.rural.delta_annual_cost)}`,
    );
    expect(text).toContain(
      `average change per household, yuan 元 a year, by per-capita income decile (D1 poorest): D1 +${Number(s.by_decile[0].average_delta_per_household).toLocaleString('en', { minimumFractionDigits: 2 })}`,
    );
    // who pays: the scenario's change at each level beside its split (funding.delta in JSON)
    const d = s.funding.delta;
    expect(text).toContain(`city/county ${wan(s.funding.local)} (Δ +${wan(d.central)} · +${wan(d.provincial)} · +${wan(d.local)})`);
    const md = jiuzhu([...args, '--unit', 'wan', '--format', 'markdown']).stdout;
    expect(md).toContain(`- by area (万元 10k yuan/year): 城镇 urban +${wan(s.by_area.urban.delta_annual_cost)}`);
  });
});

describe('compare: where the losers went', () => {
  /** compare of the sample under a locality's rules, against them unified (scenarios/unify-rural-urban.yaml). */
  const unified = (policy: string) => [
    'compare',
    '--policy',
    policy,
    '--households',
    SAMPLE,
    '--scenario',
    'scenarios/unify-rural-urban.yaml',
    '--date',
    DATE,
  ];

  // (a reform author's trial: Nanning unified, its losers chiefly rigid-expenditure aid → a smaller dibao, read as "raising
  // the standard cuts aid": the flow the rules end so is said why, the step's own words — 002 三)
  it('says why a flow of the losers is one the rules end so: rigid-expenditure aid where dibao begins', () => {
    const args = [...unified('policies/guangxi-nanning.yaml'), '--quiet'];
    const line = jiuzhu(args)
      .stdout.split('\n')
      .find((l) => l.startsWith("  the losers' members"))!;
    expect(line).toMatch(/^ {2}the losers' members \(weighted persons\): [\d,]+ rigid aid → dibao; /);
    expect(line).toMatch(
      / — rigid-expenditure aid ends where the household qualifies for dibao \(which may pay less, or not be taken up\): step 4 deducts rigid expenditure only for a household not on dibao \(002 三; DOMAIN step 4\)/,
    );
    const zh = jiuzhu([...args, '--lang', 'zh'])
      .stdout.split('\n')
      .find((l) => l.startsWith('  受损家庭成员'))!;
    expect(zh).toContain('（家庭符合低保即不再给予刚性支出救助（低保可能更少或未申领）：第 4 步只对不在低保的家庭扣除刚性支出（002 三');
    // (a flow no rule ends so is not explained: low-income → dibao, a tekun member paid less)
    expect(line.match(/ends where/g)).toHaveLength(1);
  });

  // A policy author's unifying reform had losers, unexplained: the flows of the losers' members alone, in JSON
  // (`loser_transitions`) and as the largest three under the winners line.
  it('counts the losers’ persons, as simulate’s per-household rows give them, and the same on worker threads', () => {
    const args = unified('policies/jiangxi-fuliang.yaml');
    const r = jiuzhu([...args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).localities[0].scenarios[1];
    const sum = (m: string[][]) => m.flat().reduce((a, x) => a.plus(x), D(0));
    // by hand from simulate's rows: Σ weight × persons over the households whose annual total falls
    const rows = join(mkdtempSync(join(tmpdir(), 'jiuzhu-losers-')), 'rows.csv');
    const sim = jiuzhu([
      ...[
        'simulate',
        '--policy',
        'policies/jiangxi-fuliang.yaml',
        '--households',
        SAMPLE,
        '--scenario',
        'scenarios/unify-rural-urban.yaml',
      ],
      ...['--date', DATE, '--per-household', rows, '-q'],
    ]);
    expect(sim.code, sim.stderr).toBe(0);
    const [head, ...lines] = readFileSync(rows, 'utf8').trim().split('\n');
    const col = (name: string) => head!.split(',').indexOf(name);
    const [sampleHead, ...sampleRows] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
    const w = sampleHead!.split(',').indexOf('weight');
    const weights = new Map(sampleRows.map((l) => l.split(',')).map((c) => [c[0]!, c[w]!] as const));
    const byId = new Map<string, { base?: string; now?: string; persons: string }>();
    for (const l of lines) {
      const c = l.split(',');
      const e = byId.get(c[0]!) ?? { persons: c[col('persons')]! };
      e[c[col('scenario')] === 'baseline' ? 'base' : 'now'] = c[col('annual_total')]!;
      byId.set(c[0]!, e);
    }
    const losers = [...byId].filter(([, e]) => D(e.now!).lessThan(e.base!));
    const persons = losers.reduce((a, [id, e]) => a.plus(D(weights.get(id)!).times(e.persons)), D(0));
    expect(losers.length).toBeGreaterThan(0);
    expect(sum(s.loser_transitions.persons).toFixed(1)).toBe(persons.toFixed(1));
    expect(sum(s.loser_transitions.persons).lessThan(sum(s.transitions.persons))).toBe(true);
    // the table's line, the largest three
    expect(jiuzhu(args).stdout).toMatch(/\n {2}the losers' members \(weighted persons\): [\d,]+ \S+ → \S+; /);
    // the same figures from worker threads, each its range of households, merged exactly
    const threaded = jiuzhu([...args, '--format', 'json'], {
      env: { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0', JIUZHU_PARALLEL_FROM_BYTES: '0' },
    });
    expect(JSON.parse(threaded.stdout).localities[0].scenarios[1].loser_transitions).toEqual(s.loser_transitions);
  });
});
