// A locality's population profile: what `generate` draws synthetic households from, and the published figures
// `generate --report` sets the generated population against. Every value names its source or is an estimate; every
// target says how far the generated figure may be from it (its tolerance, else target.tolerance).
import { AREAS, type Area } from './columns.js';
import type { Problem, Where } from '../errors.js';
import { D } from './money.js';

export type ProfileKind = 'count' | 'share' | 'positive' | 'distribution' | 'money' | 'quintiles';

export interface ProfileSpec {
  readonly key: string;
  readonly kind: ProfileKind;
  readonly en: string;
  readonly optional?: boolean;
  /** Where the value has a sense beyond its kind: above `above`, at most `max`, and why (generate refuses the rest). */
  readonly bounds?: { readonly above?: number; readonly max?: number; readonly why: string };
}

const area = (key: string, kind: ProfileKind, en: string, optional?: boolean, bounds?: ProfileSpec['bounds']): ProfileSpec[] => [
  { key: `${key}.urban`, kind, en: `${en}, urban`, optional, bounds },
  { key: `${key}.rural`, kind, en: `${en}, rural`, optional, bounds },
];

/** What the generator draws from. */
const DRAWS: readonly ProfileSpec[] = [
  { key: 'population.persons', kind: 'count', en: 'resident population the sample grosses up to' },
  { key: 'population.urban_share', kind: 'share', en: 'share of persons living in urban areas' },
  ...area('household_size', 'distribution', 'shares of households of 1, 2, … 6 persons'),
  ...area('composition.single_elderly', 'share', 'share of one-person households that are a person 60 or over'),
  ...area('composition.couple_elderly', 'share', 'share of two-person households that are an elderly couple'),
  ...area('composition.with_elderly', 'share', 'share of households of three or more with elderly members'),
  ...area('composition.grown_child', 'share', 'share of households with room for a child that keep a grown child (18 or over) instead'),
  { key: 'age.over80_share', kind: 'share', en: 'share of the elderly who are 80 and over' },
  ...area('income.disposable', 'money', 'per-capita disposable income, yuan a year', false, {
    above: 0,
    why: 'every income is drawn as a multiple of it',
  }),
  ...area('income.sigma', 'positive', 'dispersion (log sd) of the log-normal body of per-capita household income', false, {
    max: 3,
    why: "published fifths fit 0.4–1.0; at 3 the top 1 % of households has over 1000 × the median's income",
  }),
  // (optional: a two-piece log-normal, its top half spread apart from its bottom half, where the bottom's spread is set
  // by the caseloads under the dibao line and the top's would be too narrow with it)
  ...area('income.upper_sigma', 'positive', 'dispersion (log sd) of the body above its median (absent: income.sigma)', true, {
    max: 3,
    why: "published fifths fit 0.4–1.0; at 3 the top 1 % of households has over 1000 × the median's income",
  }),
  ...area('income.upper_from', 'share', 'share of the body below where income.upper_sigma takes over (absent: 0.5, its median)', true),
  ...area('income.low_share', 'share', 'share of households in the low component (per-capita income uniform from 0 to low_top × the mean)'),
  ...area('income.low_top', 'positive', 'top of the low component, as a multiple of the mean', false, {
    max: 1,
    why: 'the low component is the households with little or nothing to count, below the mean',
  }),
  {
    key: 'income.disability_link',
    kind: 'positive',
    en: 'how far down the income ranks a disabled or seriously ill member moves a household',
  },
  {
    key: 'income.earning_link',
    kind: 'positive',
    en: 'noise between earning capacity and income rank (lower: income follows who can earn)',
  },
  { key: 'disability.adult', kind: 'share', en: 'disability prevalence among adults under 60' },
  { key: 'disability.elderly', kind: 'share', en: 'disability prevalence among the elderly' },
  { key: 'disability.severe_share', kind: 'share', en: 'share of disabled persons with grade 1 or 2' },
  { key: 'illness.adult', kind: 'share', en: 'serious-illness prevalence among adults under 60' },
  { key: 'illness.elderly', kind: 'share', en: 'serious-illness prevalence among the elderly' },
  { key: 'self_care.elderly_lost', kind: 'share', en: 'share of persons 80 and over who lost self-care in part' },
  // (by area: a town's elderly more often have a pension or a child nearby; nine in ten tekun are rural)
  ...area('supporter.absent', 'share', 'share of households with no working-age earner that have no capable supporter elsewhere'),
  { key: 'assets.zero_share', kind: 'share', en: 'share of households with no financial assets' },
  { key: 'assets.median_months', kind: 'positive', en: 'median financial assets, in months of household income' },
  ...area('rigid.share_sick', 'share', 'share of households with an ill or severely disabled member that have rigid expenditure'),
  { key: 'rigid.median', kind: 'money', en: 'their median rigid expenditure over 12 months, yuan' },
  ...area('rigid.share_other', 'share', 'share of other households with rigid (medical, schooling) expenditure'),
  { key: 'rigid.median_other', kind: 'money', en: 'their median rigid expenditure over 12 months, yuan' },
  {
    key: 'on_dibao.band',
    kind: 'positive',
    en: 'households from S to (1 + band) × S per capita that took dibao up were on it (on_dibao: the gradual exit)',
  },
  { key: 'emergency.share', kind: 'share', en: 'share of households with an assessed emergency need in a year' },
  { key: 'emergency.median', kind: 'money', en: 'median emergency need, yuan' },
];

