// tui --year: the views over a budget year (Nanning 2024: two periods of parameters — the low-income line 1.5 → 2 × S
// and rigid-expenditure identification from 1 November, 001（一） — and gradual exits paid from January), its figures compare
// --year's and simulate --year --per-household's; a knob's year as a scenario's; traces, cliffs and rates at its last day.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { keys, LEFT, open, RIGHT, yearData } from '../helpers/tui.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const TEKUN = 'scenarios/tekun-basic-1.6x.yaml';
const ESC = '\u001B';
/** The sample under Nanning over 2024, the baseline and tekun 1.6 × S. */
const RUN = ['--policy', NANNING, '--households', SAMPLE, '--year', '2024', '--scenario', TEKUN];

/** compare --year 2024's JSON for the sample under Nanning, the baseline and tekun 1.6 × S. */
function compareYear() {
  const r = jiuzhu(['compare', ...RUN, '--format', 'json', '-q']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).localities[0].scenarios as Array<{
    programs: Record<string, { annual_cost?: string; households: string }>;
    total_annual_cost: string;
    winners_losers?: { gainers: { households: string } };
  }>;
}
/** Yuan → millions, one decimal, as the screen shows a cost. */
const m = (yuan: string) => (Number(yuan) / 1e6).toFixed(1);

describe('tui --year: the views over a budget year', () => {
  it('overview: each program’s year and the total, the baseline and the run, as compare --year gives them', async () => {
    const [base, run] = compareYear();
    const f = await keys(await open(await yearData([NANNING], [TEKUN], 2024)), '1');
    expect(f).toContain('· budget year 2024');
    // tekun over the year: 323.7 → 379.6 M (compare --year's: +56.0 M, +17.3 %)
    expect(f).toMatch(
      new RegExp(
        `^特困 tekun \\*\\s+${m(base!.programs.tekun!.annual_cost!)}\\s+${m(run!.programs.tekun!.annual_cost!)}\\s+\\+56\\.0\\s+\\+17\\.3%$`,
        'm',
      ),
    );
    expect(f).toMatch(new RegExp(`^total \\(M yuan/yr\\)\\s+${m(base!.total_annual_cost)}\\s+${m(run!.total_annual_cost)}\\s`, 'm'));
    // the low-income caseload is the year's average month: 1.5 × S for ten months, 2 × S for two
    const edge = Math.round(Number(base!.programs.low_income!.households)).toLocaleString('en-US');
    expect(f).toMatch(new RegExp(`^低保边缘 low-income \\*\\s+${edge} hh\\s`, 'm'));
    expect(f).toContain(`gain ${Math.round(Number(run!.winners_losers!.gainers.households)).toLocaleString('en-US')} `);
  });

  it('households: each household’s year before and under the run, simulate --year --per-household’s year_total', async () => {
    const r = jiuzhu(['simulate', ...RUN, '--per-household', '-', '-q', '--out', '/dev/null']);
    expect(r.code).toBe(0);
    const [head, ...rows] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const col = head!.indexOf('year_total');
    const year = new Map(rows.map((c) => [`${c[0]} ${c[1]}`, c[col]!]));
    const f = await keys(await open(await yearData([NANNING], [TEKUN], 2024)), '4');
    // the largest change first: a tekun household's year under both runs
    const first = f.split('\n').find((l) => /^▸? ?H\d{4}\s/.test(l.trim()) || /^\s*H\d{4}\s/.test(l))!;
    const id = first.match(/H\d{4}/)![0];
    const amounts = first.match(/[\d,]+\.\d{2}/g)!.map((a) => a.replace(/,/g, ''));
    expect(amounts.slice(0, 2)).toEqual([year.get(`${id} baseline`), year.get(`${id} tekun-basic-1.6x`)]);
  });

  it('knobs: tekun 1.3 → 1.6 × S costs the year what the scenario does', async () => {
    const [, run] = compareYear();
    const a = await open(await yearData([NANNING], [], 2024));
    const f = await keys(a, '3', RIGHT, RIGHT, RIGHT);
    expect(f).toContain('1.6 × S');
    expect(f).toMatch(new RegExp(`→ knobs ${m(run!.total_annual_cost)} `));
    const o = await keys(a, '1');
    expect(o).toMatch(new RegExp(`^特困 tekun \\*\\s+\\d+\\.\\d\\s+${m(run!.programs.tekun!.annual_cost!)}\\s`, 'm'));
  });

  it('knobs: a knob whose baseline changes within the year says so, and set at its year-end value is still a change', async () => {
    // Nanning's low-income line: 1.5 × S until October, 2 × S from 1 November 2024. Set at 2 × S the knob sets the whole
    // year at 2 (its scenario's {set: 2}): a change for ten months, not "no knob moved".
    const a = await open(await yearData([NANNING], [], 2024));
    const down = '\u001B[B';
    const shown = await keys(a, '3', down, down);
    expect(shown).toMatch(/▸ low-income line\s+◂\s+2 × S\s+▸ \(baseline 1\.5→2 × S\)/);
    expect(shown).toContain('the baseline’s: 1.5 × S, 2 × S from 11-01 — moved, it sets the whole year');
    const f = await keys(a, RIGHT, LEFT);
    expect(f).toContain('low_income.multiplier: {set: 2}');
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-year-knob-'));
    const file = join(dir, 'li2.yaml');
    writeFileSync(
      file,
      'scenario: li2\ntitle: {zh: 边缘 2, en: low-income 2}\nreason: test\nchanges:\n  low_income.multiplier: {set: 2}\n',
    );
    const r = jiuzhu([
      'compare',
      '--policy',
      NANNING,
      '--households',
      SAMPLE,
      '--year',
      '2024',
      '--scenario',
      file,
      '--format',
      'json',
      '-q',
    ]);
    const [base, run] = JSON.parse(r.stdout).localities[0].scenarios as Array<{ programs: { low_income: { households: string } } }>;
    expect(Number(run!.programs.low_income.households)).toBeGreaterThan(Number(base!.programs.low_income.households) * 1.2);
    const o = await keys(a, '1');
    const hh = (x: string) => Math.round(Number(x)).toLocaleString('en-US');
    expect(o).toMatch(
      new RegExp(
        `^低保边缘 low-income \\*\\s+${hh(base!.programs.low_income.households)} hh\\s+${hh(run!.programs.low_income.households)} hh`,
        'm',
      ),
    );
  });

  it('a trace and a cliff say the day they are of, the year’s last', async () => {
    const a = await open(await yearData([NANNING], [TEKUN], 2024));
    await keys(a, '4');
    const t = await keys(a, '\r');
    expect(t).toContain('\nbelow: at 2024-12-31, the year’s last day; the list gives the whole year\nhousehold ');
    expect(t).toMatch(/— 2024-12-31 —/);
    expect(await keys(a, 'c')).toContain('\nbelow: at 2024-12-31, the year’s last day');
    await keys(a, ESC, ESC, '6');
    expect(await keys(a, '6')).toContain('\nat 2024-12-31, the year’s last day\n');
    const z = await open(await yearData([NANNING], [TEKUN], 2024), 'zh');
    await keys(z, '4');
    expect(await keys(z, '\r')).toContain('\n以下按 2024-12-31（该年度最后一日）计算；列表与总览的金额为全年各时段合计\n');
  });
});
