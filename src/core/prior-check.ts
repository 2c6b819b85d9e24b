// A register's prior_dibao far beyond what dibao pays: the monthly dibao a household on dibao now receives (the base of
// its gradual exit, 003 §11) is at most what dibao and its supplement pay every member at no income under the rules —
// S (or the top band's amount) and the most a member's categories add (002 一). A caseworker supervisor typed 50,000
// (a year's amount, 12 times a month's) and read 150,000 of gradual exit without a word. Said beyond twice that (a
// register kept under another locality's or an older rule's standard is not flagged: the bundled sample's 1,480 for
// two rural persons under Nanning's 1,360), not refused: the figure is kept as given.
import type { DibaoRules } from './programs/dibao.js';
import type { SupplementRules } from './programs/dibao-supplement.js';
import type { Population } from './population.js';
import { stepRules, type Rules } from './rules.js';

/** The most dibao with its supplement one person can be paid a month under the rules, fen: urban [0], rural [1]. */
export function mostDibaoPerPerson(rules: Rules): [number, number] {
  const most = (area: number) => {
    const d = stepRules<DibaoRules>(rules, 'dibao', area);
    const s = stepRules<SupplementRules>(rules, 'dibao_supplement', area);
    const base = d.tiered ? Math.max(d.S, ...d.tiers.map((t) => t.perPerson)) : d.S;
    return base + Math.max(0, ...s.byMask);
  };
  return [most(0), most(1)];
}

/** Whether household h is on dibao now with a prior_dibao above twice `most` (mostDibaoPerPerson) for every member. */
export const priorAboveMost = (pop: Population, h: number, most: readonly [number, number]): boolean =>
  pop.onDibao[h] === 1 && pop.prior[h]! > 2 * most[pop.area[h]!]! * (pop.offsets[h + 1]! - pop.offsets[h]!);

/** The households of a population priorAboveMost under the rules. */
export function priorsAboveMost(pop: Population, rules: Rules): number {
  const most = mostDibaoPerPerson(rules);
  let n = 0;
  for (let h = 0; h < pop.householdCount; h++) if (priorAboveMost(pop, h, most)) n++;
  return n;
}
