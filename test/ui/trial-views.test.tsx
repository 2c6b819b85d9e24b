// What a TUI trial (an analyst at 80×24, with and without scenarios) found each view saying wrong or not at all: a
// comparison drawn with nothing to compare, a figure without its bar's name, counts of the file read as weighted ones,
// a knob's cost and its end unsaid, caseloads missing beside the localities, an error line that stayed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers/cli.js';
import { data, keys, LEFT, open, RIGHT, tick } from '../helpers/tui.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const LOCALITIES = [NANNING, 'policies/guangdong-guangzhou.yaml', 'policies/jiangxi-fuliang.yaml'];
const ESC = '\u001B';

describe('the TUI with nothing to compare shows the baseline alone', () => {
  it('charts: one bar a program with its figure, no deciles, and how to get a run', async () => {
    const f = await keys(await open(await data([NANNING])), '2');
    expect(f).toContain('annual cost per program (M yuan): baseline\n');
    expect(f).toMatch(/^特困 tekun\s+█+[▏▎▍▌▋▊▉]?\s+323\.7$/m);
    expect(f).toContain('no run to compare: give --scenario, or move a knob (3)');
    expect(f).not.toMatch(/^D1 /m);
  });

  it('localities: each amount without a change, and the caseloads in households', async () => {
    const f = await keys(await open(await data(LOCALITIES)), '5');
    expect(f).toMatch(/^特困 tekun\s+323\.7\s+826\.3\s+315\.8$/m);
    expect(f).not.toContain('%');
    expect(f).toContain('\ncaseloads (households, no cash)\n');
    // (Nanning's families paid rigid aid are dibao families there, rigid.aid_group, not also on the edge: 28,275 had
    // counted them in both)
    expect(f).toMatch(/^低保边缘 low-income\s+23,881\s+18,693\s+15,731$/m);
  });
});

