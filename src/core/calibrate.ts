// What a generated population yields under the baseline, set against the published figures of its profile (generate
// --report): the income distribution, who lives together, every program's caseload and the national fiscal mix.
// Received figures (after take-up); where a program's eligibility differs, the eligible figure is shown beside.
import { AREAS } from './columns.js';
import { quintileMeans, Sums } from './calibrate-sums.js';
import { evaluateHousehold, newContext } from './engine.js';
import { D, type Dec } from './money.js';
import type { Population } from './population.js';
import { dist, emptyArea, num, toleranceOf, type Profile } from './profile.js';
import { SLOT } from './programs/index.js';
import { countedIncome } from './programs/context.js';
import type { Rules } from './rules.js';

export interface CalibrationRow {
  readonly measure: string;
  readonly generated: string;
  /** The published figure, or null where the profile has none. */
  readonly published: string | null;
  /** generated / published − 1, as a percent with one decimal; null without a published figure. */
  readonly gap: string | null;
  /** The accepted gap, percent; null without a published figure. */
  readonly tolerance: string | null;
  /** `upper`: the published figure is a ceiling, the gap accepted above it only (any figure below is within). */
  readonly bound?: 'upper';
  readonly within: boolean | null;
  /** Key of the profile value the published figure comes from. */
  readonly target?: string;
  /**
   * A count's sampling error: the generated households behind it (n), and ±2σ of the figure relative to it, percent
   * (2 × √((1 − p) / n) for a share p, 2 / √n for a rate, 2 × √(1/n + 1/n') for a spending ratio over n'
   * households: households as the draws). Null for
   * means (an income, a benefit, a household's size), whose error depends on the spread of the values.
   */
  readonly sample?: { readonly n: number; readonly twoSigma: string } | null;
}

const AREA = AREAS;

