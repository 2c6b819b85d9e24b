// The program table: every program of DOMAIN "Program ids", keyed by id, with its labels, its kind (how its amount
// is read and summed over a year), the step that decides it (a rule module's declared Step), what a test case may
// check and what the per-household CSV prints. Totals, the per-household CSV, JSON, case expectations, explain,
// compare and the TUI derive from this table; the steps the engine runs, in the order it runs them, and what each
// program's result depends on (for the estimate flags) derive from the steps' declarations.
import { FUNDING_LINES } from '../parameters/groups.js';
import * as dibao from './dibao.js';
import * as care from './disability-care.js';
import * as living from './disability-living.js';
import * as premium from './medical-premium.js';
import * as supplement from './dibao-supplement.js';
import * as gradual from './gradual-exit.js';
import * as low from './low-income.js';
import * as rest from './rest.js';
import * as rigid from './rigid.js';
import * as single from './single-person.js';
import { covers, type Step } from './step.js';
import * as tekun from './tekun.js';
import * as takeUp from './take-up.js';
import type { TakeUpGroup } from './take-up.js';
import * as temporary from './temporary.js';

/**
 * How a program's amount is read: `monthly` a month's amount (12 a year); `kept` a month's amount kept for `months`
 * months; `once` a one-off grant; `yearly` the year's amount; `caseload` no money (households and persons only).
 */
export type ProgramKind = 'monthly' | 'kept' | 'once' | 'yearly' | 'caseload';
/** The fields of a program's result (result.ts ProgramResult) a case or the per-household CSV reads. */
export type Field = 'amount' | 'persons' | 'flag' | 'months' | 'tier';

interface ProgramDef {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: ProgramKind;
  /** The step that decides it. */
  readonly step: Step<never>;
  readonly clauses: readonly string[];
  /** What a test case may check; the first is what a bare value means. */
  readonly fields: readonly Field[];
  /** Its columns in the per-household CSV, in order (named `<id>` for amount and flag, `<id>_<field>` otherwise). */
  readonly columns: readonly Field[];
  /** Names of its tier codes (0: none). */
  readonly tiers?: readonly string[];
  /** …and in Chinese (explain --lang zh). */
  readonly tiersZh?: readonly string[];
  /** The take-up group it is received through (DOMAIN "Take-up"); none: received whenever eligible. */
  readonly group?: TakeUpGroup;
  /** The budget line that pays for it (funding.<line>.central / .provincial; the city or county pays the rest). */
  readonly funding?: FundingLine;
}

/** The budget lines whose cost is split between the levels of government. */
export { FUNDING_LINES };
export type FundingLine = (typeof FUNDING_LINES)[number];

const step = <R>(s: Step<R>) => s as unknown as Step<never>;