describe('the TUI compares a run', () => {
  it('charts: the figure is the run’s, said, with its change (tekun 323.7 → 379.6, +17.3%)', async () => {
    const f = await keys(await open(await data([NANNING], ['scenarios/tekun-basic-1.6x.yaml'])), '2');
    expect(f).toContain('annual cost per program (M yuan): baseline │ tekun-basic-1.6x: figure, Δ%\n');
    expect(f).toMatch(/^特困 tekun\s+█+[▏▎▍▌▋▊▉]?\s+█+[▏▎▍▌▋▊▉]?\s+379\.6 \+17\.3%$/m);
  });

  it('localities: a caseload’s change beside it (low-income 2×: more households on the edge)', async () => {
    const f = await keys(await open(await data(LOCALITIES, ['scenarios/low-income-2x.yaml'])), '5');
    // (Guangzhou's edge doubles from 1.5 × S, Nanning's is 2 × S already: compare's low_income households, rounded)
    expect(f).toMatch(/^低保边缘 low-income\s+23,881\s+\+0\.0%\s+18,693\s+\+91\.5%\s+15,731\s+\+72\.2%$/m);
  });

  it('overview at 80×24 with the ranges (e): the run’s bar kept beside the baseline’s (the baseline’s stood alone)', async () => {
    // (Guangzhou, every household drawing 0.5: its take-up leaves some out, so the all-eligible line is shown too, and
    // one row is left for the bars)
    const [head, ...rows] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const drawn = [`${head},take_up_draw`, ...rows.map((r) => `${r},0.5`)].join('\n') + '\n';
    const a = await open(await data(['policies/guangdong-guangzhou.yaml'], ['scenarios/dibao-standard-plus-10pct.yaml'], drawn));
    let f = await keys(a, 'e');
    for (let i = 0; i < 600 && f.includes('computing'); i++) [, f] = [await tick(), a.lastFrame()!];
    expect(f).toMatch(/^range \(estimates\): baseline [\d.]+–[\d.]+ · run [\d.]+–[\d.]+, Δ \+[\d.]+–\+[\d.]+$/m);
    expect(f).toMatch(/^all eligible/m);
    expect(f).toMatch(/^baseline\s+█+[▏▎▍▌▋▊▉]?\s+[\d.]+$/m);
    expect(f).toMatch(/^dibao-standard-plus-1\S*\s+█+[▏▎▍▌▋▊▉]?\s+[\d.]+$/m);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('knobs: the run’s total beside the knobs after a move (tekun 1.3 → 1.6 × S: the overview’s 1515.2 → 1571.1)', async () => {
    const a = await open(await data([NANNING]));
    const f = await keys(a, '3', RIGHT, RIGHT, RIGHT);
    expect(f).toMatch(/^total \(M yuan\/yr\): baseline 1515\.2 → knobs 1571\.1 {2}\+56\.0 \+3\.7%$/m); // (as README has it)
    const o = await keys(a, '1');
    expect(o).toMatch(/^total \(M yuan\/yr\)\s+1515\.2\s+1571\.1\s+\+56\.\d\s+\+3\.\d%$/m);
  });

  // (take-up moves a budget as a standard does — a trial asked for its knob): Nanning's dibao take-up 0.6 (an estimate,
  // 0.45–0.73) to 0.55 on the sample with every draw 0.58 — 0.58 < 0.6 takes dibao up, 0.58 < 0.55 does not: dibao paid
  // only to the households already on it (on_dibao 1 always takes it up: DOMAIN "Take-up")
  it('knobs: dibao take-up below the households’ draws leaves dibao to those already on it', async () => {
    const [head, ...rows] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const drawn = [`${head},take_up_draw`, ...rows.map((r) => `${r},0.58`)].join('\n') + '\n';
    const a = await open(await data([NANNING], [], drawn));
    const f = await keys(a, '3', '\u001B[A', LEFT); // (↑ from the first: the last knob, dibao take-up)
    expect(f).toMatch(/^▸ dibao take-up\s+◂\s+0\.55 ▸ \(baseline 0\.6\)$/m);
    expect(f).toContain('  take_up.dibao: {set: 0.55}');
    const o = await keys(a, '1');
    const [, was, now] = /^低保 dibao \*\s+([\d.]+)\s+([\d.]+)\s/m.exec(o)!;
    expect(Number(now)).toBeLessThan(Number(was));
    expect(Number(now)).toBeGreaterThan(0);
  });

  it('knobs: a move past a knob’s end is said (it stayed there without a word)', async () => {
    const a = await open(await data([NANNING]));
    let f = await keys(a, '3', LEFT, LEFT, LEFT);
    expect(f).not.toContain('end of its range');
    f = await keys(a, LEFT);
    expect(f).toMatch(/^tekun basic standard is at the end of its range \(1 × S to 3 × S\)$/m);
    expect(await keys(a, RIGHT)).not.toContain('end of its range'); // (said for the key that would pass it)
  });
});

describe('the households list', () => {
  it('an id found by / that is none: said until the next key that moves or Esc', async () => {
    const a = await open(await data([NANNING], ['scenarios/tekun-basic-1.6x.yaml']));
    let f = await keys(a, '4', '/', 'N', 'O', 'P', 'E', '\r');
    expect(f).toContain('no household "NOPE" (/ to find another)');
    f = await keys(a, ESC);
    expect(f).not.toContain('no household');
    expect(f).toMatch(/^filter: changed \(f\) — [\d,]+ in the file \([\d,]+ weighted\)$/m);
    f = await keys(a, '/', 'X', '\r', '\u001B[6~'); // (PgDn)
    expect(f).not.toContain('no household');
  });
});

describe('a household’s trace under the run compared', () => {
  // (a trial's household losing 42,776 a year: the trace showed the run's figures alone, not what it had lost, nor why)
  it('says the scenario, the baseline’s amount and the Δ, and what the run took away, as explain --scenario does', async () => {
    const a = await open(await data([NANNING], ['scenarios/dibao-standard-plus-10pct.yaml']));
    const list = await keys(a, '4', 'f'); // (losers)
    const [, id, loss] = /^▸ (H\d{4})\s.*−([\d,]+\.\d\d)$/m.exec(list)!;
    const trace = await keys(a, '\r');
    expect(trace).toContain(
      `household ${id} — 广西壮族自治区·南宁市 Guangxi / Nanning — 2025-06-30 — under\n  scenario dibao-standard-plus-10pct`,
    );
    let all = trace;
    for (let i = 0; i < 60 && !all.includes('baseline 基线:'); i++) all += await keys(a, '\u001B[6~');
    all += await keys(a, '\u001B[6~'); // (the lines after it: the trace's last page)
    // …and why: rigid-expenditure aid stops where dibao begins (step 4 deducts the outlays only off dibao)
    expect(all.replace(/\n\s+/g, ' ')).toMatch(
      /刚性支出救助 rigid-expenditure aid \([\d,.]+ a month under the baseline\) stops: 低保 dibao is paid now/,
    );
    // (explain's amounts grouped as the list's: 51,464.00 a year; Δ −42,776.28 — they were ungrouped beside it)
    expect(all).toMatch(new RegExp(`^\\s*baseline 基线: [\\d,]+\\.\\d\\d a year; Δ −${loss!}$`, 'm'));
  });
});

describe('the TUI in 中文', () => {
  // (its cliff chart named the run by its id, "○ dibao-standard-plus-10pct", and programs in both languages)
  it('a household’s cliff chart names the run by its 中文 title and programs by their 中文 names alone', async () => {
    const a = await open(await data([NANNING], ['scenarios/dibao-standard-plus-10pct.yaml']), 'zh');
    await keys(a, '4');
    const chart = await keys(a, '\r', 'c');
    expect(chart).toContain('● 基线  ○ 城乡低保标准提高10%');
    expect(chart).not.toContain('dibao-standard-plus-10pct');
    const details = await keys(a, '\u001B[6~'); // (PgDn: each run's cliffs, the programs that fall and rise)
    expect(details).toMatch(/^城乡低保标准提高10%：/m);
    const parts = details.split('\n').filter((l) => /^ {6}\S.* [+−][\d,.]+$/.test(l));
    expect(parts.length).toBeGreaterThan(0);
    for (const l of parts) expect(l, l).not.toMatch(/[a-z]{4,}/); // (no English program name beside the 中文)
  });
});
