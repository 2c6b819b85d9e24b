// The TUI's key reducer, as a pure unit: views, knobs (steps, bounds, reset), localities, filters, traces.
import { describe, expect, it } from 'vitest';
import { KNOBS } from '../../src/ui/knob-levers.js';
import { footerKeys, initialState, knobValue, reduce, runAt, type Key, type State } from '../../src/ui/state.js';

const lim = { localities: 2, runs: 2, households: 3, traceLines: 40 };
const press = (s: State, ...keys: Array<string | Key>) =>
  keys.reduce((st, k) => reduce(st, typeof k === 'string' ? k : '', typeof k === 'string' ? {} : k, lim), s);
// two localities whose baselines differ in the first knob (tekun basic: 1.2 and 1.6 × S)
const own = KNOBS.map((k) => (k.id === 'standard' ? 0 : k.min + k.step * 2));
const start = initialState([own, own.map((v, i) => (i === 0 ? 160 : v))]);
const shown = (s: State, knob = 0) => knobValue(s, knob);

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

  it('toggles the notes with n; Esc closes them, not the app; ? and n replace each other', () => {
    expect(press(start, 'n').notes).toBe(true);
    expect(press(start, 'n', 'n').notes).toBe(false);
    expect(press(start, 'n', { escape: true })).toMatchObject({ notes: false, quit: false });
    expect(press(start, 'n', '3').view).toBe('overview'); // keys other than ?/n/Esc/q are ignored under the notes
    expect(press(start, 'n', '?')).toMatchObject({ notes: false, help: true });
    expect(press(start, '?', 'n')).toMatchObject({ notes: true, help: false });
    expect(press(start, 'n', 'q').quit).toBe(true);
  });

  it('scrolls the notes with ↑↓ within their lines, from the top each time they open', () => {
    const at = (...keys: Array<string | Key>) =>
      keys.reduce((st, k) => reduce(st, typeof k === 'string' ? k : '', typeof k === 'string' ? {} : k, { ...lim, notesScroll: 2 }), start);
    expect(at('n', { downArrow: true }).notesScroll).toBe(1);
    expect(at('n', { downArrow: true }, { downArrow: true }, { downArrow: true }).notesScroll).toBe(2); // (at most 2)
    expect(at('n', { downArrow: true }, { upArrow: true }, { upArrow: true }).notesScroll).toBe(0);
    expect(at('n', { downArrow: true }, 'n', 'n').notesScroll).toBe(0);
  });

  it('changes the selected knob by its step within its bounds, and resets it', () => {
    const k = KNOBS[0]!; // tekun basic, hundredths: 120 → 130 → …
    expect(start.values.every((v) => v === null)).toBe(true); // nothing moved: each locality its own
    const s = press(start, '3', { rightArrow: true });
    expect(s.values[0]).toBe(130);
    expect(press(s, '-', '-').values[0]).toBe(110);
    const top = press(start, '3', ...Array(100).fill('+'));
    expect(top.values[0]).toBe(k.max);
    expect(press(top, 'r').values[0]).toBe(null);
    const two = press(start, '3', '+', { downArrow: true }, '+');
    expect(two.knob).toBe(1);
    expect(press(two, 'R').values).toEqual(start.values);
    expect(press(start, '3', { upArrow: true }).knob).toBe(KNOBS.length - 1);
  });

  it('steps from the shown locality’s own baseline; a value set is set for every locality', () => {
    // the second locality's 1.6: a step right is 1.7 (it stepped from the first one's 1.2, to 1.3: a cut shown as a raise)
    const there = press(start, 'l', '3', '+');
    expect(there.values[0]).toBe(170);
    expect([shown(there), shown(press(there, 'l'))]).toEqual([170, 170]);
    expect([shown(start), shown(press(start, 'l'))]).toEqual([120, 160]);
    // back to a value not every locality has is still a change (1.6 is the second's, not the first's)
    expect(press(there, '-').values[0]).toBe(160);
    // the standard knob (0 % in both) back to 0 is no change at all
    const std = press(start, '3', { downArrow: true }, { downArrow: true }, { downArrow: true }, '+', '-');
    expect(std.values[3]).toBe(null);
  });

  it('asks to save only on w in the knobs view, once', () => {
    const s = press(start, '3', 'w');
    expect(s.saveRequested).toBe(true);
    expect(press(s, { downArrow: true }).saveRequested).toBe(false);
    expect(press(start, 'w').saveRequested).toBe(false);
  });

  // A TUI trial selected row 300 of 317 households that change, then moved a knob: 98 changed, no row was marked and
  // Enter did nothing. The selection is the list's last row until a key moves it
  it('a list that shrank under the selection: Enter opens its last row, ↑ and ↓ move from there', () => {
    const far = { ...press(start, '4'), selected: 299 };
    expect(press(far, { return: true })).toMatchObject({ selected: 2, opened: 2 });
    expect(press(far, { downArrow: true }).selected).toBe(2);
    expect(press(far, { upArrow: true }).selected).toBe(1);
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

  // A caseworker's trial: the only way to a family was to scroll to it (600 in the sample; 10,000 listed at most)
  it('finds a household by its id after /: every key is text until Enter (q and digits too), Esc cancels', () => {
    const typing = press(start, '4', '/', 'H', '0', 'q', '2', { backspace: true }, '9', '6');
    expect([typing.finding, typing.quit, typing.view]).toEqual(['H0q96', false, 'households']);
    expect(press(typing, { upArrow: true }, { tab: true }).finding).toBe('H0q96'); // (keys that are no text add none)
    const asked = press(typing, { return: true });
    expect([asked.finding, asked.find]).toEqual([null, 'H0q96']);
    // the request lasts one key: the app answers it at once
    expect(press(asked, { downArrow: true }).find).toBe(null);
    expect(press(typing, { escape: true })).toMatchObject({ finding: null, find: null, view: 'households', quit: false });
    expect(press(start, '4', '/', { return: true }).find).toBe(null); // (nothing typed: nothing asked)
    // a household found is pinned first; f takes the pin and a miss away
    expect(press({ ...start, view: 'households', pinned: 7, missed: 'X' }, 'f')).toMatchObject({ pinned: null, missed: null });
    // only the list finds: not in an opened trace, nor in another view
    expect(press(start, '1', '/').finding).toBe(null);
    expect(press(start, '4', { return: true }, '/').finding).toBe(null);
  });

  // A caseworker's trial: a trace of ~350 lines at 80×24 took 550 presses of ↓; PgDn, End and Home did nothing
  it('moves a page, or to either end, with PgUp PgDn Home End: a trace, the list and the notes', () => {
    const paged = { ...lim, page: 18, households: 100, notesScroll: 30 };
    const go = (s: State, ...keys: Key[]) => keys.reduce((st, k) => reduce(st, '', k, paged), s);
    const opened = go(press(start, '4'), { return: true });
    expect(go(opened, { pageDown: true }).scroll).toBe(18);
    expect(go(opened, { pageDown: true }, { pageDown: true }, { pageUp: true }).scroll).toBe(18);
    expect(go(opened, { end: true }).scroll).toBe(39); // (traceLines 40: the last screenful's first line)
    expect(go(opened, { end: true }, { pageDown: true }).scroll).toBe(39);
    expect(go(opened, { end: true }, { home: true }).scroll).toBe(0);
    expect(go(opened, { pageUp: true }).scroll).toBe(0);
    const list = press(start, '4');
    expect(go(list, { pageDown: true }).selected).toBe(18);
    expect(go(list, { end: true }).selected).toBe(99);
    expect(go(list, { end: true }, { pageUp: true }, { home: true }).selected).toBe(0);
    expect(go(press(start, 'n'), { pageDown: true }, { pageDown: true }).notesScroll).toBe(30);
    expect(go(press(start, 'n'), { end: true }, { home: true }).notesScroll).toBe(0);
  });

  // A TUI trial: Esc on the overview quit at once, its knobs moved and not saved, and nothing said
  it('quits on q anywhere; Esc does not quit; with knobs not saved q asks once, and any other key takes it back', () => {
    expect(press(start, '3', 'q').quit).toBe(true);
    expect(press(start, { escape: true }).quit).toBe(false);
    expect(press(start, '3', { escape: true }).quit).toBe(false);
    const unsaved = (s: State, ...keys: Array<string | Key>) =>
      keys.reduce((st, k) => reduce(st, typeof k === 'string' ? k : '', typeof k === 'string' ? {} : k, { ...lim, unsaved: true }), s);
    expect(unsaved(start, 'q')).toMatchObject({ confirmQuit: true, quit: false });
    expect(footerKeys(unsaved(start, 'q'), 'en')).toBe('knobs not saved: q again quits · w in 3 knobs saves them');
    expect(unsaved(start, 'q', 'q').quit).toBe(true);
    expect(unsaved(start, 'q', '1', 'q')).toMatchObject({ confirmQuit: true, quit: false });
  });

  // A TUI trial: once a knob moved, s stayed on the knob run; the scenarios given could not be compared until R
  it('a knob moved compares the knob run (the last); s goes on through every run from it', () => {
    const moved = press(start, '3', { rightArrow: true }, '1');
    expect(moved.run).toBe(-1);
    expect(runAt(moved, 3)).toBe(2);
    expect(runAt(press(moved, 's'), 3)).toBe(0); // (lim.runs 2 here: from the last, 1, on to 0)
    expect(press(moved, 's', 's').run).toBe(1);
    expect(press(moved, '3', 'R').run).toBe(0);
    expect(press(moved, '3', 'r').run).toBe(0); // (the knob back to its own value: no knob run)
  });
});

