// The group a person is in after take-up, for the special assistance of steps 9–11 (DOMAIN step 9): the first of
// `tekun` (a tekun person of a household that took tekun up); `dibao` (a member of R of a household receiving dibao,
// or a member included as single-person — or, where rigid.aid_group is dibao, of a household paid rigid aid: the aid
// is dibao given on income after rigid expenditure, Guangxi 000（一）); `low_income` (a person counted in
// low_income_persons); `rigid` (a member of R of a rigid-expenditure family); or none.
import type { Ctx } from './context.js';
import { check, type Check } from '../trace.js';
import type { Params } from './step.js';
import { GROUP_ZH, PREMIUM_GROUPS, TAKE_UP_GROUPS } from '../parameters/groups.js';
// The program table gives the slots; read when rules are compiled (after every module has loaded).
import { SLOT } from './index.js';

export const NO_GROUP = 0,
  TEKUN = 1,
  DIBAO = 2,
  LOW_INCOME = 3,
  RIGID = 4;
export const GROUP_NAMES = ['none', ...PREMIUM_GROUPS] as const; // (the codes above: their index here)
export type SpecialGroup = (typeof GROUP_NAMES)[number];

/**
 * The disability group's bit in Ctx.declinedGroups (take-up.ts GROUP_BIT): a household that did not take the two
 * disability subsidies up (take_up.disability) receives neither, whatever its members' groups.
 */
export const DISABILITY_TAKE_UP = 1 << TAKE_UP_GROUPS.indexOf('disability');

/** take_up.disability as steps 10 and 11 read it: 1 (every household takes the subsidies up), and as given. */
export interface DisabilityTakeUp {
  readonly everyone: boolean;
  readonly rate: string;
}
export function disabilityTakeUp(p: Params): DisabilityTakeUp {
  const rate = p.dec('take_up.disability');
  return { everyone: rate.gte(1), rate: rate.toFixed() };
}

/** Whether the household in c takes the disability subsidies up. */
export const takesDisability = (c: Ctx, t: DisabilityTakeUp): boolean => t.everyone || (c.declinedGroups & DISABILITY_TAKE_UP) === 0;

/**
 * Steps 10 and 11 say, in a trace, that the household of a person who qualifies did not take the subsidies up: its
 * draw beside the rate (it read "not taken up = taken up → no", and in English inside the Chinese: a budget trial).
 */
export function declinedDisability(c: Ctx, rate: string): Check {
  return check(
    'its household takes the disability subsidies up: take_up_draw < take_up.disability',
    (c.pop.takeUpDraw[c.h]! / 1_000_000).toFixed(6),
    '<',
    rate,
    false,
    '家庭申请（认定）残疾人两项补贴：take_up_draw < take_up.disability',
  );
}

/** A check of a person's group as explain --lang zh says it: 低保边缘 ∈ {低保、低保边缘} (it said low_income ∈ {dibao}). */
export const groupSidesZh = (group: string, of: readonly string[]): string => `${zhGroup(group)} ∈ {${of.map(zhGroup).join('、')}}`;
const zhGroup = (g: string) => GROUP_ZH[g as keyof typeof GROUP_ZH] ?? g;

/** The slots a person's group is read from. */
export interface GroupSlots {
  readonly tekun: number;
  readonly dibao: number;
  readonly single: number;
  readonly low: number;
  readonly rigid: number;
  /** rigid_aid, and the dibao group's bit (2) where a household paid it is a dibao household here (rigid.aid_group), else 0. */
  readonly aid: number;
  readonly aidBit: number;
}

/** The parameters the groups read (each step of 9–11 declares them). */
export const GROUP_READS = ['rigid.aid_group'] as const;

export const groupSlots = (p: Params): GroupSlots => ({
  tekun: SLOT.tekun,
  dibao: SLOT.dibao,
  single: SLOT.single_person,
  low: SLOT.low_income,
  rigid: SLOT.rigid_family,
  aid: SLOT.rigid_aid,
  aidBit: p.str('rigid.aid_group') === 'dibao' ? 2 : 0,
});

/**
 * The household's groups after take-up — or, `eligible`, had it taken up every group it is eligible for (for the
 * eligible figures beside the received ones) — as bits, read once per household: 1 tekun, 2 dibao, 4 single-person,
 * 8 low-income, 16 rigid.
 */
export function groupFlags(c: Ctx, s: GroupSlots, eligible = false): number {
  const { flag } = c.out;
  let bits =
    (flag[s.tekun] === 1 ? 1 : 0) |
    (flag[s.dibao] === 1 ? 2 : 0) |
    (flag[s.single] === 1 ? 4 : 0) |
    (flag[s.low] === 1 ? 8 : 0) |
    (flag[s.rigid] === 1 ? 16 : 0) |
    (flag[s.aid] === 1 ? s.aidBit : 0);
  if (eligible && c.declinedGroups !== 0) {
    const { declined, declinedCount } = c.out;
    for (let j = 0; j < declinedCount; j++) {
      const slot = declined[j];
      bits |= slot === s.tekun ? 1 : slot === s.dibao ? 2 : slot === s.single ? 4 : slot === s.low ? 8 : slot === s.rigid ? 16 : 0;
      if (slot === s.aid) bits |= s.aidBit;
    }
  }
  return bits;
}

/** Whether the household in c is in the dibao group by its rigid aid alone (rigid.aid_group dibao): explain says so. */
export function dibaoByAid(c: Ctx, s: GroupSlots): boolean {
  const { flag } = c.out;
  return s.aidBit !== 0 && flag[s.aid] === 1 && flag[s.dibao] !== 1;
}

/** The group of the member at position i (k − c.start) of the household in c, given its groupFlags. */
export function groupOf(c: Ctx, i: number, flags: number): number {
  if (c.tekun[i]) return flags & 1 ? TEKUN : NO_GROUP;
  const single = c.single[i] === 1;
  if (flags & 2 || (single && flags & 4)) return DIBAO;
  if (flags & 8 && !single) return LOW_INCOME;
  if (flags & 16) return RIGID;
  return NO_GROUP;
}

/**
 * Records what a special-assistance program would add had the household taken up every group (persons and the year,
 * fen) beside what it receives: the eligible figures count it, the received ones do not.
 */
export function declineExtra(c: Ctx, slot: number, persons: number, year: number): void {
  if (persons <= 0 && year <= 0) return;
  const { out } = c;
  out.declined[out.declinedCount++] = slot;
  out.declinedPersons[slot] = persons;
  out.declinedAnnual[slot] = year;
}