/** In DOMAIN's order of "Program ids": the programs with money, then the caseloads. */
const TABLE = [
  {
    id: 'tekun',
    funding: 'assistance',
    group: 'tekun',
    zh: '特困',
    en: 'tekun',
    kind: 'monthly',
    step: step(tekun.STEP),
    clauses: tekun.CLAUSES,
    fields: ['amount', 'persons', 'flag'],
    columns: ['persons', 'amount'],
  },
  {
    id: 'dibao',
    funding: 'assistance',
    group: 'dibao',
    zh: '低保',
    en: 'dibao',
    kind: 'monthly',
    step: step(dibao.STEP),
    clauses: dibao.CLAUSES,
    fields: ['amount', 'persons', 'flag'],
    columns: ['persons', 'amount'],
  },
  {
    id: 'dibao_supplement',
    funding: 'assistance',
    group: 'dibao',
    zh: '分类施保',
    en: 'dibao supplement',
    kind: 'monthly',
    step: step(supplement.STEP),
    clauses: supplement.CLAUSES,
    fields: ['amount', 'persons'],
    columns: ['amount'],
  },
  {
    id: 'single_person',
    funding: 'assistance',
    group: 'dibao',
    zh: '单人户施保',
    en: 'single-person dibao',
    kind: 'monthly',
    step: step(single.STEP),
    clauses: single.CLAUSES,
    fields: ['amount', 'persons'],
    columns: ['persons', 'amount'],
  },
  {
    id: 'rigid_aid',
    funding: 'assistance',
    group: 'rigid',
    zh: '刚性支出救助',
    en: 'rigid-expenditure aid',
    kind: 'monthly',
    step: step(rigid.STEP),
    clauses: rigid.CLAUSES,
    fields: ['amount', 'flag'],
    columns: ['amount'],
  },
  {
    id: 'gradual_exit',
    funding: 'assistance',
    zh: '低保渐退',
    en: 'gradual exit',
    kind: 'kept',
    step: step(gradual.STEP),
    clauses: gradual.CLAUSES,
    fields: ['amount', 'months', 'flag'],
    columns: ['months', 'amount'],
  },
  {
    id: 'temporary',
    funding: 'assistance',
    group: 'temporary',
    zh: '临时救助',
    en: 'temporary assistance',
    kind: 'once',
    step: step(temporary.STEP),
    clauses: temporary.CLAUSES,
    fields: ['amount', 'tier'],
    columns: ['amount', 'tier'],
    tiers: temporary.TIERS,
    tiersZh: temporary.TIERS_ZH,
  },
  {
    id: 'medical_premium',
    funding: 'medical',
    zh: '资助参保',
    en: 'medical-insurance premium subsidy',
    kind: 'yearly',
    step: step(premium.STEP),
    clauses: premium.CLAUSES,
    fields: ['amount', 'persons', 'flag'],
    columns: ['persons', 'amount'],
  },
  {
    id: 'disability_living',
    group: 'disability',
    funding: 'disability',
    zh: '困难残疾人生活补贴',
    en: 'disability living subsidy',
    kind: 'monthly',
    step: step(living.STEP),
    clauses: living.CLAUSES,
    fields: ['amount', 'persons', 'flag'],
    columns: ['persons', 'amount'],
  },
  {
    id: 'disability_care',
    group: 'disability',
    funding: 'disability',
    zh: '重度残疾人护理补贴',
    en: 'severe-disability care subsidy',
    kind: 'monthly',
    step: step(care.STEP),
    clauses: care.CLAUSES,
    fields: ['amount', 'persons', 'flag'],
    columns: ['persons', 'amount'],
  },
  {
    id: 'low_income',
    group: 'low_income',
    zh: '低保边缘',
    en: 'low-income',
    kind: 'caseload',
    step: step(low.STEP),
    clauses: low.CLAUSES,
    fields: ['flag', 'persons'],
    columns: ['flag', 'persons'],
  },
  {
    id: 'rigid_family',
    group: 'rigid',
    zh: '刚性支出困难',
    en: 'rigid-expenditure family',
    kind: 'caseload',
    step: step(rigid.STEP),
    clauses: rigid.CLAUSES,
    fields: ['flag'],
    columns: ['flag'],
  },
] as const satisfies readonly ProgramDef[];

export type ProgramId = (typeof TABLE)[number]['id'];
export type ProgramInfo = ProgramDef & { readonly id: ProgramId };

/** The order of every output (but the per-household CSV's, which has its own: report/per-household.ts). */
export const PROGRAMS: readonly ProgramInfo[] = TABLE;
export const PROGRAM_IDS: readonly ProgramId[] = PROGRAMS.map((p) => p.id);
export const PROGRAM_BY_ID: ReadonlyMap<ProgramId, ProgramInfo> = new Map(PROGRAMS.map((p) => [p.id, p]));
/** Each program's slot: its index in PROGRAMS, where its result sits in a HouseholdResult's arrays. */
export const SLOT = Object.fromEntries(PROGRAMS.map((p, i) => [p.id, i])) as Readonly<Record<ProgramId, number>>;

/** How each program's year is made of its amount: times PER_YEAR, or (KEPT) times its months. */
const KEPT = Uint8Array.from(TABLE, (p) => (p.kind === 'kept' ? 1 : 0));
const PER_YEAR = Uint8Array.from(TABLE, (p) => ({ monthly: 12, kept: 0, once: 1, yearly: 1, caseload: 0 })[p.kind]);

/** The year's amount (fen) of the program in `slot`, from its amount and months, by its kind. */
export function yearOf(slot: number, amount: number, months: number): number {
  return amount * (KEPT[slot] ? months : PER_YEAR[slot]!);
}

