// The TUI's state and its pure reducer: every key press is an action; tests drive it without Ink.
import { KNOBS } from './knob-levers.js';

export const VIEWS = ['overview', 'charts', 'knobs', 'households', 'localities', 'rates'] as const;
export type View = (typeof VIEWS)[number];
export const FILTERS = ['changed', 'losers', 'gainers', 'all'] as const;
export type Filter = (typeof FILTERS)[number];

export interface State {
  readonly view: View;
  readonly help: boolean;
  /** The notes overlay (`n`): what the other commands say on stderr. */
  readonly notes: boolean;
  readonly locality: number;
  /**
   * Which run the overview compares with the baseline: an index into the comparison runs, or −1 for the last (the knob
   * run, once a knob moves; `s` then goes on through them all: it stayed on the knobs, a TUI trial).
   */
  readonly run: number;
  readonly knob: number;
  /**
   * Each knob's value, set for every locality; null where it has not moved (each locality keeps its own). A trial with
   * three localities saw the first one's baseline beside Guangzhou's knobs: a step that looked like a raise was a cut.
   */
  readonly values: readonly (number | null)[];
  /** Each locality's baseline value of each knob. */
  readonly initials: readonly (readonly number[])[];
  /**
   * Over a budget year, each locality's knobs whose baseline changes within it (knob-levers.ts knobYear): moved to any
   * value, such a knob is a change (it sets the whole year).
   */
  readonly varies?: readonly (readonly boolean[])[];
  readonly filter: Filter;
  readonly selected: number;
  /** A household opened for its explain trace, and how far it is scrolled. */
  readonly opened: number | null;
  /** The opened household's cliff chart instead of its explain trace (`c`). */
  readonly cliff: boolean;
  /** The overview shows the totals' ranges from their estimates (`e`). */
  readonly ranges: boolean;
  readonly scroll: number;
  /** The first line of the notes overlay shown (↑↓ while it is open). */
  readonly notesScroll: number;
  readonly saveRequested: boolean;
  /** The last key would have moved the knob past its end (it stayed there without a word: a TUI trial). */
  readonly atLimit: boolean;
  /**
   * A household id being typed after `/` in the households list (null: not finding); `find`: the id given with Enter,
   * for the app to look up (it then opens the household, pinned to the list where its filter leaves it out); `missed`:
   * an id that is no household's, said over the list. A caseworker could only scroll to a family: 600 of them.
   */
  readonly finding: string | null;
  readonly find: string | null;
  readonly missed: string | null;
  /** A household found by its id (its index in the population), listed first wherever the filter has it or not. */
  readonly pinned: number | null;
  /** q with knobs moved and not saved: said, and a second q quits (a TUI trial lost its knobs to one key). */
  readonly confirmQuit: boolean;
  readonly quit: boolean;
}

