// The group a person is in after take-up, for the special assistance of steps 9–11 (DOMAIN step 9): the first of
// `tekun` (a tekun person of a household that took tekun up); `dibao` (a member of R of a household receiving dibao,
// or a member included as single-person); `low_income` (a person counted in low_income_persons); `rigid` (a member of
// R of a rigid-expenditure family); or none.
import type { Ctx } from './context.js';
// The program table gives the slots; read when rules are compiled (after every module has loaded).
import { SLOT } from './index.js';

export const NO_GROUP = 0,
  TEKUN = 1,
  DIBAO = 2,
  LOW_INCOME = 3,
  RIGID = 4;
export const GROUP_NAMES = ['none', 'tekun', 'dibao', 'low_income', 'rigid'] as const;
export type SpecialGroup = (typeof GROUP_NAMES)[number];

/** The slots a person's group is read from. */
export interface GroupSlots {
  readonly tekun: number;
  readonly dibao: number;
  readonly single: number;
  readonly low: number;
  readonly rigid: number;
}

export const groupSlots = (): GroupSlots => ({
  tekun: SLOT.tekun,
  dibao: SLOT.dibao,
  single: SLOT.single_person,
  low: SLOT.low_income,
  rigid: SLOT.rigid_family,
});

/**
 * The group of the member at position i (k − c.start) of the household in c, after take-up — or, `eligible`, had the
 * household taken up every group it is eligible for (for the eligible figures beside the received ones).
 */
export function groupOf(c: Ctx, i: number, s: GroupSlots, eligible = false): number {
  const { flag } = c.out;
  const has =
    eligible && c.declinedGroups !== 0 ? (slot: number) => flag[slot] === 1 || wasDeclined(c, slot) : (slot: number) => flag[slot] === 1;
  if (c.tekun[i]) return has(s.tekun) ? TEKUN : NO_GROUP;
  const single = c.single[i] === 1;
  if (has(s.dibao) || (single && has(s.single))) return DIBAO;
  if (has(s.low) && !single) return LOW_INCOME;
  if (has(s.rigid)) return RIGID;
  return NO_GROUP;
}

function wasDeclined(c: Ctx, slot: number): boolean {
  const { declined, declinedCount } = c.out;
  for (let j = 0; j < declinedCount; j++) if (declined[j] === slot) return true;
  return false;
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
