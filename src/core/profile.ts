// A locality's population profile: what `generate` draws synthetic households from, and the published
// figures `generate --report` calibrates against. Every value names its source or is an estimate.
export type ProfileKind = 'count' | 'share' | 'positive' | 'distribution' | 'money';

export interface ProfileSpec {
  readonly key: string;
  readonly kind: ProfileKind;
  readonly en: string;
  readonly optional?: boolean;
}

const area = (key: string, kind: ProfileKind, en: string): ProfileSpec[] => [
  { key: `${key}.urban`, kind, en: `${en}, urban` },
  { key: `${key}.rural`, kind, en: `${en}, rural` },
];

export const PROFILE_KEYS: readonly ProfileSpec[] = [
  { key: 'population.persons', kind: 'count', en: 'resident population the sample grosses up to' },
  { key: 'population.urban_share', kind: 'share', en: 'share of persons living in urban areas' },
  ...area('household_size', 'distribution', 'shares of households of 1, 2, … 6 persons'),
  ...area('age.child_share', 'share', 'share of persons under 18'),
  ...area('age.elderly_share', 'share', 'share of persons 60 and over'),
  { key: 'age.over80_share', kind: 'share', en: 'share of the elderly who are 80 and over' },
  ...area('income.disposable', 'money', 'per-capita disposable income, yuan a year'),
  ...area('income.sigma', 'positive', 'dispersion (log sd) of per-capita household income'),
  ...area('income.low_tail_share', 'share', 'share of households in the low-income tail'),
  { key: 'income.low_tail_median', kind: 'positive', en: 'median per-capita income in the low tail, as a multiple of S' },
  { key: 'disability.adult', kind: 'share', en: 'disability prevalence among adults under 60' },
  { key: 'disability.elderly', kind: 'share', en: 'disability prevalence among the elderly' },
  { key: 'disability.severe_share', kind: 'share', en: 'share of disabled persons with grade 1 or 2' },
  { key: 'illness.adult', kind: 'share', en: 'serious-illness prevalence among adults under 60' },
  { key: 'illness.elderly', kind: 'share', en: 'serious-illness prevalence among the elderly' },
  { key: 'supporter.absent', kind: 'share', en: 'share without a capable supporter, among persons in households with no working adult' },
  { key: 'assets.zero_share', kind: 'share', en: 'share of households with no financial assets' },
  { key: 'assets.median_months', kind: 'positive', en: 'median financial assets, in months of household income' },
  { key: 'rigid.share_sick', kind: 'share', en: 'share of households with an ill or severely disabled member that have rigid expenditure' },
  { key: 'rigid.median', kind: 'money', en: 'median rigid expenditure over 12 months, yuan' },
  { key: 'on_dibao.share_below', kind: 'share', en: 'share of households below 1.2 × S that receive dibao now (for the gradual exit)' },
  { key: 'emergency.share', kind: 'share', en: 'share of households with an assessed emergency need' },
  { key: 'emergency.median', kind: 'money', en: 'median emergency need, yuan' },
  ...area('target.dibao_rate', 'share', 'published dibao recipients as a share of persons'),
  { key: 'target.tekun_rate', kind: 'share', en: 'published tekun persons as a share of persons' },
  {
    key: 'target.average_benefit.urban',
    kind: 'money',
    en: 'published average dibao benefit per recipient a month, urban',
    optional: true,
  },
  {
    key: 'target.average_benefit.rural',
    kind: 'money',
    en: 'published average dibao benefit per recipient a month, rural',
    optional: true,
  },
  { key: 'target.tolerance', kind: 'share', en: 'relative gap accepted between generated and published rates' },
];

export interface ProfileValue {
  readonly value: number | readonly number[];
  readonly source?: string;
  readonly clause?: string;
  readonly estimate?: string;
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
  if (!Array.isArray(v)) throw new Error(`profile ${p.id}: ${key} is not a distribution`);
  return v;
}
