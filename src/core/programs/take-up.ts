// Take-up (DOMAIN "Take-up"). Steps 1–8 decide eligibility as if every household applied; take-up then decides what
// is received. A household takes group G up when take_up_draw < take_up.G (in millionths: draw < ⌈rate × 10⁶⌉); a
// household with on_dibao = 1 (or, in a budget year, paid dibao the period before: Ctx.registered) always takes the
// dibao group up (it receives it now), and the disability subsidies
// (jiuzhu's sixth group, take_up.disability: it stands for who may and does apply — Guangzhou's hukou half — and a
// household on the register holds local hukou and has applied; a rules audit found a Guangzhou dibao member of grade 1
// paid neither subsidy at a draw of 0.5, where DOMAIN step 10 gives the dibao group's disabled the living subsidy);
// and where rigid aid is dibao (rigid.aid_group dibao: Nanning's aid is dibao on income after rigid expenditure,
// 000（一）) a registered household paid it takes it up too: it is the dibao it receives (an auditor's Nanning household
// on the register, its aid the dibao it kept, received nothing at a draw of 0.95); gradual exit needs no take-up.
// A program not taken up contributes nothing to the household's row or to the totals; what it would have given is
// kept apart (declined*), for the eligible figures every output shows beside the received ones. Layers follow
// eligibility: the steps have run before, so a dibao-eligible household that does not take dibao up is still not
// low-income.
// 000（十九）（二十）: 应保尽保, active discovery — take-up 1 is every eligible household covered.
import { check } from '../trace.js';
import { GROUP_ZH, TAKE_UP_GROUPS } from '../parameters/groups.js';
import type { Ctx } from './context.js';
// The program table names each program's group; it is read when rules are compiled (after every module has loaded).
import { PROGRAMS, yearOf } from './index.js';
import { traceParams, type Params, type Step } from './step.js';

export const CLAUSES = ['000（十九）', '000（二十）'];

/** The take-up groups, in DOMAIN's order; a program's entry in the table names its group. */
export const GROUPS = TAKE_UP_GROUPS;
export type TakeUpGroup = (typeof GROUPS)[number];
/** A group's bit in Ctx.declined. */
export const GROUP_BIT: Readonly<Record<TakeUpGroup, number>> = Object.fromEntries(GROUPS.map((g, i) => [g, 1 << i])) as Record<
  TakeUpGroup,
  number
>;

export interface TakeUpRules {
  /** Per group: the draw (millionths) must be below this to take it up (10⁶: everyone). */
  readonly below: readonly number[];
  /** Every rate is 1: nothing to do. */
  readonly everyone: boolean;
  /** The lowest threshold: a draw under it takes every group up (draw 0, the default, always does). */
  readonly least: number;
  /** The rates as given, for explain. */
  readonly rates: readonly string[];
  /** Per program slot: its group's index, or -1 (no take-up: gradual exit). */
  readonly groupOf: readonly number[];
  readonly dibao: number;
  readonly disability: number;
  /** The rigid group's index, where rigid aid is dibao (rigid.aid_group dibao); else -1. */
  readonly aidAsDibao: number;
}

export const STEP: Step<TakeUpRules> = {
  id: 'take_up',
  number: '8.5', // after step 8, before 9 (DOMAIN gives take-up no number)
  reads: ['take_up.', 'rigid.aid_group'],
  // After every step that decides a program with a group (their results are what take-up keeps or declines).
  uses: ['tekun', 'dibao', 'dibao_supplement', 'single_person', 'rigid_aid', 'low_income', 'gradual_exit', 'temporary'],
  scope: 'household',
  compile: (p: Params) => {
    const rates = GROUPS.map((g) => p.dec(`take_up.${g}`));
    // ⌈rate × 10⁶⌉: for a whole number of millionths d, d < rate × 10⁶ ⇔ d < ⌈rate × 10⁶⌉.
    const below = rates.map((r) => r.times(1_000_000).ceil().toNumber());
    return {
      below,
      rates: rates.map((r) => r.toFixed()),
      everyone: below.every((b) => b >= 1_000_000),
      least: Math.min(...below),
      groupOf: PROGRAMS.map((prog) => (prog.group ? GROUPS.indexOf(prog.group) : -1)),
      dibao: GROUPS.indexOf('dibao'),
      disability: GROUPS.indexOf('disability'),
      aidAsDibao: p.str('rigid.aid_group') === 'dibao' ? GROUPS.indexOf('rigid') : -1,
    };
  },
  run: takeUp,
  // it keeps or declines only the programs earlier steps entered
  reach: () => 'follows',
};

