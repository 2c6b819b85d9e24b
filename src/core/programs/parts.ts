// The parts of a program's cost that the outputs give beside it, declared once: the premium subsidy (step 9) by the
// persons' group, and tekun's care (step 1: 照料护理费, beside its basic living — a budget line of its own: a tekun
// officer's trial split it by hand). A household's parts are written where its program is (HouseholdResult.partPersons,
// .partFen), added where it receives it (Totals.parts), and given in figures(): medical_premium.by_group, tekun.by_part.
import { PREMIUM_GROUPS } from '../parameters/groups.js';

export interface Part {
  readonly program: 'medical_premium' | 'tekun';
  readonly id: string;
}
export const PARTS: readonly Part[] = [
  ...PREMIUM_GROUPS.map((id): Part => ({ program: 'medical_premium', id })),
  { program: 'tekun', id: 'care' },
];
/** The premium groups' parts are the first, in PREMIUM_GROUPS' order; then tekun's care (persons cared for, their care). */
export const TEKUN_CARE = PREMIUM_GROUPS.length;
