// The Ink app in a fake terminal (ink-testing-library): each view's frame, and the key sequences a user types.
import { render } from 'ink-testing-library';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { evaluatePlan, sensitivityPlan } from '../../src/core/sensitivity-plan.js';
import { simulate } from '../../src/core/simulate.js';
import { totalRange } from '../../src/report/sensitivity-rows.js';
import { money, signedMoney } from '../../src/ui/format.js';
import { rateBands } from '../../src/core/marginal-rates.js';
import { bandShares } from '../../src/report/marginal-rates.js';
import { displayWidth, groupDigits } from '../../src/report/text-table.js';
import { TUI_RATE_DELTA } from '../../src/ui/model.js';
import type { KnobComparer } from '../../src/ui/model.js';
import { DATE, data, keys, LEFT, open, RIGHT, setColumns, settled, tick, track, unmountApp } from '../helpers/tui.js';

describe('jiuzhu tui', () => {
  it('opens on the overview: programs, baseline against the first scenario, totals as bars, estimate flag', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    const f = a.lastFrame()!;
    expect(f).toContain('[1 overview] 2 charts');
    expect(f).toContain('vs tekun-basic-1.6x');
    expect(f).toMatch(/特困 tekun \*\s+323\.7\s+379\.6\s+\+56\.0\s+\+17\.3%/);
    // ≈ 1448.1 (programs 1–8) + 123.0 of special assistance (premium 70.8 — edge and rigid members' 150 since 2024-10-31,
    // 001（七）; families paid rigid aid the dibao group's 280, rigid.aid_group — living 28.3, care 23.9 million yuan)
    expect(f).toMatch(/tekun-basic-1\.6x\s+█+\s+1571\.1/);
    expect(f).toContain('gain 20,738 (new 0) · lose 0');
    // what every eligible household would get, and who pays the run compared: simulate --format json's
    // eligible_total_annual_cost 1571147780.43 and funding 983819349.28 / 253918987.26 / 333409443.89 (a TUI trial saw neither)
    // (the split beside the total it splits; the all-eligible cost after it only where take-up leaves some out, as it
    // does not here: a trial read "all eligible … · pays:" as the all-eligible cost's split)
    expect(f).toContain('who pays 1571.1 = central 983.8 + provincial 253.9 + city/county 333.4\n');
    expect(f).toContain('* rests on estimates');
  });

  // A caseworker's first look with no scenario: the baseline beside itself with Δ 0 read as a reform that changed nothing
  it('with nothing to compare shows the baseline alone: no second column, no Δ', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml']));
    const f = a.lastFrame()!;
    expect(f).toMatch(/^program\s+baseline\s*$/m);
    expect(f).toMatch(/^特困 tekun \*\s+323\.7\s*$/m);
    expect(f).not.toContain('Δ%');
  });

  it('gives the all-eligible cost under who pays where take-up leaves some out (Guangzhou: dibao 0.25)', async () => {
    // (the sample, every household drawing 0.5: Guangzhou's take-up of dibao 0.25 leaves its dibao households out)
    const [head, ...rows] = readFileSync('policies/samples/households.csv', 'utf8').trimEnd().split('\n');
    const drawn = [`${head},take_up_draw`, ...rows.map((r) => `${r},0.5`)].join('\n') + '\n';
    const f = (await open(await data(['policies/guangdong-guangzhou.yaml'], [], drawn))).lastFrame()!;
    expect(f).toMatch(
      /who pays ([\d.]+) = central [\d.]+ \+ provincial [\d.]+ \+ city\/county [\d.]+\nall eligible \(had every eligible household taken it up\) ([\d.]+)\n/,
    );
    const [, paid, all] = f.match(/who pays ([\d.]+) = .*\nall eligible \(had every eligible household taken it up\) ([\d.]+)/)!;
    expect(Number(all)).toBeGreaterThan(Number(paid));
  });

  it('switches tekun from 1.3× to 1.6× with the knobs and the overview’s delta follows', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml']));
    expect(a.lastFrame()).toMatch(/^特困 tekun \*\s+323\.7\s*$/m);
    const k = await keys(a, '3', RIGHT, RIGHT, RIGHT);
    expect(k).toMatch(/▸ tekun basic standard\s+◂\s+1\.6 × S ▸ \(baseline 1\.3 × S\)/);
    expect(k).toContain('  tekun.basic.multiplier: {set: 1.6}');
    const o = await keys(a, '1');
    expect(o).toContain('vs knobs');
    expect(o).toMatch(/特困 tekun \*\s+323\.7\s+379\.6\s+\+56\.0\s+\+17\.3%/);
  });

  it('saves the scenario with w', async () => {
    const saves: string[] = [];
    const a = await open(await data(['policies/guangxi-nanning.yaml']), 'en', saves);
    expect(await keys(a, '3', 'w')).toContain('no knob moved: nothing to save');
    const f = await keys(a, RIGHT, 'w');
    expect(saves[0]).toMatch(/^scenario: tui-test-1\n/);
    expect(saves[0]).toContain('tekun.basic.multiplier: {set: 1.4}');
    // named and described by the day it is written; the simulation's date is another (a TUI trial)
    expect(saves[0]).toContain('description: Set with the live knobs of jiuzhu tui on 2026-12-02, simulating 2025-06-30.');
    expect(f).toContain('saved: scenarios/tui-test-1.yaml');
    // w again with nothing moved since: the file already written, no copy
    expect(await keys(a, 'w')).toContain('unchanged since saved: scenarios/tui-test-1.yaml');
    expect(saves).toHaveLength(1);
    // a knob moved after a save: its note goes (it stood beside values the file lacks, a QA's)
    const moved = await keys(a, RIGHT);
    expect(moved).not.toContain('saved: scenarios/tui-test-1.yaml');
    expect(await keys(a, 'w')).toContain('saved: scenarios/tui-test-2.yaml');
    // back to the values of the first: that file again, not a copy (a trial found -3 repeating -1)
    expect(await keys(a, LEFT, 'w')).toContain('unchanged since saved: scenarios/tui-test-1.yaml');
    expect(saves).toHaveLength(2);
  });

  it('tells a save that failed in the TUI, and goes on (it threw: a stack trace, the session lost)', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml']), 'en', [], "EACCES: permission denied, mkdir 'scenarios'");
    const f = await keys(a, '3', RIGHT, 'w');
    expect(f).toContain("could not save: EACCES: permission denied, mkdir 'scenarios'");
    expect(await keys(a, RIGHT)).toMatch(/tekun basic standard\s+◂\s+1\.5 × S/);
  });

  it('with several localities, each knob shows the shown locality’s own baseline, and a move sets one value for all', async () => {
    const a = await open(
      await data(['policies/guangxi-nanning.yaml', 'policies/guangdong-guangzhou.yaml', 'policies/jiangxi-fuliang.yaml']),
    );
    // Guangzhou's tekun basic standard is 1.6 × S (Nanning's 1.3): a step right is 1.7, a raise there too
    const gz = await keys(a, 'l', '3');
    expect(gz).toMatch(/▸ tekun basic standard\s+◂\s+1\.6 × S ▸\s*$/m);
    expect(gz).toContain('a knob sets one value for every locality; (baseline) is this locality’s own');
    expect(await keys(a, RIGHT)).toMatch(/▸ tekun basic standard\s+◂\s+1\.7 × S ▸ \(baseline 1\.6 × S\)/);
    expect(await keys(a, 'L')).toMatch(/▸ tekun basic standard\s+◂\s+1\.7 × S ▸ \(baseline 1\.3 × S\)/);
    const o = await keys(a, '1');
    expect(o).toContain('vs knobs');
    expect(o).toMatch(/特困 tekun \*\s+323\.7\s+\d+\.\d\s+\+\d+\.\d\s+\+\d+\.\d%/); // a raise in Nanning as well
  });

  it('takes keys that arrive in one chunk each (typed fast, or held down)', async () => {
    const a = await open(
      await data(['policies/guangxi-nanning.yaml', 'policies/guangdong-guangzhou.yaml', 'policies/jiangxi-fuliang.yaml']),
    );
    expect(await keys(a, 'll')).toContain('(3/3, l)');
    expect(await keys(a, '3', '+++')).toMatch(/▸ tekun basic standard\s+◂\s+1\.6 × S/); // Fuliang's 1.3, three steps
  });

  // A TUI trial held `+` down in tmux: ten presses, each its own write, moved the knob 6 to 9 steps (an effect put back
  // the state of a render already passed, after a press had moved on from it)
  it('takes every key of a quick run of separate presses, however the renders fall between them', async () => {
    for (const gap of [() => Promise.resolve(), () => new Promise((r) => setImmediate(r)), () => new Promise((r) => setTimeout(r, 1))]) {
      const a = await open(await data(['policies/guangxi-nanning.yaml']));
      await keys(a, '3');
      for (let i = 0; i < 10; i++) {
        a.stdin.write('+');
        await gap();
      }
      expect(await keys(a, 'x')).toMatch(/▸ tekun basic standard\s+◂\s+2\.3 × S/); // Nanning's 1.3, ten steps
      a.unmount();
    }
  });

  it('charts cost per program and the mean change by income decile', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    const f = await keys(a, '2');
    expect(f).toContain('annual cost per program (M yuan)');
    // 24 rows: ten deciles under ten programs do not fit, so they go in two columns (D1 beside D6 … D5 beside D10)
    expect(f).toMatch(/^D1 {2}.*\+\d+\s+D6 {2}.*$/m);
    expect(f).toMatch(/^D5 {2}.*D10 .*$/m);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('drills into a household that gains and shows its explain trace; Esc goes back', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    const list = await keys(a, '4');
    expect(list).toMatch(/filter: changed \(f\) — \d+/);
    // (its columns named, the unit said; amounts grouped by thousands)
    expect(list).toMatch(/^ {2}household\s+persons\s+baseline → +this run {2}Δ \(yuan a year\)$/m);
    const first = /^[▸ ] (H\d{4})\s+\d persons?\s+[\d,.]+ →\s+[\d,.]+\s+\+[\d,.]+$/m.exec(list);
    expect(first).not.toBeNull();
    const trace = await keys(a, '\r');
    expect(trace).toContain(`household ${first![1]} — 广西壮族自治区·南宁市 Guangxi / Nanning — ${DATE}`);
    expect(trace).toContain('step 1 · 特困 tekun');
    expect(await keys(a, '\u001B')).toMatch(/filter: changed/);
    const losers = await keys(a, 'f');
    expect(losers, losers).toMatch(/filter: losers \(f\) — 0/);
  });

  // A caseworker's ask (explain --lang zh): the TUI in Chinese shows the trace in Chinese too
  it('shows the explain trace in the screen’s language', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']), 'zh');
    await keys(a, '4');
    const trace = await keys(a, '\r');
    expect(trace).toMatch(/^家庭 H\d{4} — 广西壮族自治区·南宁市 — /m);
    expect(trace).toContain('第 1 步 · 特困');
    expect(trace).not.toContain('step 1 ·');
  });

  // An interactive QA trial: the trace's lines were cut at the screen's edge (no way to read the rest), and ↓ past the
  // end left one line on an empty screen
  it('wraps the trace to the screen, and scrolls no further than its last screenful', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    await keys(a, '4');
    const first = await keys(a, '\r');
    const lines = first.split('\n');
    expect(lines.every((l) => displayWidth(l) <= 80)).toBe(true);
    expect(lines.some((l) => l.endsWith('…'))).toBe(false);
    for (let i = 0; i < 600; i++) {
      a.stdin.write('\u001B[B');
      await new Promise((r) => setImmediate(r)); // (each its own key)
    }
    const last = await keys(a, 'x');
    // End goes there at once, and Home back (a caseworker's trace took 550 presses of ↓)
    expect(await keys(a, '\u001B[H')).toBe(first);
    expect(await keys(a, '\u001B[F')).toBe(last);
    expect(await keys(a, '\u001B[5~', '\u001B[6~')).toBe(await keys(a, '\u001B[F', '\u001B[5~', '\u001B[6~'));
    // the last screenful: as many lines as the first (the body is full), ending with the trace's last line
    // the last screenful: a full body of the trace (the title and the views above it, the keys below), not one line
    expect(last.split('\n').length).toBeGreaterThanOrEqual(lines.length);
    expect(
      last
        .split('\n')
        .slice(2, -1)
        .filter((l) => l.trim()).length,
    ).toBeGreaterThanOrEqual(18);
    expect(last).not.toBe(first);
  });

  it('opens a household’s cliff chart with c (baseline and the run compared), and c again goes back to its trace', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/dibao-standard-plus-10pct.yaml']));
    const list = await keys(a, '4');
    const id = /^[▸ ] (H\d{4})\s/m.exec(list)![1]!;
    const chart = await keys(a, '\r', 'c');
    expect(chart).toContain(`cliffs 悬崖效应 — household ${id}`);
    expect(chart).toContain('● baseline  ○ dibao-standard-plus-10pct');
    expect(chart).toMatch(/^baseline: \d+ cliffs?(, \d+ jumps? up)?; marginal rate ≥ 100 % on \d+ of \d+ steps$/m);
    expect(await keys(a, 'c')).toContain(`household ${id} — 广西壮族自治区·南宁市`);
  });

  it('shows the marginal-rate distribution of the baseline and the run compared (view 6), as jiuzhu cliff computes it', async () => {
    const d = await data(['policies/guangxi-nanning.yaml'], ['scenarios/dibao-standard-plus-10pct.yaml']);
    const a = await open(d);
    const f = await keys(a, '6');
    expect(f).toContain('[6 rates]');
    const loc = d.localities[0]!;
    const bands = rateBands(d.pop, [loc.baseline, loc.scenarios[0]!], TUI_RATE_DELTA, 'monthly');
    const [b, c] = bands.map((x) => bandShares(x.overall));
    expect(b!.at_least_100_pct).not.toBe(c!.at_least_100_pct); // the raised standard changes it
    // (100 % exactly, dibao's taper, and more than 100 %, a cliff, are two bands; ≥ 100 % their sum)
    expect(f).toMatch(new RegExp(`^> 100 %\\s+▏?[█▏▎▍▌▋▊▉]*\\s+${b!.above_100_pct}%\\s+[█▏▎▍▌▋▊▉]*\\s+${c!.above_100_pct}%$`, 'm'));
    expect(f).toMatch(new RegExp(`^≥ 100 %\\s+${b!.at_least_100_pct}%\\s+${c!.at_least_100_pct}%$`, 'm'));
    expect(f).toMatch(new RegExp(`^≥ 80 %\\s+${b!.at_least_80_pct}%\\s+${c!.at_least_80_pct}%$`, 'm'));
    expect(f).toContain(`dibao-standard-plus-10pct: households facing ≥ 100 % ${groupDigits(c!.at_least_100_households)}`);
  });

  it('shows the totals’ ranges from their estimates with e, as jiuzhu sensitivity computes them', async () => {
    const d = await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']);
    const a = await open(d);
    expect(a.lastFrame()).not.toContain('range (estimates)');
    let f = await keys(a, 'e');
    for (let i = 0; i < 200 && f.includes('computing'); i++) {
      await tick();
      f = a.lastFrame()!;
    }
    const loc = d.localities[0]!;
    const plan = sensitivityPlan(loc.policy, loc.scenarioDefs!, { date: DATE });
    const result = await evaluatePlan(plan, async (runs) => simulate(d.pop, runs));
    const [b, c] = [totalRange(result, 0, null), totalRange(result, 1, null)];
    expect(D(b.low).lessThan(b.high)).toBe(true);
    // (and the Δ's range, as simulate --ranges gives it: a trial missed it here)
    expect(f).toContain(
      `range (estimates): baseline ${money(b.low)}–${money(b.high)} · run ${money(c.low)}–${money(c.high)}, Δ ${signedMoney('0', c.delta!.low)}–${signedMoney('0', c.delta!.high)}\n`,
    );
    expect(await keys(a, 'e')).not.toContain('range (estimates)');
  });

  it('shows localities side by side with l, and the help overlay with ?', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml', 'policies/guangdong-guangzhou.yaml']), 'zh');
    expect(a.lastFrame()).toContain('广西壮族自治区·南宁市 (1/2, l)');
    // programs by their 中文 names alone (English after them cut them short at 140 columns: a caseworker's trial)
    expect(a.lastFrame()).toMatch(/^\s*重度残疾人护理补贴 \*?\s/m);
    expect(a.lastFrame()).not.toMatch(/tekun|dibao supplement|severe-disability/);
    // money in 万元, as bureaus budget (it was 百万元): whole 万元, grouped
    expect(a.lastFrame()).toMatch(/合计 \(万元\/年\)\s+\d{1,3}(,\d{3})+\s/);
    expect(a.lastFrame()).not.toContain('百万');
    expect([money('447930605.80', 'wan'), money('447930605.80')]).toEqual(['44,793', '447.9']);
    expect(await keys(a, 'l')).toContain('广东省·广州市 (2/2, l)');
    const help = await keys(a, '?');
    expect(help).toContain('按键');
    expect(help).not.toContain('keys');
    expect(help).toContain('PgUp PgDn'); // (a page at a time: a caseworker's trace took 550 presses of ↓)
    expect(help).toContain('把方案保存到 scenarios/');
  });

  // The help had grown past 24 rows: at 80×24 the title and the box's top scrolled off the screen
  it('fits the help in 80×24, the title on top, each key on one line (English and 中文)', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const a = await open(await data(['policies/guangxi-nanning.yaml']), lang);
      const help = (await keys(a, '?')).split('\n');
      expect(help.length, help.join('\n')).toBeLessThanOrEqual(24);
      expect(help[0]).toMatch(/^救助 jiuzhu /);
      expect(help[2]).toMatch(/^╭─+╮$/);
      expect(
        help.filter((l) => /^│ {14}/.test(l)),
        'a description wrapped',
      ).toEqual([]);
      a.unmount();
    }
  });

  // A caseworker's screen read "对比 tekun-basic-1.6x", the scenario's 中文 title nowhere; the knobs' run "tui-knobs"
  it('in Chinese names a scenario by its 中文 title and the knobs’ run in words; in English by their ids', async () => {
    const zh = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']), 'zh');
    expect(zh.lastFrame()).toContain('对比 特困人员基本生活标准为低保标准的1.6倍');
    expect(zh.lastFrame()).not.toContain('tekun-basic-1.6x');
    expect(await keys(zh, '3', '\u001b[C', '1')).toContain('对比 参数调节');
    unmountApp();
    const en = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    expect(en.lastFrame()).toContain('vs tekun-basic-1.6x');
    expect(await keys(en, '3', '\u001b[C', '1')).toContain('vs knobs');
  });

  it('counts the notes beside the views; n shows them wrapped to the screen, and says where the rest go', async () => {
    const d = await data(['policies/guangxi-nanning.yaml']);
    expect((await open(d)).lastFrame()).not.toContain('notes (n)');
    unmountApp();
    const notes = ['note: a first note', `note: a long one ${'word '.repeat(60)}end`];
    const a = await open({ ...d, notes });
    expect(a.lastFrame()).toContain('⚠ 2 notes (n)');
    const shown = await keys(a, 'n');
    expect(shown).toContain('note: a first note');
    expect(shown).toContain('end'); // wrapped, not cut at the border
    expect(shown).not.toContain('⚠ 2 notes');
    expect(shown).not.toContain('↑↓ scroll');
    expect(await keys(a, '\u001b')).toContain('⚠ 2 notes'); // Esc: back to the overview, the app open
    unmountApp();
    // more lines than the screen's rows: which are shown, and ↑↓ scroll to the rest (a trial could not read past the
    // first screenful until it quit)
    const many = await open({ ...d, notes: Array.from({ length: 30 }, (_, i) => `note: number ${i + 1}`) });
    const cut = await keys(many, 'n');
    expect(cut).toMatch(/note: number 1 /);
    expect(cut).not.toContain('note: number 30');
    expect(cut).toMatch(/1–\d+ \/ 30 · ↑↓ scroll/);
    const down = await keys(many, ...Array.from({ length: 20 }, () => '\u001B[B'));
    expect(down).toContain('note: number 30');
    expect(down).not.toMatch(/note: number 1 /);
    expect(await keys(many, '\u001B[A')).not.toContain('note: number 30'); // one up
  });

  it('puts localities side by side under the run compared (the knob run applied to each)', async () => {
    const a = await open(
      await data(
        ['policies/guangxi-nanning.yaml', 'policies/guangdong-guangzhou.yaml', 'policies/jiangxi-fuliang.yaml'],
        ['scenarios/tekun-basic-1.6x.yaml'],
      ),
    );
    const f = await keys(a, '5');
    expect(f).toContain('[5 localities]');
    // (Guangzhou 826.3 and Fuliang 315.8: the sample at 2025-06-30 meets Guangzhou's 2025 minimum wage of 2500 and
    // Jiangxi's 1740, and each policy's tekun property test)
    expect(f).toMatch(/^特困 tekun\s+323\.7\s+\+17\.3%\s+826\.3\s+\+0\.0%\s+315\.8\s+\+17\.9%$/m);
    // each amount in its own place, whatever its change's width ("+0.0%" or "0"): the first locality's amounts end in
    // one column (as one string with its change they did not line up, a QA trial)
    const rows = f.split('\n').filter((l) => /\d%$|\s0$/.test(l) && !l.startsWith('['));
    expect(rows.length).toBeGreaterThan(5);
    const amountEnds = rows.map((l) => {
      const chars = [...l];
      let [w, i] = [0, 0];
      while (w < 22) w += displayWidth(chars[i++]!); // (the label's 22 columns, 中文 two each)
      return w + /^\s*[\d,.]+/.exec(chars.slice(i).join(''))![0].length;
    });
    expect(new Set(amountEnds).size).toBe(1);
    const knobbed = await keys(a, '3', RIGHT, RIGHT, RIGHT, RIGHT, '5'); // tekun to 1.7× everywhere
    expect(knobbed).toMatch(/^特困 tekun\s+323\.7\s+\+\d+\.\d%\s+826\.3\s+\+\d+\.\d%\s+315\.8\s+\+\d+\.\d%$/m);
    expect(knobbed).not.toMatch(/826\.3\s+\+0\.0%/);
  });

  it('fits 24 rows: the title stays on top with three runs and the knob run, the ranges shown (it fell off)', async () => {
    const a = await open(
      await data(
        ['policies/guangxi-nanning.yaml'],
        ['scenarios/tekun-basic-1.6x.yaml', 'scenarios/low-income-2x.yaml', 'scenarios/combined-package.yaml'],
      ),
    );
    await keys(a, '3', RIGHT, '1');
    for (const v of ['e', '2', '1']) {
      const f = await keys(a, v);
      expect(f.split('\n').length, f).toBeLessThanOrEqual(24);
      expect(f.split('\n')[0]).toMatch(/^救助 jiuzhu /);
    }
    // the run compared keeps its bar (the knob run is the fourth run: it had none)
    expect(a.lastFrame(), a.lastFrame()).toMatch(/^knobs\s+[█▏▎▍▌▋▊▉]+\s+\d+\.\d$/m);
  });

  it('below 80 columns says the terminal is too small, rather than wrapping the views over each other', async () => {
    setColumns(70);
    const saves: string[] = [];
    try {
      const a = await open(await data(['policies/guangxi-nanning.yaml']), 'en', saves);
      expect(a.lastFrame()!.replace(/\s+/g, ' ')).toContain(
        'the terminal is 70×24: jiuzhu tui needs at least 80×24; make the window larger (q quits)',
      );
      expect(a.lastFrame()).not.toContain('overview');
      expect(
        a
          .lastFrame()!
          .split('\n')
          .every((l) => !l.startsWith(' ')),
      ).toBe(true); // (no line begun by a space)
      // made larger, it draws the views at once, with no key pressed (it waited for one, a TUI trial found)
      setColumns(80);
      const before = a.lastFrame();
      a.stdout.emit('resize');
      await settled(a, before);
      expect(a.lastFrame()).toMatch(/^救助 jiuzhu Guangxi \/ Nanning/);
      expect(a.lastFrame()).toContain('[1 overview]');
      // and smaller again, it says so at once (the old views had wrapped over each other)
      setColumns(60);
      a.stdout.emit('resize');
      await settled(a, a.lastFrame());
      expect(a.lastFrame()!.replace(/\s+/g, ' ')).toContain('the terminal is 60×24');
      // keys while it is too small do nothing: no view opened, no knob moved, nothing saved (a QA trial's `w` saved one)
      await keys(a, '3', '\u001b[C', 'w', '?');
      setColumns(80);
      a.stdout.emit('resize');
      await settled(a, a.lastFrame());
      expect(a.lastFrame()).toContain('[1 overview]');
      expect(a.lastFrame()).not.toContain('keys 按键');
      expect(saves).toEqual([]);
    } finally {
      setColumns(80);
    }
  });

  it('fits 80 columns', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    for (const v of ['1', '2', '3', '4', '5', '6']) {
      const f = await keys(a, v);
      const { displayWidth } = await import('../../src/report/text-table.js');
      expect(Math.max(...f.split('\n').map(displayWidth))).toBeLessThanOrEqual(80);
    }
  });

  it('cuts a trace line of 中文 to the width by display width (Ink’s cut ran one column over: the screen wrapped, garbled)', async () => {
    const { displayWidth } = await import('../../src/report/text-table.js');
    const a = await open(await data(['policies/guangxi-nanning.yaml']), 'zh');
    await keys(a, '4', 'f', 'f', 'f', '\r');
    // H0001's sources: gx-2020-23 （五）…１６周岁延长至１８周岁 — 桂办发〔2020〕23号, wider than 80 columns
    let seen = false;
    for (let i = 0; i < 45; i++) {
      const f = await keys(a, '\u001B[B');
      const lines = f.split('\n');
      seen ||= f.includes('gx-2020-23 （五）');
      expect(lines.length).toBeLessThanOrEqual(24);
      expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
      expect(lines[0]).toMatch(/^救助 jiuzhu /);
    }
    expect(seen).toBe(true);
  });
});

