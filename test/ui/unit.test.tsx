// tui --unit: the views' money in the unit asked for (yuan 元, wan 万元, yi 亿元), else the language's (万元 in 中文,
// million yuan in English). A finance analyst's English screen was in million yuan beside a budget in 万元.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/text-table.js';
import { money, signedMoney } from '../../src/ui/format.js';
import { jiuzhu } from '../helpers/cli.js';
import { data, keys, LEFT, open, RIGHT } from '../helpers/tui.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const TEKUN = 'scenarios/tekun-basic-1.6x.yaml';
/** Every line of a frame fits the 80 columns the tests give the app (a figure wider than its column pushed it over). */
/** The display column where `text`'s first occurrence in `line` ends. */
const endOf = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text) + text.length));
const fits = (frame: string) => expect(frame.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);

describe('the TUI money unit', () => {
  it('rounds to the unit’s last digit: 1 yuan, 1 万元, 0.1 M yuan, 0.01 亿元', () => {
    // a cost of 447,930,605.80 yuan (特困 tekun's in Nanning on the sample before its property test)
    expect((['yuan', 'wan', 'million', 'yi'] as const).map((u) => money('447930605.80', u))).toEqual([
      '447,930,606',
      '44,793',
      '447.9',
      '4.48',
    ]);
    // a change below the last digit is "<" it, not 0 (a subsidy 300 yuan lower read "−0.0" as a sign error)
    expect([signedMoney('22800000', '22800300', 'yi'), signedMoney('100', '100.40', 'yuan'), signedMoney('100', '99.5', 'yuan')]).toEqual([
      '+<0.01',
      '+<1',
      '−1',
    ]);
  });

  it('in whole yuan: every figure whole, the columns as wide as the total, the who-pays line on two lines', async () => {
    const a = await open(await data([NANNING], [TEKUN]), 'en', [], undefined, 'yuan');
    const f = a.lastFrame()!;
    // simulate --format json's: 特困 tekun 323,676,607.36 → 379,637,402.56 (tekun basic standard 1.6 × S, the scenario),
    // the total 1,515,186,985.23 → 1,571,147,780.43 (the overview test's 323.7 → 379.6 and 1571.1 M yuan)
    expect(f).toMatch(/特困 tekun \*\s+323,676,607\s+379,637,403\s+\+55,960,795\s+\+17\.3%/);
    expect(f).toMatch(/total \(yuan\/yr\)\s+1,515,186,985\s+1,571,147,780\s+\+55,960,795\s+\+3\.7%/);
    // each figure under its column's heading, right-aligned (a column narrower than its figures pushed them past it)
    const lines = f.split('\n');
    const [head, tekun, total] = [/^program /, /^特困 tekun/, /^total /].map((r) => lines.find((l) => r.test(l))!);
    expect([endOf(tekun, '323,676,607'), endOf(total, '1,515,186,985')]).toEqual([endOf(head, 'baseline'), endOf(head, 'baseline')]);
    expect([endOf(tekun, '+55,960,795'), endOf(total, '+55,960,795')]).toEqual([endOf(head, 'Δ'), endOf(head, 'Δ')]);
    // simulate --format json's funding of the run: 1,080,633,401.39 + 275,782,470.54 + 362,922,705.35 (too long for one line)
    expect(f).toContain('who pays 1,571,147,780 = central 983,819,349 + provincial 253,918,987 +\n  city/county 333,409,444\n');
    expect(f).toContain('total annual cost per run (yuan)');
    expect(f).not.toContain('M yuan');
    fits(f);
    const charts = await keys(a, '2');
    expect(charts).toContain('annual cost per program (yuan): baseline │ tekun-basic-1.6x: figure, Δ%');
    expect(charts).toMatch(/特困 tekun\s+█+[▏▎▍▌▋▊▉]?\s+█+[▏▎▍▌▋▊▉]?\s+379,637,403 \+17\.3%/);
    fits(charts);
    const knobs = await keys(a, '3', RIGHT);
    expect(knobs).toMatch(/total \(yuan\/yr\): baseline 1,515,186,985 → knobs [\d,]{13} {2}\+[\d,]+ \+\d+\.\d%/);
  });

  it('side by side in whole yuan: each locality’s column as wide as its total', async () => {
    const a = await open(await data([NANNING, 'policies/guangdong-guangzhou.yaml'], [TEKUN]), 'en', [], undefined, 'yuan');
    const f = await keys(a, '5');
    expect(f).toMatch(/^yuan\/yr\s/m);
    // each locality's baseline total and its change under the run, each in its own place (Nanning's 1,515,186,985.23)
    expect(f).toMatch(/^total\s+1,515,186,985\s+\+3\.7%\s+[\d,]{13}\s+\+0\.0%$/m);
    fits(f);
    expect(f).toContain('baseline cost (yuan) or households, and its change under the run compared');
  });

  it('in 亿元 under 中文 (--unit 亿元), and 万元 where none is asked', async () => {
    const d = await data([NANNING], [TEKUN]);
    const yi = await open(d, 'zh', [], undefined, 'yi');
    expect(yi.lastFrame()).toMatch(/^特困 \*\s+3\.24\s+3\.80\s+\+0\.56\s+\+17\.3%/m);
    expect(yi.lastFrame()).toMatch(/合计 \(亿元\/年\)\s+15\.15\s+15\.71\s+\+0\.56\s/);
    expect(yi.lastFrame()).toContain('各方案年度总支出（亿元）');
    yi.unmount();
    const wan = await open(d, 'zh');
    expect(wan.lastFrame()).toMatch(/合计 \(万元\/年\)\s+151,519\s+157,115\s+\+5,596\s/);
  });

  it('is taken on the command line, by its 中文 name too, and said in the compare command tui points to', async () => {
    const r = await jiuzhu(['tui', '--policy', NANNING, '--households', 'policies/samples/households.csv', '--unit', '亿元']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '`jiuzhu compare --policy policies/guangxi-nanning.yaml --households policies/samples/households.csv --unit yi`',
    );
    const bad = await jiuzhu(['tui', '--policy', NANNING, '--households', 'policies/samples/households.csv', '--unit', 'million']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--unit');
  });
});

// A finance analyst's trial of the views in each unit: what an 80-column screen cut, and what it did not say
describe('the TUI at 80 columns, a finance analyst’s trial', () => {
  it('breaks the knobs’ total and the ranges over two lines rather than cutting them (whole yuan)', async () => {
    const a = await open(await data([NANNING], [TEKUN]), 'en', [], undefined, 'yuan');
    await keys(a, 'e');
    // (the ranges are computed after the key: waited for, 10 s at most)
    for (let waited = 0; /computing/.test(a.lastFrame()!) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    const f = a.lastFrame()!;
    expect(f).toMatch(/range \(estimates\): baseline [\d,]+–[\d,]+ ·\n {2}run [\d,]+–[\d,]+, Δ [−+<\d,]+–\+[\d,]+\n/);
    fits(f);
    const knobs = await keys(a, 'e', '3', RIGHT);
    expect(knobs).toMatch(/total \(yuan\/yr\): baseline 1,515,186,985 → knobs [\d,]{13} {2}\+[\d,]+ \+\d+\.\d%/);
    fits(knobs);
  });

  it('says where a knob goes below the locality’s own floor (不低于), as compare does of the saved scenario', async () => {
    // Guangzhou: tekun basic standard 不低于 1.6 × its dibao standard (gd-2021-plan §14); one step down is 1.5
    const a = await open(await data(['policies/guangdong-guangzhou.yaml']), 'en');
    expect(await keys(a, '3')).not.toContain('floor');
    const below = await keys(a, LEFT);
    expect(below).toMatch(/⚠ tekun\.basic\.multiplier 1\.5 is below the policy's floor 1\.6 \(gd-2021-plan /);
    expect(await keys(a, RIGHT)).not.toContain('floor');
  });

  it('cuts a 中文 heading by its display width (Ink’s own cut wrapped it, and each redraw left a title behind)', async () => {
    const a = await open(await data([NANNING, 'policies/guangdong-guangzhou.yaml'], [TEKUN]), 'zh');
    const charts = await keys(a, '2');
    fits(charts);
    expect(charts.split('\n')[2]).toMatch(/^各项目年度支出（万元）: 基线 │ 特困人员基本生活标准.*…$/);
    const back = await keys(a, '5', '2', '5');
    expect(back.split('\n').filter((l) => l.startsWith('救助 jiuzhu'))).toHaveLength(1);
  });

  it('right-aligns the charts’ figures', async () => {
    const a = await open(await data([NANNING], [TEKUN]), 'en', [], undefined, 'yuan');
    const lines = (await keys(a, '2')).split('\n').filter((l) => / \+\d+\.\d%$/.test(l));
    expect(lines.length).toBeGreaterThan(5);
    expect(new Set(lines.map((l) => displayWidth(l.replace(/ [+−]\S+$/, ''))))).toHaveLength(1);
  });

  it('points to the compare that gives the screen’s figures, in its unit (万元 in 中文)', async () => {
    const r = await jiuzhu(['tui', '--lang', 'zh', '--policy', NANNING, '--households', 'policies/samples/households.csv']);
    expect(r.stderr).toContain('--households policies/samples/households.csv --unit wan`');
  });
});
