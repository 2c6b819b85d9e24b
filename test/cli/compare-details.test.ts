// compare --details FILE.csv (a researcher's trial: the winners and losers, the area and decile splits and the localities
// against the first were in the JSON and the workbook only, not in a CSV for R or Stata): a row per locality × run ×
// comparison × group, every cell the JSON's figure; the gains less the losses are the difference of the totals.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-details-'));
const [NANNING, GUANGZHOU] = ['policies/guangxi-nanning.yaml', 'policies/guangdong-guangzhou.yaml'];
const BOTH = ['--policy', NANNING, '--policy', GUANGZHOU, '--households', SAMPLE, '--scenario', 'scenarios/low-income-2x.yaml'];

type Row = Record<string, string>;
type Details = { winners_losers?: Record<string, Record<string, string>>; by_area: Record<string, Row>; by_decile: Row[] };
const read = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

describe('compare --details', () => {
  const file = join(dir, 'details.csv');
  const r = jiuzhu(['compare', ...BOTH, '--date', '2025-06-30', '--format', 'json', '--details', file]);
  const json = JSON.parse(r.stdout) as {
    localities: Array<
      { id: string; scenarios: Array<{ id: string; total_annual_cost: string } & Details & { against_first?: Details }> } & {
        against_first?: Details;
      }
    >;
  };

  it('writes each comparison’s groups as the JSON gives them, and says so on stderr', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^wrote ${file} \\(\\d+ KB\\)$`, 'm'));
    const rows = read(file);
    // Nanning: its baseline's groups (12: urban, rural, ten deciles), its scenario against it (all + 12). Guangzhou: the
    // same, and each run against Nanning's same run (13 each): 25 + 51.
    expect(rows).toHaveLength(76);
    const groups = ['urban', 'rural', ...Array.from({ length: 10 }, (_, k) => `decile_${k + 1}`)];
    json.localities.forEach((l, i) => {
      const policy = i ? GUANGZHOU : NANNING;
      l.scenarios.forEach((s, k) => {
        const comparisons: Array<[string, Details]> = [
          ['baseline', s],
          ...(i ? [['guangxi-nanning', k ? s.against_first! : l.against_first!] as [string, Details]] : []),
        ];
        for (const [against, d] of comparisons) {
          const mine = rows.filter((x) => x.policy === policy && x.scenario === s.id && x.against === against);
          const hasAll = against !== 'baseline' || k > 0;
          expect(mine.map((x) => x.group)).toEqual([...(hasAll ? ['all'] : []), ...groups]);
          for (const x of mine) {
            if (x.group === 'all') {
              for (const [kind, figures] of Object.entries(d.winners_losers ?? (k ? s.winners_losers! : {})))
                for (const [figure, v] of Object.entries(figures)) expect(x[`${kind}_${figure}`], `${kind}_${figure}`).toBe(v);
              continue;
            }
            const g = x.group.startsWith('decile_') ? d.by_decile[Number(x.group.slice(7)) - 1]! : d.by_area[x.group]!;
            for (const key of [
              'households',
              'persons',
              'baseline_annual_cost',
              'annual_cost',
              'delta_annual_cost',
              'average_delta_per_household',
            ])
              expect(x[key], `${policy} ${s.id} ${against} ${x.group} ${key}`).toBe(g[key] ?? '');
            expect(x.upper_income_per_capita).toBe(x.group.startsWith('decile_') ? (g.upper_income_per_capita ?? '') : '');
          }
        }
      });
    });
  });

  it('adds up: each comparison’s gains less its losses, and its areas’ changes, are the difference of its totals', () => {
    const rows = read(file);
    const total = (l: number, s: number) => D(json.localities[l]!.scenarios[s]!.total_annual_cost);
    for (const [policy, scenario, against, expected] of [
      [GUANGZHOU, 'baseline', 'guangxi-nanning', total(1, 0).minus(total(0, 0))],
      [GUANGZHOU, 'low-income-2x', 'baseline', total(1, 1).minus(total(1, 0))],
      [GUANGZHOU, 'low-income-2x', 'guangxi-nanning', total(1, 1).minus(total(0, 1))],
    ] as const) {
      const mine = rows.filter((x) => x.policy === policy && x.scenario === scenario && x.against === against);
      const all = mine.find((x) => x.group === 'all')!;
      expect(D(all.gainers_amount!).minus(all.losers_amount!).toFixed(2), `${scenario} against ${against}`).toBe(expected.toFixed(2));
      const areas = mine.filter((x) => x.group === 'urban' || x.group === 'rural').reduce((a, x) => a.plus(x.delta_annual_cost!), D(0));
      // (each area's change rounded to the fen on its own: their sum within a fen of the total's)
      expect(areas.minus(expected).abs().lte('0.01'), `${areas.toFixed(2)} ${expected.toFixed(2)}`).toBe(true);
    }
    // (the baseline of Guangzhou against Nanning's moves someone: not a table of zeros)
    expect(total(1, 0).minus(total(0, 0)).isZero()).toBe(false);
  });

  it('over a budget year: a year column first, the year’s figures', () => {
    const yearly = join(dir, 'year.csv');
    const y = jiuzhu(['compare', ...BOTH, '--year', '2025', '--format', 'json', '--quiet', '--details', yearly]);
    expect(y.code, y.stderr).toBe(0);
    const rows = read(yearly);
    expect(Object.keys(rows[0]!).slice(0, 5)).toEqual(['year', 'policy', 'scenario', 'against', 'group']);
    expect(new Set(rows.map((x) => x.year))).toEqual(new Set(['2025']));
    const against = (JSON.parse(y.stdout) as typeof json).localities[1]!.against_first!;
    const all = rows.find(
      (x) => x.policy === GUANGZHOU && x.scenario === 'baseline' && x.against === 'guangxi-nanning' && x.group === 'all',
    )!;
    expect(all.gainers_amount).toBe(against.winners_losers!.gainers!.amount);
  });

  it('never over an input, nor with the HTML report', () => {
    const policyCopy = join(dir, 'policy.yaml');
    writeFileSync(policyCopy, readFileSync(NANNING));
    const over = jiuzhu(['compare', '--policy', policyCopy, '--households', SAMPLE, '--date', '2025-06-30', '--details', policyCopy]);
    expect([over.code, over.stderr.split('\n')[0]]).toEqual([
      2,
      `jiuzhu: --details ${policyCopy} is the policy file ${policyCopy}: jiuzhu never writes over a file it reads`,
    ]);
    expect(readFileSync(policyCopy, 'utf8')).toBe(readFileSync(NANNING, 'utf8'));
    const html = jiuzhu([
      'compare',
      ...BOTH,
      '--date',
      '2025-06-30',
      '--format',
      'html',
      '--out',
      join(dir, 'r.html'),
      '--details',
      join(dir, 'h.csv'),
    ]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('--details goes with the other formats');
  });
});