describe('the footer', () => {
  it('offers only the keys the view acts on (w saves only in knobs; ⏎ opens a household only in its list)', () => {
    const at = (view: State['view'], opened: number | null = null) => footerKeys({ view, opened }, 'en');
    expect(at('knobs')).toBe('? help · q quit · 1-6 views · ↑↓ knob · ←→ value · r/R reset · w save');
    expect(at('overview')).toBe('? help · q quit · 1-6 views · s run · e ranges');
    expect(at('households')).toBe('? help · q quit · 1-6 views · ↑↓ select · ⏎ explain · f filter · / find');
    // while an id is typed after /: what is typed, and how it ends
    expect(footerKeys({ view: 'households', opened: null, finding: 'H02' }, 'en')).toBe('find household id: H02▏ · ⏎ open · esc cancel');
    expect(at('households', 0)).toBe('? help · q quit · 1-6 views · c cliff · esc back');
    for (const view of ['overview', 'charts', 'localities', 'rates', 'households'] as const) {
      expect(at(view)).not.toContain('w save');
      expect(footerKeys({ view, opened: null }, 'zh')).not.toContain('w 保存');
    }
    expect(footerKeys({ view: 'knobs', opened: null }, 'zh')).toBe('? 帮助 · q 退出 · 1-6 视图 · ↑↓ 参数 · ←→ 调节 · r/R 还原 · w 保存');
  });
});