/** The published figures the generated population is set against (generate --report). */
export const TARGETS: readonly ProfileSpec[] = [
  // (optional: a locality whose own fifths are not published, where another province's contradict its own caseloads,
  // shows its fifths with none to hold them to — Guangzhou's; a realism audit)
  ...area('target.income_quintiles', 'quintiles', 'per-capita income of each fifth of persons, as a multiple of the mean', true),
  {
    key: 'target.household_size',
    kind: 'positive',
    en: 'persons per household',
    optional: true,
    bounds: { max: 6, why: 'generate draws households of 1 to 6 persons' },
  },
  { key: 'target.child_share', kind: 'share', en: 'share of persons under 18', optional: true },
  { key: 'target.elderly_share', kind: 'share', en: 'share of persons 60 and over', optional: true },
  ...area('target.dibao_rate', 'share', 'dibao recipients as a share of persons'),
  { key: 'target.tekun_rate', kind: 'share', en: 'tekun persons as a share of persons' },
  { key: 'target.tekun_urban_share', kind: 'share', en: 'share of tekun persons living in urban areas', optional: true },
  ...area('target.average_benefit', 'money', 'average dibao benefit per recipient a month', true),
  ...area('target.persons_per_dibao_household', 'positive', 'persons per dibao household', true),
  { key: 'target.dibao_elderly_share', kind: 'share', en: 'share of dibao recipients 60 and over', optional: true },
  { key: 'target.dibao_disabled_share', kind: 'share', en: 'share of dibao recipients with a disability', optional: true },
  { key: 'target.dibao_minor_share', kind: 'share', en: 'share of dibao recipients under 18', optional: true },
  { key: 'target.tekun_self_care_lost', kind: 'share', en: 'share of tekun persons who lost self-care in full or in part', optional: true },
  { key: 'target.tekun_to_dibao_spending', kind: 'positive', en: 'tekun spending ÷ dibao spending (with supplements)' },
  { key: 'target.temporary_to_dibao_spending', kind: 'positive', en: 'temporary-assistance spending ÷ dibao spending (with supplements)' },
  { key: 'target.temporary_rate', kind: 'share', en: 'temporary-assistance cases in a year per person' },
  { key: 'target.temporary_average', kind: 'money', en: 'average temporary-assistance grant, yuan' },
  { key: 'target.low_income_rate', kind: 'share', en: 'dibao-edge (low-income) persons as a share of persons' },
  { key: 'target.rigid_rate', kind: 'share', en: 'rigid-expenditure family persons as a share of persons' },
  {
    key: 'target.premium_subsidised_rate',
    kind: 'share',
    en: 'persons whose medical-insurance premium is subsidised, as a share of persons',
    optional: true,
  },
  { key: 'target.living_subsidy_rate', kind: 'share', en: 'disability living subsidy recipients as a share of persons', optional: true },
  { key: 'target.care_subsidy_rate', kind: 'share', en: 'severe-disability care subsidy recipients as a share of persons', optional: true },
  { key: 'target.tolerance', kind: 'share', en: 'relative gap accepted where a target gives none' },
];

