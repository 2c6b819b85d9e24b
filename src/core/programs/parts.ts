// The parts of a program's cost that the outputs give beside it, declared once: the premium subsidy (step 9) by the
// persons' group; tekun's care (step 1: 照料护理费, beside its basic living — a budget line of its own: a tekun
// officer's trial split it by hand); temporary assistance by who approves it (step 8: a township's grants are paid
// from its reserve, 乡镇临时救助备用金, budgeted apart). A household's parts are written where its program is
// (HouseholdResult.partPersons, .partFen), added where it receives it (Totals.parts), and given in figures():
// medical_premium.by_group, tekun.by_part, temporary.by_tier (PART_KEYS).
import { PREMIUM_GROUPS } from '../parameters/groups.js';

/** Temporary assistance's approval tiers, by code less one (000（六）: up to 0.5 × 12 S, up to 2 ×, beyond). */
export const TEMPORARY_TIERS = ['township', 'county', 'coordination'] as const;

export interface Part {
  readonly program: 'medical_premium' | 'tekun' | 'temporary';
  readonly id: string;
}
export const PARTS: readonly Part[] = [
  ...PREMIUM_GROUPS.map((id): Part => ({ program: 'medical_premium', id })),
  { program: 'tekun', id: 'care' },
  ...TEMPORARY_TIERS.map((id): Part => ({ program: 'temporary', id })),
];
/** The premium groups' parts are the first, in PREMIUM_GROUPS' order; then tekun's care (persons cared for, their care). */
export const TEKUN_CARE = PREMIUM_GROUPS.length;
/** Then the temporary grants by tier: tier t (1–3) at TEMPORARY_TIER + t − 1 (households and persons aided, grants). */
export const TEMPORARY_TIER = TEKUN_CARE + 1;

/** Where figures() gives a program's parts, by program. */
export const PART_KEYS = { medical_premium: 'by_group', tekun: 'by_part', temporary: 'by_tier' } as const;
