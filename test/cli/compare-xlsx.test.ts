// compare --format xlsx: the workbook a finance bureau forwards when it compares reforms (and localities). Every
// figure is compare's JSON figure, in the unit asked for, as a number; each row names its locality.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const LOCALITIES = ['--policy', 'policies/guangxi-nanning.yaml', '--policy', 'policies/guangdong-guangzhou.yaml'];
const SCENARIOS = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--scenario', 'scenarios/tekun-basic-1.6x.yaml'];
const compare = (...more: string[]) => jiuzhu(['compare', ...LOCALITIES, ...SCENARIOS, '--households', SAMPLE, ...more]);

type Row = unknown[];
async function workbook(...more: string[]): Promise<{ names: string[]; rows: (sheet: string) => Row[] }> {
  const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-compare-xlsx-')), 'compare.xlsx');
  const r = compare(...more, '--format', 'xlsx', '--out', out);
  expect(r.stderr).toContain(`wrote ${out}`);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return {
    names: wb.worksheets.map((w) => w.name),
    rows: (sheet) => {
      const ws = wb.getWorksheet(sheet)!;
      return (ws.getRows(2, ws.rowCount - 1) ?? []).map((row) => (row.values as unknown[]).slice(1));
    },
  };
}

/** yuan in 万元, as the cell holds it (the double nearest the exact quotient). */
const wan = (yuan: string) => D(yuan).dividedBy(10_000).toNumber();