export const PROFILE_KEYS: readonly ProfileSpec[] = [...DRAWS, ...TARGETS];

/**
 * The area no one lives in (population.urban_share 1: a city without villages, as Shenzhen; 0: none in towns), whose
 * keys a profile need not give and whose targets are not compared; null where both have persons. An onboarding trial
 * had to invent every rural value of Shenzhen, and its rural targets failed at −100 %.
 */
export function emptyArea(urbanShare: number | undefined): Area | null {
  return urbanShare === 1 ? 'rural' : urbanShare === 0 ? 'urban' : null;
}

/**
 * The values with the empty area's draws stood in for by the other area's (never drawn from: no household is drawn
 * there), each saying so; its targets, and the urban share of tekun, are left out. Returns the empty area.
 */
export function withEmptyArea(values: Map<string, ProfileValue>): Area | null {
  const u = values.get('population.urban_share')?.value;
  const none = emptyArea(typeof u === 'number' ? u : undefined);
  if (!none) return null;
  const other = none === 'rural' ? 'urban' : 'rural';
  values.delete('target.tekun_urban_share'); // (all of them in the one area, by construction)
  for (const spec of PROFILE_KEYS) {
    if (!spec.key.endsWith(`.${none}`)) continue;
    if (spec.key.startsWith('target.')) values.delete(spec.key);
    else {
      const stand = values.get(`${spec.key.slice(0, -none.length)}${other}`);
      if (stand && !values.has(spec.key))
        values.set(spec.key, {
          value: stand.value,
          estimate: `no ${none} population (population.urban_share ${u}): the ${other} value stands in, never drawn from`,
        });
    }
  }
  return none;
}

export interface ProfileValue {
  readonly value: number | readonly number[];
  readonly source?: string;
  readonly clause?: string;
  readonly estimate?: string;
  /** For a target: the relative gap accepted (else target.tolerance). */
  readonly tolerance?: number;
  /** For a target: `upper` where the published figure is a ceiling (any figure below it is within). */
  readonly bound?: 'upper';
  /** Where the value is written (file:line:col), for a problem found later (generate, against the policy). */
  readonly where?: Where;
}

export interface Profile {
  readonly id: string;
  readonly file: string;
  /** The policy file it belongs to (relative paths resolved). */
  readonly policy: string;
  /** The date the targets describe: the default date of the report. */
  readonly date: string;
  readonly values: ReadonlyMap<string, ProfileValue>;
}

export function num(p: Profile, key: string): number {
  const v = p.values.get(key)?.value;
  if (typeof v !== 'number') throw new Error(`profile ${p.id}: ${key} is not a number`);
  return v;
}

export function dist(p: Profile, key: string): readonly number[] {
  const v = p.values.get(key)?.value;
  if (!Array.isArray(v)) throw new Error(`profile ${p.id}: ${key} is not a list`);
  return v;
}

/** A target's tolerance: its own, else the profile's default. */
export function toleranceOf(p: Profile, key: string): number {
  return p.values.get(key)?.tolerance ?? num(p, 'target.tolerance');
}

/**
 * The profile's per-capita disposable incomes against the policy's standards ([urban, rural], fen a month): an income
 * is a person's year, at least 12 × its area's standard (as the policy rule amounts-in-their-period says of
 * rigid.disposable_income). A policy author's trial typed a month's urban income (5432): generate drew every income
 * from it, and its report missed twelve figures (dibao per 100 urban 92.49 against 0.66) without saying why.
 */
export function incomesInTheirPeriod(p: Profile, standard: readonly [number, number]): Problem[] {
  return AREAS.flatMap((area, i) => {
    const v = p.values.get(`income.disposable.${area}`);
    const yearFen = 12 * standard[i]!;
    if (typeof v?.value !== 'number' || D(String(v.value)).times(100).gte(yearFen)) return [];
    return [
      {
        where: v.where ?? { file: p.file },
        subject: `income.disposable.${area}`,
        message: `${v.value} is below 12 × the policy's ${area} dibao standard (12 × ${(standard[i]! / 100).toFixed(2)} = ${(yearFen / 100).toFixed(2)}): the income is yuan a person a year — a month's figure (× 12 = ${(v.value * 12).toFixed(0)})?`,
      },
    ];
  });
}