export function calibrate(pop: Population, rules: Rules, profile: Profile): CalibrationRow[] {
  const m = new Sums();
  /** Per area: each household's per-capita monthly income (fen) and its weighted persons, for the quintiles. */
  const incomes = [0, 1].map(() => [] as Array<[number, number]>);
  const c = newContext(pop, rules);
  const deduction = 0; // quintiles are of income as surveyed (before any deduction)
  for (let h = 0; h < pop.householdCount; h++) {
    m.h = h;
    const r = evaluateHousehold(c, h);
    const w = pop.weight[h]!;
    const a = AREA[pop.area[h]!]!;
    const start = pop.offsets[h]!;
    const size = pop.offsets[h + 1]! - start;
    let income = 0;
    let earner = false;
    for (let k = start; k < start + size; k++) {
      const p = pop.members[k]!;
      const age = pop.age[p]!;
      income += countedIncome(pop, p, deduction);
      if (age >= 18 && age < 60 && pop.wage[p]! > 0) earner = true;
      m.add('persons', w, 1);
      m.add(`persons.${a}`, w, 1);
      if (age < 18) m.add('children', w, 1);
      if (age >= 60) m.add('elderly', w, 1);
    }
    incomes[pop.area[h]!]!.push([Math.floor(income / size), w * size]);
    m.add('households', w, 1);
    m.add('household_persons', w, size);
    // Programs, received and eligible.
    const got = (slot: number) => r.flag[slot] === 1;
    // (rigid aid within dibao, and the gradual exit in its spending: the aid, 0.46 × dibao, came on top of it in Nanning)
    const dibaoPersons = sumOf(r.count, ...DIBAO_PERSONS);
    m.add(`dibao.${a}`, w, dibaoPersons);
    if (dibaoPersons) m.add(`dibao_households.${a}`, w, 1);
    if (dibaoPersons)
      m.add(`dibao_household_persons.${a}`, w, r.count[SLOT.dibao]! || r.count[SLOT.rigid_aid]! ? r.restPersons : dibaoPersons);
    m.add(`dibao_benefit.${a}`, w, sumOf(r.amount, ...DIBAO_PAID));
    m.add('dibao_cost', w, sumOf(r.annual, ...DIBAO_PAID, SLOT.gradual_exit));
    let eligibleDibao = dibaoPersons;
    for (let j = 0; j < r.declinedCount; j++) {
      const i = r.declined[j]!;
      if (DIBAO_PERSONS.includes(i)) eligibleDibao += r.declinedPersons[i]!;
      if (i === SLOT.tekun) m.add('tekun_eligible', w, r.declinedPersons[i]!);
      if (i === SLOT.disability_care) m.add('care_eligible', w, r.declinedPersons[i]!);
    }
    m.add(`dibao_eligible.${a}`, w, eligibleDibao);
    m.add('tekun', w, r.count[SLOT.tekun]!);
    if (a === 'urban') m.add('tekun.urban', w, r.count[SLOT.tekun]!);
    m.add('tekun_eligible', w, r.count[SLOT.tekun]!);
    m.add('tekun_cost', w, r.annual[SLOT.tekun]!);
    if (got(SLOT.temporary)) m.add('temporary_cases', w, 1);
    m.add('temporary_cost', w, r.annual[SLOT.temporary]!);
    m.add('rigid_aid_cost', w, r.annual[SLOT.rigid_aid]!);
    m.add('low_income', w, r.count[SLOT.low_income]!);
    if (got(SLOT.rigid_family)) m.add('rigid', w, r.count[SLOT.rigid_family]!);
    m.add('premium_persons', w, r.count[SLOT.medical_premium]!);
    m.add('living_persons', w, r.count[SLOT.disability_living]!);
    m.add('care_persons', w, r.count[SLOT.disability_care]!);
    m.add('care_eligible', w, r.count[SLOT.disability_care]!);
    m.add('special_cost', w, r.annual[SLOT.medical_premium]! + r.annual[SLOT.disability_living]! + r.annual[SLOT.disability_care]!);
    // Who the recipients are: dibao households' members not tekun; tekun persons and how they live.
    for (let k = start; k < start + size; k++) {
      const p = pop.members[k]!;
      const tekun = c.tekun[k - start] === 1;
      if (tekun && earner) m.add('tekun_with_earner', w, 1);
      if (tekun && got(SLOT.tekun) && pop.selfCare[p] !== 0) m.add('tekun_self_care_lost', w, 1);
      const inDibao = !tekun && (got(SLOT.dibao) || got(SLOT.rigid_aid) || c.single[k - start] === 1);
      if (!inDibao) continue;
      m.add('dibao_members', w, 1);
      if (pop.age[p]! >= 60) m.add('dibao_elderly', w, 1);
      if (pop.age[p]! < 18) m.add('dibao_minors', w, 1);
      if (pop.disability[p]! >= 1) m.add('dibao_disabled', w, 1);
    }
  }
  const ratio = (a: Dec, b: Dec) => (b.isZero() ? D(0) : a.dividedBy(b));
  const rows: CalibrationRow[] = [];
  /**
   * A count's sample: the households with a term of `key`; `share`: the figure is a share of a whole (else a rate);
   * `over`: a ratio to another sum drawn apart (a spending ratio), whose own error adds (2 × √(1/n + 1/n')).
   */
  const sampled = (key: string, share?: Dec | null, over?: string) => {
    const n = m.households(key);
    const q = share ? Math.max(0, 1 - share.toNumber()) : 1; // (a display figure: the error's size, not money)
    const n2 = over ? m.households(over) : 0;
    if (!n || (over && !n2)) return null;
    return { n, twoSigma: (200 * Math.sqrt(q / n + (n2 ? 1 / n2 : 0))).toFixed(0) };
  };
  const row = (
    measure: string,
    generated: Dec,
    target: string | null,
    digits: number,
    scale = 1,
    sample: CalibrationRow['sample'] = null,
  ): void => {
    if (target && !profile.values.has(target)) return;
    const publishedValue = target ? D(num(profile, target)) : null;
    finish(measure, generated, publishedValue, target, digits, scale, sample);
  };
  const finish = (
    measure: string,
    generated: Dec,
    published: Dec | null,
    target: string | null,
    digits: number,
    scale: number,
    sample: CalibrationRow['sample'] = null,
  ) => {
    const gap = published && !published.isZero() ? generated.dividedBy(published).minus(1) : null;
    const tolerance = target ? toleranceOf(profile, target) : null;
    const bound = target ? profile.values.get(target)?.bound : undefined;
    rows.push({
      measure,
      generated: generated.times(scale).toFixed(digits),
      published: published ? published.times(scale).toFixed(digits) : null,
      gap: gap ? gap.times(100).toFixed(1) : null,
      tolerance: gap && tolerance !== null ? (tolerance * 100).toFixed(0) : null,
      within: gap && tolerance !== null ? (bound === 'upper' ? gap : gap.abs()).lte(tolerance) : null,
      ...(bound ? { bound } : {}),
      target: target ?? undefined,
      sample,
    });
  };
  /** A figure shown with no published one to hold it to (an eligible count, a check, a share no source gives). */
  const shown = (measure: string, generated: Dec, digits: number, scale = 1) => finish(measure, generated, null, null, digits, scale);
  const persons = m.get('persons');
  const yuan = (fenTimesMillionths: Dec) => fenTimesMillionths.dividedBy(100);

  row('人口 weighted persons (population grossed up to)', persons.dividedBy(1e6), 'population.persons', 0);
  // The income distribution: each fifth's mean as a multiple of the area's mean.
  // (an area no one lives in, by the profile, has no rows: Shenzhen's rural ones failed at −100 %)
  const none = emptyArea(num(profile, 'population.urban_share'));
  AREA.forEach((a, ai) => {
    if (a === none) return;
    const target = `target.income_quintiles.${a}`;
    const published = profile.values.has(target) ? dist(profile, target) : null;
    if (!incomes[ai]!.length) {
      // No person in the area (a tiny population): nothing to compare, not NaN.
      const none = (measure: string, value: Dec | null, digits: number, key: string) =>
        rows.push({
          measure,
          generated: '—',
          published: value ? value.toFixed(digits) : null,
          gap: null,
          tolerance: null,
          within: null,
          target: key,
        });
      none(
        `人均可支配收入 per-capita disposable income, ${a} (yuan a year)`,
        profile.values.has(`income.disposable.${a}`) ? D(num(profile, `income.disposable.${a}`)) : null,
        0,
        `income.disposable.${a}`,
      );
      published?.forEach((v, q) => none(`  第${q + 1}组 fifth ${q + 1} of ${a} persons, × the mean`, D(v), 2, target));
      return;
    }
    const fifths = quintileMeans(incomes[ai]!);
    const mean = fifths.reduce((x, y) => x.plus(y), D(0)).dividedBy(5);
    row(`人均可支配收入 per-capita disposable income, ${a} (yuan a year)`, mean.times(12).dividedBy(100), `income.disposable.${a}`, 0);
    fifths.forEach((f, q) => {
      const measure = `  第${q + 1}组 fifth ${q + 1} of ${a} persons, × the mean`;
      const share = mean.isZero() ? D(0) : f.dividedBy(mean);
      if (published) finish(measure, share, D(published[q]!), target, 2, 1);
      else shown(measure, share, 2);
    });
  });
  row('户均人数 persons per household', ratio(m.get('household_persons'), m.get('households')), 'target.household_size', 2);
  const share = (key: string, whole: Dec) => ratio(m.get(key), whole);
  row(
    '18岁以下 persons under 18, %',
    share('children', persons),
    'target.child_share',
    1,
    100,
    sampled('children', share('children', persons)),
  );
  row(
    '60岁及以上 persons 60 and over, %',
    share('elderly', persons),
    'target.elderly_share',
    1,
    100,
    sampled('elderly', share('elderly', persons)),
  );
  for (const a of AREA) {
    if (a === none) continue;
    const n = m.get(`persons.${a}`);
    row(
      `低保对象每百人 dibao recipients per 100 persons, ${a}`,
      ratio(m.get(`dibao.${a}`), n),
      `target.dibao_rate.${a}`,
      2,
      100,
      sampled(`dibao.${a}`),
    );
    shown(`  符合条件 eligible (all who qualify), ${a}`, ratio(m.get(`dibao_eligible.${a}`), n), 2, 100);
  }
  for (const a of AREA)
    row(
      `低保人均月补助 average dibao benefit a recipient a month, ${a} (yuan)`,
      yuan(ratio(m.get(`dibao_benefit.${a}`), m.get(`dibao.${a}`))),
      `target.average_benefit.${a}`,
      0,
    );
  for (const a of AREA)
    row(
      `低保户均人数 persons per dibao household, ${a}`,
      ratio(m.get(`dibao_household_persons.${a}`), m.get(`dibao_households.${a}`)),
      `target.persons_per_dibao_household.${a}`,
      2,
    );
  const members = m.get('dibao_members');
  const ofMembers = (key: string) => sampled(key, share(key, members));
  row(
    '低保对象中60岁及以上 dibao recipients 60 and over, %',
    share('dibao_elderly', members),
    'target.dibao_elderly_share',
    1,
    100,
    ofMembers('dibao_elderly'),
  );
  row(
    '低保对象中残疾人 dibao recipients with a disability, %',
    share('dibao_disabled', members),
    'target.dibao_disabled_share',
    1,
    100,
    ofMembers('dibao_disabled'),
  );
  row(
    '低保对象中未成年人 dibao recipients under 18, %',
    share('dibao_minors', members),
    'target.dibao_minor_share',
    1,
    100,
    ofMembers('dibao_minors'),
  );
  row('特困人员每百人 tekun persons per 100 persons', ratio(m.get('tekun'), persons), 'target.tekun_rate', 3, 100, sampled('tekun'));
  shown('  符合条件 eligible (all who qualify)', ratio(m.get('tekun_eligible'), persons), 3, 100);
  row(
    '特困人员中城市 tekun persons living in urban areas, %',
    share('tekun.urban', m.get('tekun')),
    'target.tekun_urban_share',
    1,
    100,
    sampled('tekun.urban', share('tekun.urban', m.get('tekun'))),
  );
  row(
    '特困人员中失能半失能 tekun persons who lost self-care (in full or in part), %',
    share('tekun_self_care_lost', m.get('tekun')),
    'target.tekun_self_care_lost',
    1,
    100,
    sampled('tekun_self_care_lost', share('tekun_self_care_lost', m.get('tekun'))),
  );
  shown('与就业者同住的特困人员 tekun persons living with a working-age earner (must be 0)', m.get('tekun_with_earner').dividedBy(1e6), 0);
  row(
    '低保边缘每百人 low-income (dibao-edge) persons per 100 persons',
    ratio(m.get('low_income'), persons),
    'target.low_income_rate',
    2,
    100,
    sampled('low_income'),
  );
  row(
    '刚性支出困难家庭每百人 rigid-expenditure family persons per 100 persons',
    ratio(m.get('rigid'), persons),
    'target.rigid_rate',
    2,
    100,
    sampled('rigid'),
  );
  row(
    '临时救助每百人年次数 temporary-assistance cases a year per 100 persons',
    ratio(m.get('temporary_cases'), persons),
    'target.temporary_rate',
    2,
    100,
    sampled('temporary_cases'),
  );
  row(
    '临时救助次均 average temporary-assistance grant (yuan)',
    yuan(ratio(m.get('temporary_cost'), m.get('temporary_cases'))),
    'target.temporary_average',
    0,
  );
  const dibaoCost = m.get('dibao_cost');
  row(
    '特困/低保支出 tekun spending ÷ dibao spending',
    ratio(m.get('tekun_cost'), dibaoCost),
    'target.tekun_to_dibao_spending',
    3,
    1,
    sampled('tekun_cost', null, 'dibao_cost'),
  );
  row(
    '临时救助/低保支出 temporary-assistance spending ÷ dibao spending',
    ratio(m.get('temporary_cost'), dibaoCost),
    'target.temporary_to_dibao_spending',
    3,
    1,
    sampled('temporary_cost', null, 'dibao_cost'),
  );
  // (within dibao spending: said, so that a large one is seen — an auditor found it half of dibao, in no row)
  shown('  其中刚性支出救助 of which rigid-expenditure aid, ÷ dibao spending', ratio(m.get('rigid_aid_cost'), dibaoCost), 3);
  row(
    '资助参保每百人 persons whose premium is subsidised, per 100 persons',
    ratio(m.get('premium_persons'), persons),
    'target.premium_subsidised_rate',
    2,
    100,
    sampled('premium_persons'),
  );
  // (the two disability subsidies: a demographer found Guangzhou's care subsidy 54 % of its budget, in no row)
  // (shown where the profile gives no published figure too: Guangzhou's, its subsidies being for 本市户籍 persons alone)
  const always = (measure: string, generated: Dec, target: string, sample: CalibrationRow['sample']) =>
    profile.values.has(target) ? row(measure, generated, target, 2, 100, sample) : shown(measure, generated, 2, 100);
  always(
    '困难残疾人生活补贴每百人 disability living subsidy recipients per 100 persons',
    ratio(m.get('living_persons'), persons),
    'target.living_subsidy_rate',
    sampled('living_persons'),
  );
  always(
    '重度残疾人护理补贴每百人 severe-disability care subsidy recipients per 100 persons',
    ratio(m.get('care_persons'), persons),
    'target.care_subsidy_rate',
    sampled('care_persons'),
  );
  // (before take-up: Guangzhou's 1.40, its hukou half and certificates not counted — a budget trial looked for it)
  shown('  符合条件 eligible (all who qualify)', ratio(m.get('care_eligible'), persons), 2, 100);
  shown('专项救助/低保支出 special assistance (premium, living, care) ÷ dibao spending', ratio(m.get('special_cost'), dibaoCost), 3);
  return rows;
}

/** Dibao as published figures hold it: with the families paid rigid-expenditure aid (002 三), given dibao (000（一）). */
const DIBAO_PERSONS: readonly number[] = [SLOT.dibao, SLOT.single_person, SLOT.rigid_aid];
const DIBAO_PAID: readonly number[] = [SLOT.dibao, SLOT.dibao_supplement, SLOT.single_person, SLOT.rigid_aid];
/** The sum of a result's values at the slots named. */
const sumOf = (x: ArrayLike<number>, ...slots: number[]): number => slots.reduce((t, i) => t + x[i]!, 0);