describe('jiuzhu tui on a big population (the knob run compared elsewhere: data.comparer)', () => {
  it('keeps the last view, marked recomputing, until the knob run arrives; then shows what one thread shows', async () => {
    const d = await data(['policies/guangxi-nanning.yaml']);
    const sync = await open(d);
    const expected = await keys(sync, '3', RIGHT, RIGHT, RIGHT, '1');
    sync.unmount();
    // A comparer that answers only when released, with the one-thread result.
    const { compareWithBaseline } = await import('../../src/core/compare.js');
    const waiting: Array<() => void> = [];
    const primed: unknown[] = [];
    const comparer: KnobComparer = {
      compareWithBaseline: (base, run, deciles) =>
        new Promise((resolve) => waiting.push(() => resolve(compareWithBaseline(d.pop, base, run, deciles, { annuals: true })))),
      prime: (base) => primed.push(base),
    };
    const a = await open({ ...d, comparer });
    // the baseline on screen: the comparer is readied for it, once
    expect(primed).toHaveLength(1);
    const pending = await keys(a, '3', RIGHT, RIGHT, RIGHT, '1');
    expect(pending).toContain('recomputing…');
    expect(pending).toMatch(/^特困 tekun \*\s+323\.7\s*$/m); // the baseline's view, still
    while (waiting.length) waiting.shift()!();
    await settled(a, pending);
    expect(a.lastFrame()).not.toContain('recomputing…');
    expect(a.lastFrame()).toBe(expected);
  });
});