/** A program with money (an annual cost), not a caseload. */
export const isCash = (p: ProgramInfo): boolean => p.kind !== 'caseload';

export function programLabel(p: ProgramInfo): string {
  return `${p.zh} ${p.en}`;
}

/** A layer (compare's, the marginal rates' by household) as its program is named; the last, none, in no program. */
export function layerLabel(layer: string): string {
  const p = PROGRAM_BY_ID.get(layer as ProgramId);
  return p ? programLabel(p) : '无 none';
}

/** A layer's 中文 name alone (a table's or a chart's columns, where eight full names are too wide). */
export const layerZh = (layer: string): string => PROGRAM_BY_ID.get(layer as ProgramId)?.zh ?? '无';

/**
 * A layer's English name cut short, for the same columns read in English (the rows name each in full, in the same
 * order): an English reader had the 中文 alone.
 */
export const layerShort = (layer: string): string =>
  (
    ({
      single_person: 'single',
      rigid_aid: 'rigid aid',
      gradual_exit: 'exit',
      low_income: 'low-inc.',
      rigid_family: 'rigid fam.',
    }) as Record<string, string>
  )[layer] ??
  PROGRAM_BY_ID.get(layer as ProgramId)?.en ??
  'none';

/**
 * Every step, in the order the engine runs them: after the steps each uses (a topological order), ties in DOMAIN's
 * step order, then the table's.
 */
export const STEPS: ReadonlyArray<Step<never>> = orderSteps(TABLE.map((p) => p.step));

function orderSteps(roots: ReadonlyArray<Step<never>>): Array<Step<never>> {
  const all = new Map<string, Step<never>>();
  const known = [step(tekun.STEP), step(rest.STEP), ...roots, step(takeUp.STEP)];
  for (const s of known) all.set(s.id, s);
  const done: Array<Step<never>> = [];
  const placed = new Set<string>();
  while (done.length < all.size) {
    const ready = [...all.values()].filter((s) => !placed.has(s.id) && s.uses.every((u) => placed.has(u)));
    if (!ready.length) throw new Error(`steps use each other in a circle: ${[...all.keys()].filter((k) => !placed.has(k)).join(', ')}`);
    const next = ready.sort((a, b) => Number(a.number) - Number(b.number))[0]!;
    done.push(next);
    placed.add(next.id);
  }
  for (const s of done) for (const u of s.uses) if (!all.has(u)) throw new Error(`step ${s.id} uses an unknown step ${u}`);
  return done;
}

const STEP_BY_ID = new Map(STEPS.map((s) => [s.id, s]));

/** A step and every step whose findings it uses, directly or not. */
export function stepsBehind(s: Step<never>): Array<Step<never>> {
  const out = new Map<string, Step<never>>();
  const visit = (x: Step<never>) => {
    if (out.has(x.id)) return;
    out.set(x.id, x);
    for (const u of x.uses) visit(STEP_BY_ID.get(u)!);
  };
  visit(s);
  return [...out.values()];
}

/** The parameters (paths or prefixes) a program's result depends on: what its step and the steps behind it read. */
export function dependsOn(p: ProgramInfo): string[] {
  return [...new Set(stepsBehind(p.step).flatMap((s) => s.reads))];
}

const DEPENDS = new Map(PROGRAMS.map((p) => [p.id, dependsOn(p)]));

/**
 * What decides the register a budget year carries into the next (year-exit.ts ExitCarry: who is on dibao, single-person
 * inclusion or rigid aid as dibao, and who leaves with which exit): the programs as taken up, so the take-up step and
 * every step behind it.
 */
const REGISTER_READS = [...new Set(stepsBehind(step(takeUp.STEP)).flatMap((s) => s.reads))];

/** Whether a parameter can change the register a budget year carries into the next. */
export function readsRegister(path: string): boolean {
  return REGISTER_READS.some((d) => covers(d, path));
}

export function dependsOnPath(p: ProgramInfo, path: string): boolean {
  return DEPENDS.get(p.id)!.some((d) => covers(d, path));
}

/** The column name of a program's field in the per-household CSV. */
export function columnName(p: ProgramInfo, f: Field): string {
  return f === 'amount' || f === 'flag' ? p.id : `${p.id}_${f}`;
}