export function takeUp(c: Ctx, r: TakeUpRules): void {
  c.declinedGroups = 0;
  if (r.everyone) return;
  const draw = c.pop.takeUpDraw[c.h]!;
  if (draw < r.least && !c.tr) return;
  let declined = 0;
  const registered = c.registered;
  for (let g = 0; g < r.below.length; g++) {
    if (draw >= r.below[g]! && !(registered && keeps(c, r, g))) declined |= 1 << g;
  }
  if (c.tr) trace(c, r, draw, declined);
  if (!declined) return;
  c.declinedGroups = declined;
  const { out } = c;
  const { present, flag, count, amount, months, tier } = out;
  let kept = 0;
  for (let j = 0; j < out.presentCount; j++) {
    const i = present[j]!;
    const g = r.groupOf[i]!;
    if (g < 0 || !(declined & (1 << g))) {
      present[kept++] = i;
      continue;
    }
    out.declined[out.declinedCount++] = i;
    out.declinedPersons[i] = count[i]!;
    out.declinedAnnual[i] = yearOf(i, amount[i]!, months[i]!);
    flag[i] = count[i] = amount[i] = months[i] = tier[i] = 0;
  }
  out.presentCount = kept;
}

/** A group a household on the register (on_dibao 1) takes up whatever its draw: what it receives now. */
const keeps = (c: Ctx, r: TakeUpRules, g: number): boolean => g === r.dibao || g === r.disability || (g === r.aidAsDibao && c.rigidAid);

function trace(c: Ctx, r: TakeUpRules, draw: number, declined: number): void {
  const onDibao = c.registered;
  c.tr!.record({
    step: 'take-up',
    program: 'take_up',
    clauses: CLAUSES,
    rule: 'a group is taken up when take_up_draw < take_up.<group> (on_dibao = 1: dibao and disability always, and rigid aid where it is dibao: rigid.aid_group); what is not taken up is not received',
    params: traceParams(STEP, c.area),
    values: [
      ['take_up_draw', (draw / 1_000_000).toFixed(6)],
      ['on_dibao', c.registered ? '1' : '0'],
    ],
    checks: GROUPS.map((g, i) =>
      onDibao && keeps(c, r, i)
        ? check(
            `takes up ${g}${i === r.aidAsDibao ? ' (its rigid aid is dibao: rigid.aid_group)' : ''}`,
            'on_dibao',
            '=',
            '1',
            true,
            `申请并认定${GROUP_ZH[g]}（现领低保）`,
          )
        : check(
            `takes up ${g}: take_up_draw < take_up.${g}`,
            (draw / 1_000_000).toFixed(6),
            '<',
            r.rates[i]!,
            !(declined & (1 << i)),
            `申请并认定${GROUP_ZH[g]}（take_up_draw < take_up.${g}）`,
          ),
    ),
    result: declined ? `does not take up ${GROUPS.filter((_, i) => declined & (1 << i)).join(', ')}` : 'takes up every group',
    zh: {
      rule: '某类别在 take_up_draw < take_up.<类别> 时视为申请并获认定（on_dibao = 1：低保及残疾人两项补贴始终认定，刚性支出救助按低保给予的亦然）；未申请认定的，不予享受',
      result: declined
        ? `未申请认定：${GROUPS.filter((_, i) => declined & (1 << i))
            .map((g) => GROUP_ZH[g])
            .join('、')}`
        : '各类别均申请并认定',
    },
  });
}