export interface Key {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

export interface Limits {
  readonly localities: number;
  readonly runs: number;
  /** Households in the current filter. */
  readonly households: number;
  /** Lines of the opened trace. */
  readonly traceLines: number;
  /** Lines a page holds (PgUp / PgDn): the trace's or the list's screenful. */
  readonly page?: number;
  /** How far the notes overlay scrolls: its lines less those it shows at once. */
  readonly notesScroll?: number;
  /** Knobs moved and not saved (`w`): q asks again. */
  readonly unsaved?: boolean;
}

export function initialState(initials: readonly (readonly number[])[], varies?: readonly (readonly boolean[])[]): State {
  return {
    view: 'overview',
    help: false,
    notes: false,
    locality: 0,
    run: 0,
    knob: 0,
    values: KNOBS.map(() => null),
    initials,
    ...(varies ? { varies } : {}),
    filter: 'changed',
    selected: 0,
    opened: null,
    cliff: false,
    ranges: false,
    scroll: 0,
    notesScroll: 0,
    saveRequested: false,
    atLimit: false,
    finding: null,
    find: null,
    missed: null,
    pinned: null,
    confirmQuit: false,
    quit: false,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function reduce(s: State, input: string, key: Key, lim: Limits): State {
  const next = { ...s, saveRequested: false, atLimit: false, confirmQuit: false, find: null };
  // An id being typed takes every key as text (q and the digits too) until Enter or Esc.
  if (s.finding !== null) {
    if (key.escape) return { ...next, finding: null };
    if (key.return) return { ...next, finding: null, find: s.finding.trim() === '' ? null : s.finding };
    if (key.backspace || key.delete) return { ...next, finding: s.finding.slice(0, -1) };
    // (printable text only: an arrow or a control key adds nothing)
    if (input && !key.ctrl && !key.meta && !moves(key) && !key.tab && !/\p{Cc}/u.test(input))
      return { ...next, finding: s.finding + input };
    return next;
  }
  // q quits; with knobs moved and not saved, a second q (Esc closes what is open, and no longer quits: a TUI trial's
  // Esc on the overview left with its knobs unsaved)
  if (input === 'q') return lim.unsaved && !s.confirmQuit ? { ...next, confirmQuit: true } : { ...next, quit: true };
  if (input === '?') return { ...next, help: !s.help, notes: false };
  if (input === 'n') return { ...next, notes: !s.notes, help: false, notesScroll: 0 };
  if (s.notes && moves(key))
    return { ...next, notesScroll: clamp(moved(s.notesScroll, key, lim.page ?? 1, lim.notesScroll ?? 0), 0, lim.notesScroll ?? 0) };
  if (s.help || s.notes) return key.escape ? { ...next, help: false, notes: false } : next;
  const n = Number(input);
  if (Number.isInteger(n) && n >= 1 && n <= VIEWS.length) return { ...next, view: VIEWS[n - 1]!, opened: null };
  if (key.tab) return { ...next, view: VIEWS[(VIEWS.indexOf(s.view) + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length]!, opened: null };
  if (input === 'l' && lim.localities > 1) return { ...next, locality: (s.locality + 1) % lim.localities, selected: 0, opened: null };
  if (input === 'L' && lim.localities > 1)
    return { ...next, locality: (s.locality + lim.localities - 1) % lim.localities, selected: 0, opened: null };
  switch (s.view) {
    case 'overview':
      if (input === 'e') return { ...next, ranges: !s.ranges };
      if (input === 's' && lim.runs > 0) return { ...next, run: (runAt(s, lim.runs) + 1) % lim.runs };
      return next;
    case 'charts':
    case 'localities':
    case 'rates':
      if (input === 's' && lim.runs > 0) return { ...next, run: (runAt(s, lim.runs) + 1) % lim.runs };
      return next;
    case 'knobs': {
      const k = KNOBS[s.knob]!;
      // A value every locality has already (all year) is no change (back to null); from null a step starts at the shown one's.
      const set = (v: number | null) => {
        const to = v === null ? null : clamp(v, k.min, k.max);
        const same = to !== null && s.initials.every((own, l) => own[s.knob] === to && !s.varies?.[l]?.[s.knob]);
        // (a knob moved: the knob run is compared, the last; `s` goes on from it — and with every knob back, there is
        // no knob run: the first run again, as R gives, not the last scenario)
        const values = s.values.map((x, i) => (i === s.knob ? (same ? null : to) : x));
        return { ...next, values, run: values.every((v) => v === null) ? 0 : -1, atLimit: v !== null && to !== v };
      };
      const at = knobValue(s, s.knob);
      if (key.upArrow) return { ...next, knob: (s.knob + KNOBS.length - 1) % KNOBS.length };
      if (key.downArrow) return { ...next, knob: (s.knob + 1) % KNOBS.length };
      if (key.rightArrow || input === '+' || input === '=') return set(at + k.step);
      if (key.leftArrow || input === '-') return set(at - k.step);
      if (input === 'r') return set(null);
      if (input === 'R') return { ...next, values: KNOBS.map(() => null), run: 0 };
      if (input === 'w') return { ...next, saveRequested: true };
      return next;
    }
    case 'households': {
      if (s.opened !== null) {
        if (key.escape || key.leftArrow) return { ...next, opened: null, scroll: 0 };
        if (input === 'c') return { ...next, cliff: !s.cliff, scroll: 0 };
        // (a page at a time, or to either end, as well as a line: a trace of ~350 lines took a caseworker 550 presses)
        const most = Math.max(0, lim.traceLines - 1);
        if (moves(key)) return { ...next, scroll: clamp(moved(s.scroll, key, lim.page ?? 1, most), 0, most) };
        return next;
      }
      if (input === '/') return { ...next, finding: '', missed: null };
      // (the "no household" line goes with the next key: it stayed over the list after Esc, PgDn and End, a TUI trial)
      if (s.missed !== null && (moves(key) || key.escape)) return reduce({ ...s, missed: null }, input, key, lim);
      if (input === 'f')
        return { ...next, filter: FILTERS[(FILTERS.indexOf(s.filter) + 1) % FILTERS.length]!, selected: 0, pinned: null, missed: null };
      // (the list may have shrunk under the selection since it moved: a knob changed who changes. It is the last row)
      const last = Math.max(0, lim.households - 1);
      const at = selectedIn(s, lim.households);
      if (moves(key)) return { ...next, selected: clamp(moved(at, key, lim.page ?? 1, last), 0, last) };
      if ((key.return || key.rightArrow) && lim.households > 0) return { ...next, selected: at, opened: at, cliff: false, scroll: 0 };
      return next;
    }
  }
}

/** Whether a key moves through a list or a text: ↑ ↓, PgUp PgDn, Home End. */
const moves = (k: Key) => Boolean(k.upArrow || k.downArrow || k.pageUp || k.pageDown || k.home || k.end);

/** Where such a key moves from `at`: a line, a page, or to the first (0) or the last (`last`). */
function moved(at: number, k: Key, page: number, last: number): number {
  if (k.home) return 0;
  if (k.end) return last;
  const step = k.pageUp || k.pageDown ? Math.max(1, page) : 1;
  return at + (k.downArrow || k.pageDown ? step : -step);
}

/** The run compared, of `runs`: the one picked with `s`, or the last (−1: the knob run once a knob moves). */
export const runAt = (s: Pick<State, 'run'>, runs: number): number =>
  s.run < 0 ? Math.max(0, runs - 1) : clamp(s.run, 0, Math.max(0, runs - 1));

/** The selected household's row in a list of `households` (a list that shrank under it: its last row). */
export const selectedIn = (s: Pick<State, 'selected'>, households: number): number => clamp(s.selected, 0, Math.max(0, households - 1));

/** A knob's value as the shown locality has it: the value set for all, else its own baseline. */
export function knobValue(s: Pick<State, 'values' | 'initials' | 'locality'>, knob: number): number {
  return s.values[knob] ?? s.initials[s.locality]![knob]!;
}

/** The footer: the keys that work in this view (w saves only in knobs, ⏎ opens only in households), 中文 or English. */
export function footerKeys(s: Pick<State, 'view' | 'opened'> & Partial<Pick<State, 'confirmQuit' | 'finding'>>, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  if (s.confirmQuit)
    return zh ? '参数调节未保存：q 再按一次退出 · 3 参数视图中 w 保存' : 'knobs not saved: q again quits · w in 3 knobs saves them';
  if (s.finding !== null && s.finding !== undefined)
    return zh ? `查找户编号：${s.finding}▏ · ⏎ 打开 · esc 取消` : `find household id: ${s.finding}▏ · ⏎ open · esc cancel`;
  const common = zh ? ['? 帮助', 'q 退出', '1-6 视图'] : ['? help', 'q quit', '1-6 views'];
  const here: Record<View, readonly string[]> = {
    overview: zh ? ['s 方案', 'e 区间'] : ['s run', 'e ranges'],
    charts: zh ? ['s 方案'] : ['s run'],
    localities: zh ? ['s 方案'] : ['s run'],
    rates: zh ? ['s 方案'] : ['s run'],
    knobs: zh ? ['↑↓ 参数', '←→ 调节', 'r/R 还原', 'w 保存'] : ['↑↓ knob', '←→ value', 'r/R reset', 'w save'],
    households:
      s.opened === null
        ? zh
          ? ['↑↓ 选择', '⏎ 解释', 'f 筛选', '/ 查找']
          : ['↑↓ select', '⏎ explain', 'f filter', '/ find']
        : zh
          ? ['c 悬崖', 'esc 返回']
          : ['c cliff', 'esc back'],
  };
  return [...common, ...here[s.view]].join(' · ');
}