describe('compare --format xlsx', () => {
  it("holds compare's JSON figures, in 万元, each row under its locality: totals, winners and losers, groups, flows", async () => {
    const { names, rows } = await workbook('--date', '2025-06-30', '--unit', 'wan');
    expect(names).toEqual([
      '总表 Totals',
      '资助参保类别 Premium groups',
      '特困分项 Tekun parts',
      '临时救助层级 Temporary tiers',
      '分级负担 Funding',
      '估计值 Estimates',
      '参数 Parameters',
      '受益受损 Winners',
      '分组 Groups',
      '流动 Flows',
      '说明 About',
    ]);
    const json = JSON.parse(compare('--date', '2025-06-30', '--format', 'json').stdout);
    const locality = (i: number) => `${json.localities[i].name.zh} ${json.localities[i].name.en}`;
    const totals = rows('总表 Totals');
    const winners = rows('受益受损 Winners');
    const groups = rows('分组 Groups');
    const flows = rows('流动 Flows');
    let checked = 0;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- (JSON as parsed)
    json.localities.forEach((l: { scenarios: Array<Record<string, any>> }, i: number) => {
      for (const s of l.scenarios) {
        const mine = totals.filter((r) => r[0] === locality(i) && r[1] === s.id);
        expect(mine).toHaveLength(Object.keys(s.programs).length + 1); // each program and 合计
        for (const [id, p] of Object.entries<Record<string, string>>(s.programs)) {
          const row = mine.find((r) => r[3] === id)!;
          // (the caseloads, 低保边缘 and 刚性支出困难, have no money: their cost cells are empty)
          expect(row[6] ?? null).toBe(['low_income', 'rigid_family'].includes(id) ? null : wan(p.annual_cost));
          checked++;
        }
        expect(mine.at(-1)!.slice(2, 4)).toEqual(['合计 total', 'total']);
        expect(mine.at(-1)![6]).toBe(wan(s.total_annual_cost));
        if (s.id === 'baseline') {
          expect(winners.some((r) => r[0] === locality(i) && r[1] === 'baseline')).toBe(false); // (its own: no change)
        } else {
          const w = s.winners_losers;
          expect(winners.find((r) => r[0] === locality(i) && r[1] === s.id)).toEqual([
            locality(i),
            s.id,
            Number(w.gainers.households),
            Number(w.gainers.persons),
            wan(w.gainers.amount),
            Number(w.entrants.households),
            Number(w.losers.households),
            Number(w.losers.persons),
            wan(w.losers.amount),
            Number(w.exits.households),
            Number(w.losers_through_take_up.households),
            Number(w.unchanged.households),
          ]);
          // every move between two layers, and only those
          const moves = (s.transitions.persons as string[][]).flatMap((row, a) =>
            row.flatMap((v, b) => (a !== b && v !== '0' ? [Number(v)] : [])),
          );
          expect(flows.filter((r) => r[0] === locality(i) && r[1] === s.id).map((r) => r[4])).toEqual(moves);
        }
        // by decile: the poorest tenth's households, its costs and the mean change per household (yuan)
        const d1 = groups.find((r) => r[0] === locality(i) && r[1] === s.id && r[2] === 'D1')!;
        const j = s.by_decile[0];
        expect(d1.slice(3)).toEqual([
          Number(j.upper_income_per_capita),
          Number(j.households),
          Number(j.persons),
          wan(j.baseline_annual_cost),
          wan(j.annual_cost),
          wan(j.delta_annual_cost),
          Number(j.average_delta_per_household),
        ]);
        const rural = groups.find((r) => r[0] === locality(i) && r[1] === s.id && r[2] === '农村 rural')!;
        expect(rural[8]).toBe(wan(s.by_area.rural.delta_annual_cost));
      }
    });
    expect(checked).toBeGreaterThan(30);
    // a reform that moves somebody: dibao +10 % in Nanning lifts some households out of rigid-expenditure aid
    expect(flows.some((r) => r[0] === locality(0) && r[1] === 'dibao-standard-plus-10pct' && r[3] === '低保 dibao')).toBe(true);
    expect(rows('说明 About').map((r) => r[0])).toEqual([
      '地区 locality',
      '地区 locality',
      '日期 date',
      '住户文件 households',
      '户数 counted', // (the file's households and persons, as the table's first line)
      '金额单位 money',
      // (each locality's stale standards and incomes, as compare says them — a downstream trial found them on stderr
      // only; Guangzhou's tekun is 1.6 × S already: its Δ 0 by construction; one file's households under both rules; and
      // the sample's few households some programs rest on, as simulate says it)
      '注意 note',
      '注意 note',
      '注意 note',
      '注意 note',
      '注意 note',
      '注意 note',
      // each input with its size and SHA-256, as the HTML report lists them (a finance trial: the workbook named no hash)
      '输入 policy 政策',
      '输入 policy 政策',
      '输入 scenario 方案',
      '输入 scenario 方案',
      '输入 households 家庭',
      '命令 command',
      '版本 version',
    ]);
    expect(rows('说明 About').filter((r) => r[0] === '注意 note' && String(r[1]).includes('older than'))).toHaveLength(3);
    expect(rows('说明 About').filter((r) => r[0] === '注意 note' && String(r[1]).includes('±2/√n'))).toHaveLength(1);
    const hashed = (path: string) =>
      `${path} · ${statSync(path).size} bytes · SHA-256 ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    expect(
      rows('说明 About')
        .filter((r) => String(r[0]).startsWith('输入'))
        .map((r) => r[1]),
    ).toEqual([LOCALITIES[1]!, LOCALITIES[3]!, SCENARIOS[1]!, SCENARIOS[3]!, SAMPLE].map(hashed));
  });

  it("a budget year: its months and changes by locality, its winners over the year, no flows (a date's: said in About)", async () => {
    const { names, rows } = await workbook('--year', '2022');
    expect(names).toEqual([
      '总表 Totals',
      '资助参保类别 Premium groups',
      '特困分项 Tekun parts',
      '临时救助层级 Temporary tiers',
      '月度 Months',
      '参数变化 Changes',
      '分级负担 Funding',
      '估计值 Estimates',
      '参数 Parameters',
      '受益受损 Winners',
      '受损项目 Losers by program',
      '分组 Groups',
      '说明 About',
    ]);
    const months = rows('月度 Months');
    // 2 localities × 3 runs × 12 months
    expect(months).toHaveLength(72);
    expect(months.filter((r) => r[0] === '广西壮族自治区·南宁市 Guangxi / Nanning' && r[1] === 'baseline').map((r) => r[2])).toHaveLength(
      12,
    );
    // Nanning's standards raised on 1 April 2022, under its own name (Guangzhou's changes under Guangzhou's)
    expect(rows('参数变化 Changes')).toContainEqual([
      '广西壮族自治区·南宁市 Guangxi / Nanning',
      'baseline',
      '2022-04-01',
      'dibao.standard.urban',
      790,
      810,
      '',
      'nanning-2022',
    ]);
    expect(rows('说明 About').find((r) => r[0] === '明细 details')?.[1]).toContain('流动 flows are for one date: run compare with --date');
    const json = JSON.parse(compare('--year', '2022', '--format', 'json').stdout);
    const w = json.localities[0].scenarios[1].winners_losers;
    expect(rows('受益受损 Winners')[0]!.slice(2, 4)).toEqual([Number(w.gainers.households), Number(w.gainers.persons)]);
  });

  it('--marginal-rates: each run’s distribution as shares a sheet can add', async () => {
    const { rows } = await workbook('--date', '2025-06-30', '--marginal-rates');
    const json = JSON.parse(compare('--date', '2025-06-30', '--marginal-rates', '--format', 'json').stdout);
    const all = rows('边际税率 Marginal rates').filter((r) => r[3] === '全部 all');
    expect(all).toHaveLength(6);
    const base = json.localities[0].marginal_rates.scenarios[0];
    expect(all[0]!.slice(1, 5)).toEqual(['baseline', 100, '全部 all', Number(base.households)]);
    expect(all[0]![all[0]!.length - 1]).toBe(D(base.at_least_100_pct).dividedBy(100).toNumber());
  });

  it('asks for --out', () => {
    const r = compare('--format', 'xlsx');
    expect([r.code, r.stderr]).toEqual([2, 'jiuzhu: --format xlsx writes a workbook: give --out FILE.xlsx\n']);
  });
});
