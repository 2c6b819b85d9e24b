// The TUI's live knobs: each changes one reform lever. Values are whole numbers of the knob's unit (so steps
// never drift: 1.30 is 130 hundredths). Changed knobs become a scenario written as YAML — the same text the
// TUI saves to scenarios/ and parses back, so what is shown, applied and saved cannot differ.
import { dec, type Snapshot } from '../core/parameters/tree.js';

export interface Knob {
  readonly id: string;
  readonly en: string;
  readonly zh: string;
  /** Value = units × 10^-decimals. */
  readonly decimals: number;
  readonly step: number;
  readonly min: number;
  readonly max: number;
  readonly suffix: string;
  /** The value in force under the baseline (in units). */
  initial(s: Snapshot): number;
  /** The scenario changes for a value, as YAML lines under `changes:`. */
  changes(value: number): string[];
}

const units = (s: Snapshot, path: string, decimals: number) =>
  dec(s, path)
    .times(10 ** decimals)
    .round()
    .toNumber();
const text = (value: number, decimals: number) => (value / 10 ** decimals).toFixed(decimals).replace(/\.?0+$/, '') || '0';

const set = (
  id: string,
  en: string,
  zh: string,
  path: string,
  decimals: number,
  step: number,
  min: number,
  max: number,
  suffix = '',
): Knob => ({
  id,
  en,
  zh,
  decimals,
  step,
  min,
  max,
  suffix,
  initial: (s) => units(s, path, decimals),
  changes: (v) => [`  ${path}: {set: ${text(v, decimals)}}`],
});

export const KNOBS: readonly Knob[] = [
  set('tekun-basic', 'tekun basic standard', '特困基本生活标准', 'tekun.basic.multiplier', 2, 10, 100, 300, '× S'),
  set(
    'tekun-care',
    'tekun full-care share (self_care none)',
    '全护理照料标准（完全失能）',
    'tekun.care.min_wage_share.none',
    2,
    5,
    0,
    100,
    '× W',
  ),
  set('low-income', 'low-income line', '低保边缘标准', 'low_income.multiplier', 2, 10, 100, 300, '× S'),
  {
    id: 'standard',
    en: 'dibao standard',
    zh: '低保标准',
    decimals: 0,
    step: 5,
    min: -50,
    max: 100,
    suffix: '%',
    initial: () => 0,
    changes: (v) => [`  dibao.standard.urban: {scale: ${text(100 + v, 2)}}`, `  dibao.standard.rural: {scale: ${text(100 + v, 2)}}`],
  },
  set('single-person', 'single-person ceiling', '单人户收入上限', 'single_person.income_ceiling', 2, 10, 100, 300, '× S'),
  set('minor-age', 'tekun minor age', '特困未成年人年龄', 'tekun.minor_age', 0, 1, 14, 22, ''),
  // (take-up moves a budget as much as a standard does — Guangzhou's dibao 0.25 — and a trial asked for it; a file
  // without take_up_draw takes up everything eligible, so it moves nothing there but at 0)
  set('dibao-take-up', 'dibao take-up', '低保申领率', 'take_up.dibao', 2, 5, 0, 100, ''),
];

/** A knob's baseline value from a day on (a budget year's period's first day). */
export interface KnobStep {
  readonly from: string;
  readonly value: number;
}

/**
 * A knob's baseline over a budget year where it changes within it (each period's value from its first day, equal ones
 * together), else null: one value all year. Moved, the knob sets one value for the whole year — the year-end value too
 * is a change for the months before (a finance trial's "2 × S (baseline)" was 1.5 × S until November, and the knob set
 * at 2 read as no change while the saved scenario's 2 for the year added 20,993 low-income households).
 */
export function knobYear(k: Knob, periods: ReadonlyArray<{ readonly from: string; readonly snapshot: Snapshot }>): KnobStep[] | null {
  const steps: KnobStep[] = [];
  for (const p of periods) {
    const value = k.initial(p.snapshot);
    if (steps.at(-1)?.value !== value) steps.push({ from: p.from, value });
  }
  return steps.length > 1 ? steps : null;
}

/** A knob's baseline over the year, short (`1.5→2 × S`), or in words (`1.5 × S, 2 × S from 11-01`; `11-01 起 2 × S`). */
export function knobYearText(k: Knob, steps: readonly KnobStep[], how: 'short' | 'en' | 'zh'): string {
  if (how === 'short') return steps.map((s, i) => (i < steps.length - 1 ? text(s.value, k.decimals) : knobText(k, s.value))).join('→');
  const from = (s: KnobStep) =>
    how === 'zh' ? `${s.from.slice(5)} 起 ${knobText(k, s.value)}` : `${knobText(k, s.value)} from ${s.from.slice(5)}`;
  return steps.map((s, i) => (i === 0 ? knobText(k, s.value) : from(s))).join(how === 'zh' ? '，' : ', ');
}

export function knobText(k: Knob, value: number): string {
  if (k.id === 'standard') return `${value > 0 ? '+' : ''}${value}%`;
  return `${text(value, k.decimals)}${k.suffix ? ` ${k.suffix}` : ''}`;
}

/**
 * The scenario YAML for the knobs set (null: not moved), or null when none is. `date` is the simulation's, `today` the
 * day it is written.
 */
export function knobScenarioYaml(values: readonly (number | null)[], id: string, made: { date: string; today: string }): string | null {
  const moved = KNOBS.flatMap((k, i) => (values[i] === null || values[i] === undefined ? [] : [[k, values[i]] as const]));
  if (!moved.length) return null;
  const what = moved.map(([k, v]) => `${k.en} ${knobText(k, v)}`).join(', ');
  // (the 中文 title says what changed, as the English does: it said only 交互调整方案, a county officer's trial)
  const zh = moved.map(([k, v]) => `${k.zh} ${knobText(k, v)}`).join('，');
  return [
    `scenario: ${id}`,
    `title: {zh: "交互调整：${zh.replace(/"/g, "'")}", en: "Adjusted in jiuzhu tui: ${what.replace(/"/g, "'")}"}`,
    `description: Set with the live knobs of jiuzhu tui on ${made.today}, simulating ${made.date}.`,
    `reason: an interactive what-if (jiuzhu tui); give the clause or reason before using it in a budget`,
    'changes:',
    ...moved.flatMap(([k, v]) => k.changes(v)),
    '',
  ].join('\n');
}
