// Who pays under --ranges (report/funding-ranges.ts): each level's range is the lowest and highest of the runs made for
// the total's range, each split with the funding shares that are estimates at either end. A provincial trial asked how
// far tekun care could cost the province where the table moved its share alone, the cost as it was.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const GUANGZHOU = 'policies/guangdong-guangzhou.yaml';
const run = (...more: string[]) => {
  const r = jiuzhu(['simulate', '--policy', GUANGZHOU, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json', '-q', ...more]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).scenarios as Array<{
    total_annual_cost_range?: { low: string; high: string };
    funding: {
      range?: {
        low: Record<string, string>;
        high: Record<string, string>;
        method: string;
        costs?: boolean;
        delta?: { low: Record<string, string>; high: Record<string, string> };
      };
    };
  }>;
};

describe('who pays, its range with the costs’ estimates (--ranges)', () => {
  it('shares fixed for every line (0.5, 0.2): each level’s range is its share of the total’s range, to the fen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-funding-'));
    const fixed = join(dir, 'fixed.yaml');
    const lines = ['assistance', 'medical', 'disability'];
    writeFileSync(
      fixed,
      'scenario: fixed-shares\ntitle: {zh: 固定分担, en: fixed shares}\nreason: a test\nchanges:\n' +
        lines.map((l) => `  funding.${l}.central: {set: 0.5}\n  funding.${l}.provincial: {set: 0.2}\n`).join(''),
    );
    const [, s] = run('--scenario', fixed, '--ranges');
    const total = s!.total_annual_cost_range!;
    const r = s!.funding.range!;
    expect(r.costs).toBe(true);
    // every run: central = 0.5 × its cost, provincial 0.2 ×, the county 0.3 × (each rounded once: a fen at most)
    for (const [level, share] of [
      ['central', '0.5'],
      ['provincial', '0.2'],
      ['local', '0.3'],
    ] as const) {
      for (const end of ['low', 'high'] as const) {
        const want = D(total[end]).times(share);
        expect(D(r[end][level]).minus(want).abs().lte('0.01'), `${level} ${end}: ${r[end][level]} vs ${want}`).toBe(true);
      }
    }
    expect(r.method).toBe(
      "the lowest and highest of the runs made for the total's range (the costs' estimates), each split with the shares in force; each level at its own ends, so the levels' ends need not add up to the total's",
    );
  });

  it('Guangzhou’s estimated shares: the range under --ranges holds the shares-only range, and says how it was made', () => {
    const [plain] = run();
    const [ranged] = run('--ranges');
    const [a, b] = [plain!.funding.range!, ranged!.funding.range!];
    expect(a.costs).toBeUndefined();
    expect(a.method).toMatch(
      /^the \d+ funding shares that are estimates, each alone at either end of its range, the changes added \(the costs as they are/,
    );
    for (const l of ['central', 'provincial', 'local']) {
      expect(D(b.low[l]!).lte(a.low[l]!) && D(b.high[l]!).gte(a.high[l]!), l).toBe(true);
    }
    // the costs' own range widens the county's (its share of tekun, dibao and the care subsidies is the largest)
    expect(D(b.high.local!).gt(a.high.local!)).toBe(true);
  });

  it('a reform’s change at each level (tekun care at 70 %): its range under --ranges holds the shares-only one', () => {
    const care = ['--scenario', 'scenarios/tekun-care-70pct-min-wage.yaml'];
    const [, plain] = run(...care);
    const [, ranged] = run(...care, '--ranges');
    const [a, b] = [plain!.funding.range!.delta!, ranged!.funding.range!.delta!];
    for (const l of ['central', 'provincial', 'local']) expect(D(b.low[l]!).lte(a.low[l]!) && D(b.high[l]!).gte(a.high[l]!), l).toBe(true);
    // the care share's own range (0.6–0.8 of the minimum wage) moves the reform's cost: the county's part more than its share alone
    expect(D(b.high.local!).gt(a.high.local!)).toBe(true);
  });

  it('the workbook’s Funding rows say what their ends are, with --ranges and without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-funding-xlsx-'));
    const labels = async (...more: string[]) => {
      const out = join(dir, `${more.length}.xlsx`);
      const args = ['simulate', '--policy', GUANGZHOU, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'xlsx'];
      const r = jiuzhu([...args, '--out', out, '-q', '--scenario', 'scenarios/tekun-care-70pct-min-wage.yaml', ...more]);
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet('分级负担 Funding')!;
      const cells: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && c.value.includes('区间') && cells.push(c.value)));
      return [...new Set(cells)];
    };
    const ranged = await labels('--ranges');
    expect(ranged.length).toBeGreaterThan(0);
    for (const l of ranged)
      expect(l).toContain("(the runs made for the total's range, the shares' ends; each level at its own, not adding up)");
    for (const l of await labels()) expect(l).toContain("(the shares' ends, the costs as they are; each level at its own, not adding up)");
  });
});
