// Step 3 (supplement) — 类别化、差异化救助: classified supplement for members of a dibao household.
// 002 一: 对低保对象中的重病患者、重度残疾人、老年人、未成年人实行类别化、差异化救助。
//   实行差额救助的按照当地城乡低保标准的10%-30%比例增发救助金。
// Each member in a category gets round(rate × S) a month; rates of several categories combine by `stacking`.
import { fenToYuan as y } from '../money.js';
import { CAT_ELDERLY, CAT_ILL, CAT_MINOR, CAT_SEVERE } from '../rules.js';
import { isSevere, type Ctx } from './context.js';

export const CLAUSES = ['002 一', '000（二）'];

/** The member's supplement categories as a mask (see rules.ts). */
export function categoryMask(c: Ctx, p: number): number {
  const { pop, rules } = c;
  const age = pop.age[p]!;
  return (
    (isSevere(pop, p) ? CAT_SEVERE : 0) |
    (pop.ill[p] ? CAT_ILL : 0) |
    (age >= rules.supplementElderlyAge ? CAT_ELDERLY : 0) |
    (age < rules.minorAge ? CAT_MINOR : 0)
  );
}

/** Adds the supplement of member p (a member of R in dibao, or a single-person entrant). */
export function supplementFor(c: Ctx, p: number): number {
  const mask = categoryMask(c, p);
  const amount = c.A.supplementByMask[mask]!;
  if (amount > 0) {
    c.out.dibaoSupplement += amount;
    c.out.supplementPersons++;
  }
  if (c.tr && mask) trace(c, p, mask, amount);
  return amount;
}

/** Step 3 supplement for every member of R in a dibao household. */
export function dibaoSupplement(c: Ctx): void {
  if (!c.isDibao) return;
  for (let k = c.start; k < c.end; k++) {
    if (!c.tekun[k - c.start]) supplementFor(c, c.pop.members[k]!);
  }
}

/** A member's supplement (step 3), with the values used (explain); apart, so that supplementFor stays small enough to inline. */
function trace(c: Ctx, p: number, mask: number, amount: number): void {
  const names = [
    [CAT_SEVERE, 'severe_disability'],
    [CAT_ILL, 'serious_illness'],
    [CAT_ELDERLY, 'elderly'],
    [CAT_MINOR, 'minor'],
  ] as const;
  const cats = names.filter(([bit]) => mask & bit).map(([, name]) => name);
  c.tr!.record({
    step: '3',
    program: 'dibao_supplement',
    person: c.pop.personIds.at(p),
    clauses: CLAUSES,
    rule: 'each member in a category gets round(rate × S) a month; rates combined by stacking (max or sum)',
    params: [
      ...cats.map((k) => `dibao.supplement.${k}`),
      'dibao.supplement.stacking',
      'dibao.supplement.elderly_age',
      'tekun.minor_age',
      `dibao.standard.${c.A.area}`,
      'rounding',
    ],
    values: [
      ['categories', cats.join(' + ')],
      ['age', String(c.pop.age[p])],
      ['S', y(c.A.S)],
    ],
    checks: [],
    result: `supplement ${y(amount)} per month`,
  });
}
