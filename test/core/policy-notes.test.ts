// What a run says about its policy (core/policy-notes.ts): a dibao standard carried forward a year or more past the
// newest value the policy gives, and the parameter rules' findings. Nanning's newest standards (seed-era notices):
// urban 810 and rural 566.67 a month, both from 2022-04-01 (policies/guangxi-nanning.yaml).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyNotes, staleStandards, yearsNotes } from '../../src/core/policy-notes.js';
import type { Projection } from '../../src/core/projection.js';
import { D } from '../../src/core/money.js';
import { parsePolicy } from '../../src/io/policy-file.js';

const text = readFileSync('policies/guangxi-nanning.yaml', 'utf8');
const nanning = parsePolicy(text, 'nanning.yaml');

describe('staleStandards', () => {
  it('a standard is stale from one whole year after the newest value, not a day sooner', () => {
    expect(staleStandards(nanning, '2023-03-31')).toEqual([]); // 364 days: no note
    expect(staleStandards(nanning, '2023-04-01').map((s) => [s.path, s.value, s.from, s.years])).toEqual([
      ['dibao.standard.urban', '810', '2022-04-01', 1],
      ['dibao.standard.rural', '566.67', '2022-04-01', 1],
    ]);
    expect(staleStandards(nanning, '2025-06-30').map((s) => s.years)).toEqual([3, 3]);
    // a date before the newest value: the value in force then is followed by a newer one, so not stale
    expect(staleStandards(nanning, '2021-12-31')).toEqual([]);
  });
});

describe('policyNotes', () => {
  it('says how old the carried standards are, once, for the last date', () => {
    expect(policyNotes(nanning, ['2022-06-30'])).toEqual([]);
    expect(policyNotes(nanning, ['2022-06-30', '2025-06-30'])).toEqual([
      'note: nanning.yaml: the newest dibao standards it gives (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01) are 3+ years older than 2025-06-30: carried forward unchanged (add the newer value, or simulate --years with a --projection)',
      // the rigid-expenditure line's measure, last year's income: Nanning's 2023 figure stands from 2024-01-01 (001（一）
      // 上年度当地居民人均可支配收入), so 2025 uses it a year late
      'note: nanning.yaml: the newest disposable incomes (the rigid-expenditure line) it gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are 1+ year older than 2025-06-30: carried forward unchanged (add the newer value, or simulate --years with a --projection)',
    ]);
    // not a day sooner: 2024-12-31 is within the year of 2024's figure
    expect(policyNotes(nanning, ['2024-12-31']).filter((n) => n.includes('disposable'))).toEqual([]);
  });

  it('a projection that grows a figure says its age once, of its base year, and the policy’s own note is not said', () => {
    const projection = {
      id: 'p',
      baseYear: 2025,
      uprate: [{ read: 'rigid.disposable_income.', yearly: D('0.05') }],
    } as unknown as Projection;
    const notes = yearsNotes(nanning, projection, 2026, 2027);
    expect(notes.filter((n) => n.includes('disposable'))).toEqual([
      'note: projection p grows from base_year 2025, but the newest disposable incomes (the rigid-expenditure line) nanning.yaml gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are older: 2025 taken as unchanged, then grown (add the published values, or an earlier base_year)',
    ]);
    // (the standards it does not grow: carried forward to the last year, as without a projection)
    expect(notes.filter((n) => n.includes('dibao standards'))).toEqual([
      expect.stringMatching(
        /^note: nanning\.yaml: the newest dibao standards .* are 5\+ years older than 2027-12-31: carried forward unchanged/,
      ),
    ]);
  });

  // A county budget re-trial: base_year 2024 beside Nanning-like standards published for a later year took no raise in
  // that year, unsaid. Nanning's standards of 2022-04-01 under base_year 2021: 2022 is kept, not grown.
  it('a value the policy publishes for a projected year is said to be kept, that year not grown', () => {
    const projection = { id: 'p', baseYear: 2021, uprate: [{ read: 'dibao.standard.', yearly: D('0.04') }] } as unknown as Projection;
    expect(yearsNotes(nanning, projection, 2023, 2024).filter((n) => n.includes('keeps'))).toEqual([
      'note: projection p keeps the dibao standards nanning.yaml gives for 2022 (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01): that year is not grown, the next grown from them (a raise within such a year: add its dated value to the policy)',
    ]);
    expect(yearsNotes(nanning, { ...projection, baseYear: 2022 }, 2023, 2024).filter((n) => n.includes('keeps'))).toEqual([]);
  });

  // A QA trial's base_year 1989 halved a three-year budget (incomes grown 37 years), said only by rules on the policy's lines
  it('a base year before the policy’s values begin is said, with how long the households are grown', () => {
    const at = (baseYear: number) =>
      yearsNotes(
        nanning,
        { id: 'p', baseYear, uprate: [{ read: 'dibao.standard.', yearly: D('0.04') }] } as unknown as Projection,
        2026,
        2028,
      ).filter((n) => n.includes('values begin'));
    expect(at(1989)).toEqual([
      "note: projection p's base_year 1989 is before nanning.yaml's values begin (2020-11-21): the households' incomes and weights are grown from 1989, 37 years to 2026, and each year without a published value grown in between (a typo in base_year? it is the last year of published values and of the households file)",
    ]);
    expect(at(2019)).toHaveLength(1);
    expect(at(2020)).toEqual([]); // (the year the values begin)
    expect(at(2025)).toEqual([]);
  });

  it('gives the parameter rules’ findings with their place: a standard typed 10× too high', () => {
    const typo = parsePolicy(text.replace(/( {10}value: )810\n/, '$18100\n'), 'typo.yaml');
    const line = text.split('\n').findIndex((l) => l === '          value: 810') + 1;
    expect(line).toBeGreaterThan(1);
    // (the urban disposable incomes are then under 12 × S too: amounts-in-their-period, told at the newer line: the standard's for 2022)
    const all = policyNotes(typo, ['2022-06-30']);
    expect(all.some((n) => n.includes('amounts-in-their-period') && n.startsWith(`error: typo.yaml:${line - 1}:`))).toBe(true);
    const notes = all.filter((n) => !n.includes('amounts-in-their-period'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(
      new RegExp(`^warning: typo\\.yaml:${line - 1}:\\d+: dibao\\.standard\\.urban goes 790 → 8100 .*standard-yearly-change`),
    );
    // and against the minimum wage in force (1810), once however often the wage changes after
    expect(notes[1]).toMatch(
      new RegExp(
        `^error: typo\\.yaml:${line - 1}:\\d+: at 2022-04-01 dibao\\.standard\\.urban 8100 is not below min_wage\\.monthly 1810 .*standard-below-min-wage`,
      ),
    );
  });
});
