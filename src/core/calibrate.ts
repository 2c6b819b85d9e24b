// What a generated population yields under the baseline, set against the published figures of its profile:
// dibao recipients per person (urban, rural), tekun persons per person, the average dibao benefit.
import { ExactSum } from './aggregate.js';
import { evaluateRange } from './engine.js';
import { D } from './money.js';
import type { Population } from './population.js';
import { num, type Profile } from './profile.js';
import { SLOT } from './programs/index.js';
import type { Rules } from './rules.js';

export interface CalibrationRow {
  readonly measure: string;
  readonly generated: string;
  /** The published figure, or null where the profile has none. */
  readonly published: string | null;
  /** generated / published − 1, as a percent with one decimal; null without a published figure. */
  readonly gap: string | null;
  readonly within: boolean | null;
  /** Key of the profile value the published figure comes from. */
  readonly target?: string;
}

export function calibrate(pop: Population, rules: Rules, profile: Profile): CalibrationRow[] {
  const sums = [0, 1].map(() => ({ persons: new ExactSum(), recipients: new ExactSum(), benefit: new ExactSum(), tekun: new ExactSum() }));
  evaluateRange(pop, rules, 0, pop.householdCount, (h, r) => {
    const w = pop.weight[h]!;
    const s = sums[pop.area[h]!]!;
    s.persons.addProduct(w, r.persons);
    s.recipients.addProduct(w, r.count[SLOT.dibao]! + r.count[SLOT.single_person]!);
    s.benefit.addProduct(w, r.amount[SLOT.dibao]! + r.amount[SLOT.dibao_supplement]! + r.amount[SLOT.single_person]!);
    s.tekun.addProduct(w, r.count[SLOT.tekun]!);
  });
  const tolerance = num(profile, 'target.tolerance');
  const ratio = (a: bigint, b: bigint) => (b === 0n ? D(0) : D(a.toString()).dividedBy(b.toString()));
  const row = (measure: string, generated: ReturnType<typeof D>, target: string | null, digits: number, scale = 1): CalibrationRow => {
    const publishedValue = target && profile.values.has(target) ? D(num(profile, target)) : null;
    const gap = publishedValue && !publishedValue.isZero() ? generated.dividedBy(publishedValue).minus(1) : null;
    return {
      measure,
      generated: generated.times(scale).toFixed(digits),
      published: publishedValue ? publishedValue.times(scale).toFixed(digits) : null,
      gap: gap ? gap.times(100).toFixed(1) : null,
      within: gap ? gap.abs().lte(tolerance) : null,
      target: target ?? undefined,
    };
  };
  const [u, r] = sums as [(typeof sums)[0], (typeof sums)[0]];
  const all = (k: 'persons' | 'tekun') => u[k].value() + r[k].value();
  const benefit = (s: (typeof sums)[0]) => ratio(s.benefit.value(), s.recipients.value()).dividedBy(100);
  return [
    row('dibao recipients per 100 persons, urban', ratio(u.recipients.value(), u.persons.value()), 'target.dibao_rate.urban', 2, 100),
    row('dibao recipients per 100 persons, rural', ratio(r.recipients.value(), r.persons.value()), 'target.dibao_rate.rural', 2, 100),
    row('tekun persons per 100 persons', ratio(all('tekun'), all('persons')), 'target.tekun_rate', 3, 100),
    row('average dibao benefit a recipient a month, urban (yuan)', benefit(u), 'target.average_benefit.urban', 0),
    row('average dibao benefit a recipient a month, rural (yuan)', benefit(r), 'target.average_benefit.rural', 0),
    row('weighted persons (population grossed up to)', D(all('persons').toString()).dividedBy(1e6), 'population.persons', 0),
  ];
}