// A TUI trial: two Tabs in one chunk (typed fast) moved no view
it('takes two Tabs that arrive together as two', async () => {
  const a = await open(await data(['policies/guangxi-nanning.yaml']));
  expect(await keys(a, '\t\t')).toContain('[3 knobs]');
});

describe('households list', () => {
  // A TUI trial's first look, no scenario given: "filter: changed — 0 / none", three f's from any household
  // …and a TUI trial read the list's "59" beside the overview's "lose 1,964": the file's households and the weighted
  // ones they stand for (the sample's 179,341.2, simulate's households.weighted); with no run, no column of it nor Δ
  it('with no run to compare lists every household: the file’s and the weighted count, the baseline column alone', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml']));
    const f = await keys(a, '4');
    expect(f).toContain('filter: all (f) — 600 in the file (179,341 weighted)\n');
    expect(f).toMatch(/^ {2}household\s+persons\s+baseline \(yuan a year\)$/m);
    expect(f).not.toContain('this run');
  });

  // A caseworker could only scroll to a family (and 10,000 are listed at most): / and its id open it
  it('finds a household by its id with / (any case, full-width too), listed first wherever the filter leaves it', async () => {
    const a = await open(await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']));
    await keys(a, '4', 'f'); // losers: none under tekun 1.6 ×
    const typed = await keys(a, '/', 'h', '0', '2', '9', '6');
    expect(typed).toContain('find household id: h0296▏ · ⏎ open · esc cancel');
    const trace = await keys(a, '\r');
    expect(trace).toContain(`household H0296 — 广西壮族自治区·南宁市 Guangxi / Nanning — ${DATE}`);
    // back to the list: the household first, though the filter (losers) takes no one
    const list = await keys(a, '\u001B');
    expect(list).toMatch(/filter: losers \(f\) — 0 in the file \(0 weighted\), and 1 found\n[\s\S]*\n▸ H0296 /);
    // full-width, as a Chinese input method types it
    await keys(a, '/', ...'Ｈ０００４', '\r');
    expect(a.lastFrame()).toContain('household H0004 — ');
    // an id that is no household's is said, and the list stays
    await keys(a, '\u001B', '/', ...'X9', '\r');
    expect(a.lastFrame()).toContain('no household "X9" (/ to find another)');
    // q while typing is a letter, not quit
    await keys(a, '/', 'q');
    expect(a.lastFrame()).toContain('find household id: q▏');
  });

  // An interactive QA trial: `all` stopped at "500+" (H0501–H0600 of the sample out of reach, and how many more unsaid)
  it('lists up to 10,000 (the sample whole) and, where it stops short, says of how many and which', async () => {
    const d = await data(['policies/guangxi-nanning.yaml'], ['scenarios/tekun-basic-1.6x.yaml']);
    const a = await open(d);
    const all = await keys(a, '4', 'f', 'f', 'f');
    expect(all).toContain('filter: all (f) — 600');
    const { Households } = await import('../../src/ui/Households.js');
    const rows = [0, 1, 2].map((h) => ({ h, id: `H${h}`, persons: 1, base: 0, now: 0 }));
    const few = render(
      <Households rows={rows} total={1_234_567} selected={0} filter="all" trace={null} scroll={0} height={10} width={80} lang="en" />,
    );
    expect(few.lastFrame()).toContain('filter: all (f) — 3 of 1,234,567 in the file (the first; 1,234,567 weighted)');
    few.unmount();
  });
});

