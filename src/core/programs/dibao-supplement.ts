// Step 3 (supplement) — 类别化、差异化救助: classified supplement for members of a dibao household, and for members
// included as single-person households (step 5), who are dibao recipients too.
// 002 一: 对低保对象中的重病患者、重度残疾人、老年人、未成年人实行类别化、差异化救助。
//   实行差额救助的按照当地城乡低保标准的10%-30%比例增发救助金，实行分档救助的根据救助家庭实际调高救助档次 — so under
//   `tiered` a dibao household gets no percentage but a band higher (dibao.ts); a member included alone still gets it.
// Each member in a category gets round(rate × S) a month; rates of several categories combine by `stacking`, then
// the combined rate is rounded once.
import { D, fenToYuan as y, roundTimes, toRatio } from '../money.js';
import { enter, isSevere, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';

export const CLAUSES = ['002 一', '000（二）'];

/** Supplement categories as bits of a mask, with their rate parameters. */
const CATEGORIES = [
  [1, 'severe_disability'],
  [2, 'serious_illness'],
  [4, 'elderly'],
  [8, 'minor'],
] as const;
const [SEVERE, ILL, ELDERLY, MINOR] = CATEGORIES.map(([bit]) => bit);

export interface SupplementRules {
  readonly elderlyAge: number;
  readonly minorAge: number;
  /** round(combined rate × S) by category mask (0..15), fen a month. */
  readonly byMask: readonly number[];
  /** S (explain shows it). */
  readonly S: number;
  /** `tiered`: a dibao household is raised a band instead (002 一, dibao.ts); members included alone still get it. */
  readonly tiered: boolean;
  readonly slot: number;
}

export const STEP: Step<SupplementRules> = {
  id: 'dibao_supplement',
  number: '3',
  reads: ['dibao.supplement.', 'tekun.minor_age', 'dibao.standard.', 'dibao.payment.mode', 'rounding'],
  uses: ['dibao', 'single_person'],
  scope: 'rest',
  compile: (p: Params) => {
    const rounding = p.rounding();
    const sum = p.str('dibao.supplement.stacking') === 'sum';
    const rates = CATEGORIES.map(([, name]) => p.dec(`dibao.supplement.${name}`));
    const S = p.fen(p.here('dibao.standard.'));
    // 002 一: each category's rate as a share of S, combined by `stacking` (max or sum), then rounded once.
    const byMask = Array.from({ length: 16 }, (_, mask) => {
      let rate = D(0);
      CATEGORIES.forEach(([bit], i) => {
        if (mask & bit) rate = sum ? rate.plus(rates[i]!) : D.max(rate, rates[i]!);
      });
      return roundTimes(toRatio(rate), S, rounding);
    });
    return {
      elderlyAge: p.int('dibao.supplement.elderly_age'),
      minorAge: p.int('tekun.minor_age'),
      byMask,
      S,
      tiered: p.str('dibao.payment.mode') === 'tiered',
      slot: p.slot('dibao_supplement'),
    };
  },
  run: dibaoSupplement,
  // only for a dibao household or a member included alone (steps 3 and 5)
  reach: () => 'follows',
};

/** The member's supplement categories as a mask. */
function categoryMask(c: Ctx, r: SupplementRules, p: number): number {
  const { pop } = c;
  const age = pop.age[p]!;
  return (isSevere(pop, p) ? SEVERE : 0) | (pop.ill[p] ? ILL : 0) | (age >= r.elderlyAge ? ELDERLY : 0) | (age < r.minorAge ? MINOR : 0);
}

/** Step 3 supplement for every member of R in a dibao household, or every member included as a single person. */
export function dibaoSupplement(c: Ctx, r: SupplementRules): void {
  if (!c.isDibao && c.singles === 0) return;
  if (c.isDibao && r.tiered) return; // (002 一: 分档 raises the band instead — dibao.ts)
  for (let k = c.start; k < c.end; k++) {
    const i = k - c.start;
    if (c.isDibao ? !c.tekun[i] : c.single[i]) supplementFor(c, r, c.pop.members[k]!);
  }
}

/** Adds the supplement of member p. */
function supplementFor(c: Ctx, r: SupplementRules, p: number): void {
  const mask = categoryMask(c, r, p);
  const amount = r.byMask[mask]!;
  if (amount > 0) {
    const { out } = c;
    enter(out, r.slot);
    out.amount[r.slot]! += amount;
    out.count[r.slot]!++;
  }
  if (c.tr && mask) trace(c, r, p, mask, amount);
}

/** A member's supplement, with the values used (explain); apart, so that supplementFor stays small enough to inline. */
function trace(c: Ctx, r: SupplementRules, p: number, mask: number, amount: number): void {
  const cats = CATEGORIES.filter(([bit]) => mask & bit).map(([, name]) => name);
  c.tr!.record({
    // (a member included alone draws it after step 5, and is traced there: an analyst read "step 3" after step 5)
    step: c.isDibao ? '3' : '5',
    program: 'dibao_supplement',
    person: c.pop.personIds.at(p),
    clauses: CLAUSES,
    rule: 'each member in a category gets round(rate × S) a month; rates combined by stacking (max or sum)',
    params: traceParams(STEP, c.area, { pick: { 'dibao.supplement.': [...cats, 'stacking', 'elderly_age'] } }),
    values: [
      ['categories', cats.join(' + ')],
      ['age', String(c.pop.age[p])],
      ['S', y(r.S)],
    ],
    checks: [],
    result: `supplement ${y(amount)} per month`,
    zh: {
      rule: '属分类施保类别的成员每月 round(比例 × S)；多类并存按 stacking 合并（max 取高，sum 相加）',
      result: `分类施保：每月 ${y(amount)} 元`,
    },
  });
}
