// Tekun's cost in its two parts (step 1: basic living and care, 照料护理费 — a budget's two lines): in the JSON
// (programs.tekun.by_part), under the table, in the workbook and over a window — hand-worked on three tekun elders, one
// of whom does not take tekun up; the parts add up to the program whatever the path (a budget year, threads, take-up).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu } from '../helpers/cli.js';
import { sheetRows, type Part } from '../helpers/parts.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
interface Tekun {
  readonly persons: string;
  readonly annual_cost: string;
  readonly annual_cost_exact: string;
  readonly eligible_annual_cost: string;
  readonly by_part: { readonly basic: Part; readonly care: Part };
}
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-tekun-parts-'));
const tekunOf = (stdout: string, run = 0) => JSON.parse(stdout).scenarios[run].programs.tekun as Tekun;

describe("tekun's basic living and care", () => {
  // Nanning at 2025-06-30 (step 1; 000（一）, 002 四): S urban 810, basic round(1.3 × 810) = 1,053 a month; W 1,990, care
  // 0.1 × W = 199 (self-caring, 全自理), 0.3 × W = 597 (半护理), 0.7 × W = 1,393 (全护理). A (70, self-caring) and B (80,
  // partial) take tekun up; C (85, none) draws 0.97, not under take_up.tekun 0.95: eligible, not received.
  // Received: basic 2 × 1,053 × 12 = 25,272.00; care (199 + 597) × 12 = 9,552.00; tekun 34,824.00 = their sum.
  const file = join(dir, 'h.csv');
  writeFileSync(
    file,
    'household_id,person_id,age,area,other_income,has_capable_supporter,self_care,take_up_draw,on_dibao,weight\n' +
      // (C first: what it declined must not be carried into the next household's result; C-2 on the register takes
      // dibao up whatever its draw, so C is paid the premium subsidy: a program with parts received beside the declined)
      'C,C-1,85,urban,0,0,none,0.97,1,1\nC,C-2,40,urban,0,1,full,0.97,1,1\n' +
      'A,A-1,70,urban,0,0,full,0,0,1\nB,B-1,80,urban,0,0,partial,0,0,1\n',
  );
  const at = [...NANNING, '--households', file, '--date', '2025-06-30', '-q'];

  it('hand-worked: the parts received, the declined care left out; a reform of the basic standard moves basic alone', async () => {
    const t = tekunOf(jiuzhu(['simulate', ...at, '--format', 'json']).stdout);
    expect(t.annual_cost).toBe('34824.00');
    expect(t.eligible_annual_cost).toBe('64176.00'); // (with C's (1,053 + 1,393) × 12 = 29,352.00)
    expect(t.by_part).toEqual({
      basic: { households: '2', persons: '2', annual_cost: '25272.00', annual_cost_exact: '25272.00' },
      care: { households: '2', persons: '2', annual_cost: '9552.00', annual_cost_exact: '9552.00' },
    });
    expect(jiuzhu(['simulate', ...at]).stdout).toContain(
      '特困 tekun by part 分项 (persons · yuan 元): 基本生活费 basic living 2 · 25,272.00; 照料护理费 care 2 · 9,552.00',
    );
    expect(jiuzhu(['simulate', ...at, '--lang', 'zh', '--format', 'markdown']).stdout).toContain(
      '特困供养分项（人数 · 元）：基本生活费 2 · 25,272.00；照料护理费 2 · 9,552.00',
    );
    // tekun-basic-1.6x: basic round(1.6 × 810) = 1,296, +243 a month each: 2 × 243 × 12 = +5,832.00; care unchanged
    const reform = ['simulate', ...at, '--scenario', 'scenarios/tekun-basic-1.6x.yaml'];
    const r = tekunOf(jiuzhu([...reform, '--format', 'json']).stdout, 1);
    expect(r.by_part.basic.delta).toEqual({ households: '0', persons: '0', annual_cost: '5832.00', annual_cost_pct: '23.08' });
    expect(r.by_part.care.delta!.annual_cost).toBe('0.00');
    expect(jiuzhu(reform).stdout).toContain('基本生活费 basic living 2 · 31,104.00 (Δ +5,832.00); 照料护理费 care 2 · 9,552.00\n');
    // compare gives each run's under its locality's table, the run's id first
    expect(jiuzhu(['compare', ...at, '--scenario', 'scenarios/tekun-basic-1.6x.yaml']).stdout).toContain(
      '  tekun-basic-1.6x: 特困 tekun by part 分项 (persons · yuan 元): 基本生活费 basic living 2 · 31,104.00 (Δ +5,832.00)',
    );
    // explain: a household's month in the two parts (B: 1,053 + 597 = 1,650); C declined tekun: no parts said
    const b = jiuzhu(['explain', ...at, '--household', 'B']).stdout;
    expect(b).toMatch(/tekun \*?: ?1 person, 1,650\.00 a month \(basic living 1,053\.00 \+ care 597\.00\)\n/);
    expect(jiuzhu(['explain', ...at, '--household', 'C']).stdout).not.toContain('basic living');
    // the workbook's sheet
    const out = join(dir, 'h.xlsx');
    expect(jiuzhu(['simulate', ...at, '--format', 'xlsx', '--out', out]).code).toBe(0);
    expect(await sheetRows(out, '特困分项 Tekun parts', 2, 2)).toEqual([
      ['baseline', '基本生活费 basic living', 'basic', 2, 2, 25272],
      ['baseline', '照料护理费 care', 'care', 2, 2, 9552],
    ]);
  });

  it('over a window, and adding up to the program in a budget year on one thread and two (a generated population)', () => {
    const years = JSON.parse(
      jiuzhu(['simulate', ...NANNING, '--households', file, '--years', '2024-2025', '-q', '--format', 'json']).stdout,
    );
    expect(years.scenarios[0].programs.tekun.by_part.care.annual_cost).toBe('19104.00'); // (9,552.00 each year)
    const generated = join(dir, 'g.csv');
    expect(jiuzhu(['generate', ...NANNING, '--households', '20000', '--seed', '3', '--out', generated, '-q']).code).toBe(0);
    const run = (threads: string) =>
      tekunOf(
        jiuzhu(['simulate', ...NANNING, '--households', generated, '--year', '2023', '-q', '--format', 'json'], {
          env: { JIUZHU_THREADS: threads, JIUZHU_HUGE_PAGES: '0' },
        }).stdout,
      );
    const one = run('1');
    // (the population draws take-up: some tekun decline, and their care must not count)
    expect(D(one.eligible_annual_cost).greaterThan(one.annual_cost)).toBe(true);
    expect(D(one.by_part.basic.annual_cost_exact).plus(one.by_part.care.annual_cost_exact).toFixed()).toBe(
      D(one.annual_cost_exact).toFixed(),
    );
    expect(D(one.by_part.care.annual_cost).greaterThan(0)).toBe(true);
    expect(run('2')).toEqual(one);
  });
});
