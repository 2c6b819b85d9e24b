// The TUI's key reducer, as a pure unit: views, knobs (steps, bounds, reset), localities, filters, traces.
import { describe, expect, it } from 'vitest';
import { KNOBS } from '../../src/ui/knob-levers.js';
import { footerKeys, initialState, reduce, type Key, type State } from '../../src/ui/state.js';

const lim = { localities: 2, runs: 2, households: 3, traceLines: 40 };
const press = (s: State, ...keys: Array<string | Key>) =>
  keys.reduce((st, k) => reduce(st, typeof k === 'string' ? k : '', typeof k === 'string' ? {} : k, lim), s);
const start = initialState(KNOBS.map((k) => (k.initial === undefined ? 0 : k.id === 'standard' ? 0 : k.min + k.step * 2)));

describe('the key reducer', () => {
  it('switches views with 1–6 and Tab, and toggles help with ?', () => {
    expect(press(start, '3').view).toBe('knobs');
    expect(press(start, { tab: true }, { tab: true }).view).toBe('knobs');
    expect(press(start, { tab: true, shift: true }).view).toBe('rates');
    expect(press(start, '5').view).toBe('localities');
    expect(press(start, '?').help).toBe(true);
    expect(press(start, '?', '3').view).toBe('overview'); // keys other than ?/Esc/q are ignored under help
    expect(press(start, '?', '?').help).toBe(false);
  });

  it('changes the selected knob by its step within its bounds, and resets it', () => {
    const k = KNOBS[0]!; // tekun basic, hundredths: 120 → 130 → …
    const s = press(start, '3', { rightArrow: true });
    expect(s.values[0]).toBe(start.values[0]! + k.step);
    expect(press(s, '-', '-').values[0]).toBe(start.values[0]! - k.step);
    const top = press(start, '3', ...Array(100).fill('+'));
    expect(top.values[0]).toBe(k.max);
    expect(press(top, 'r').values[0]).toBe(start.values[0]);
    const two = press(start, '3', '+', { downArrow: true }, '+');
    expect(two.knob).toBe(1);
    expect(press(two, 'R').values).toEqual(start.values);
    expect(press(start, '3', { upArrow: true }).knob).toBe(KNOBS.length - 1);
  });

  it('asks to save only on w in the knobs view, once', () => {
    const s = press(start, '3', 'w');
    expect(s.saveRequested).toBe(true);
    expect(press(s, { downArrow: true }).saveRequested).toBe(false);
    expect(press(start, 'w').saveRequested).toBe(false);
  });

  it('cycles localities with l / L and runs with s', () => {
    expect(press(start, 'l').locality).toBe(1);
    expect(press(start, 'l', 'l').locality).toBe(0);
    expect(press(start, 'L').locality).toBe(1);
    expect(press(start, 's').run).toBe(1);
    expect(press(start, 's', 's').run).toBe(0);
  });

  it('filters, selects within the list, opens and scrolls a trace, and closes it', () => {
    const h = press(start, '4');
    expect(press(h, 'f').filter).toBe('losers');
    expect(press(h, ...Array(10).fill({ downArrow: true })).selected).toBe(2);
    const opened = press(h, { downArrow: true }, { return: true });
    expect([opened.opened, opened.scroll]).toEqual([1, 0]);
    expect(press(opened, { downArrow: true }, { downArrow: true }).scroll).toBe(2);
    expect(press(opened, { escape: true }).opened).toBe(null);
    // c switches the opened household between its trace and its cliff chart; opening another starts on the trace
    expect(press(opened, 'c').cliff).toBe(true);
    expect(press(opened, 'c', 'c').cliff).toBe(false);
    expect(press(opened, 'c', { escape: true }, { return: true }).cliff).toBe(false);
    expect(press(start, '6').view).toBe('rates');
  });

  it('quits on q anywhere, and on Esc from the overview', () => {
    expect(press(start, '3', 'q').quit).toBe(true);
    expect(press(start, { escape: true }).quit).toBe(true);
    expect(press(start, '3', { escape: true }).quit).toBe(false);
  });
});

describe('the footer', () => {
  it('offers only the keys the view acts on (w saves only in knobs; ⏎ opens a household only in its list)', () => {
    const at = (view: State['view'], opened: number | null = null) => footerKeys({ view, opened }, 'en');
    expect(at('knobs')).toBe('? help · q quit · 1-6 views · ↑↓ knob · ←→ value · r/R reset · w save');
    expect(at('overview')).toBe('? help · q quit · 1-6 views · s run · e ranges');
    expect(at('households')).toBe('? help · q quit · 1-6 views · ↑↓ select · ⏎ explain · f filter');
    expect(at('households', 0)).toBe('? help · q quit · 1-6 views · c cliff · esc back');
    for (const view of ['overview', 'charts', 'localities', 'rates', 'households'] as const) {
      expect(at(view)).not.toContain('w save');
      expect(footerKeys({ view, opened: null }, 'zh')).not.toContain('w 保存');
    }
    expect(footerKeys({ view: 'knobs', opened: null }, 'zh')).toBe('? 帮助 · q 退出 · 1-6 视图 · ↑↓ 参数 · ←→ 调节 · r/R 还原 · w 保存');
  });
});