describe('loading', () => {
  it('shows a progress bar with rows, MB/s and ETA while the file is read', async () => {
    const { Loading } = await import('../../src/ui/Loading.js');
    const app = track(
      render(<Loading file="big.csv" progress={{ bytes: 50e6, totalBytes: 100e6, rows: 250_000 }} seconds={2} lang="en" />),
    );
    const f = app.lastFrame()!;
    expect(f).toContain('reading big.csv');
    expect(f).toMatch(/^█{25}░{25} 50%$/m);
    expect(f).toContain('250,000 rows · 25.0 MB/s · ETA 2 s');
    expect(f).toContain('Ctrl-C stops reading'); // (q is read once the screen is up)
  });

  it('from a pipe (no size known): rows and rate, no bar, no % and no ETA; in 中文 the rows too', async () => {
    const { Loading } = await import('../../src/ui/Loading.js');
    const app = track(render(<Loading file="/dev/stdin" progress={{ bytes: 13e6, totalBytes: 0, rows: 380_928 }} seconds={2} lang="en" />));
    const f = app.lastFrame()!;
    expect(f).toContain('reading standard input');
    expect(f).not.toMatch(/[░%]|ETA/);
    expect(f).toContain('380,928 rows · 6.5 MB/s');
    app.unmount();
    const zh = track(render(<Loading file="a.csv" progress={{ bytes: 1e6, totalBytes: 2e6, rows: 10 }} seconds={1} lang="zh" />));
    expect(zh.lastFrame()).toContain('10 行 · 1.0 MB/s · ETA 1 s');
  });
});
