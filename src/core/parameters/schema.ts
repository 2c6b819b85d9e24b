// The canonical parameters of DOMAIN.md "What varies by place and over time": one table used by the
// policy loader (types, ranges, unknown-key suggestions), `params` (order of the JSON contract) and docs.
import { FUNDING_LINES, GROUP_ZH, PREMIUM_GROUPS, TAKE_UP_GROUPS } from './groups.js';
import { age, bound, FUNDING_EN, FUNDING_ZH, money, multiple, share, TAKE_UP_WHAT, type ParamSpec } from './param-kinds.js';

export type { ParamKind, ParamSpec } from './param-kinds.js';

export const PARAMS: readonly ParamSpec[] = [
  {
    path: 'dibao.standard.urban',
    kind: { type: 'money', positive: true },
    unit: 'yuan/person/month',
    en: 'dibao standard S, urban',
    zh: '城市低保标准',
  },
  {
    path: 'dibao.standard.rural',
    kind: { type: 'money', positive: true },
    unit: 'yuan/person/month',
    en: 'dibao standard S, rural',
    zh: '农村低保标准',
  },
  {
    path: 'dibao.assets.limit_months',
    kind: { type: 'integer', min: 0, max: 1200 },
    unit: 'months of S',
    en: 'per-capita financial assets limit',
    zh: '人均金融资产上限（月数）',
  },
  {
    path: 'dibao.payment.mode',
    kind: { type: 'enum', values: ['gap', 'tiered'] },
    unit: '',
    en: 'payment mode',
    zh: '低保金发放方式（差额/分档）',
  },
  {
    path: 'dibao.payment.tiers',
    kind: { type: 'tiers' },
    unit: 'share of S → yuan/person/month',
    en: 'tiered payment bands',
    zh: '分档标准',
    optional: { when: 'dibao.payment.mode', equals: 'tiered' },
  },
  {
    path: 'dibao.employment_deduction',
    kind: money,
    unit: 'yuan/month per wage earner',
    en: 'employment cost deduction',
    zh: '就业成本扣减',
  },
  {
    path: 'dibao.gradual_exit.months',
    kind: { type: 'integer', min: 0, max: 12 },
    unit: 'months',
    en: 'gradual exit period',
    zh: '低保渐退期',
  },
  {
    path: 'dibao.supplement.severe_disability',
    kind: share,
    unit: 'share of S',
    en: 'supplement: severe disability',
    zh: '分类施保：重度残疾人',
  },
  {
    path: 'dibao.supplement.serious_illness',
    kind: share,
    unit: 'share of S',
    en: 'supplement: serious illness',
    zh: '分类施保：重病患者',
  },
  { path: 'dibao.supplement.elderly', kind: share, unit: 'share of S', en: 'supplement: elderly', zh: '分类施保：老年人' },
  { path: 'dibao.supplement.minor', kind: share, unit: 'share of S', en: 'supplement: minor', zh: '分类施保：未成年人' },
  { path: 'dibao.supplement.elderly_age', kind: age, unit: 'years', en: 'supplement: elderly from age', zh: '分类施保老年人年龄' },
  {
    path: 'dibao.supplement.stacking',
    kind: { type: 'enum', values: ['max', 'sum'] },
    unit: '',
    en: 'supplement stacking',
    zh: '分类施保叠加方式',
  },
  {
    path: 'single_person.income_ceiling',
    kind: multiple,
    unit: '× S',
    en: 'single-person inclusion income ceiling',
    zh: '单人户纳入收入上限',
  },
  {
    path: 'single_person.benefit',
    kind: { type: 'enum', values: ['gap_own_income', 'share_of_standard'] },
    unit: '',
    en: 'single-person benefit rule',
    zh: '单人户救助金计算',
  },
  {
    path: 'single_person.benefit_share',
    kind: share,
    unit: 'share of S',
    en: 'single-person benefit share',
    zh: '单人户救助金比例',
    optional: { when: 'single_person.benefit', equals: 'share_of_standard' },
  },
  // 000（四） 低于当地低保标准２倍: the line itself is out; 003 §7 names the members of 低收入家庭, which §1 defines as
  // 1.5倍以下: the line is in (民法典 第一千二百五十九条), as low_income.bound says of the same line.
  bound(
    'single_person.bound',
    'single-person ceiling',
    '单人户收入上限',
    'DOMAIN step 5; 低于 (below) in 000（四） and 002 一/二 alike: a family exactly at the ceiling is not included',
  ),
  { path: 'tekun.elderly_age', kind: age, unit: 'years', en: 'tekun: elderly from age', zh: '特困：老年人年龄' },
  { path: 'tekun.minor_age', kind: age, unit: 'years', en: 'tekun: minors under age', zh: '特困：未成年人年龄' },
  {
    path: 'tekun.basic.multiplier',
    kind: multiple,
    unit: '× S',
    en: 'tekun basic living standard',
    zh: '特困基本生活标准（低保标准倍数）',
  },
  {
    // (a county's "按当地城市低保标准的1.3倍": the urban S for rural tekun too, as low_income.reference does for its line)
    path: 'tekun.basic.reference',
    kind: { type: 'enum', values: ['own_area', 'urban'] },
    unit: '',
    en: 'tekun basic standard: a multiple of the person’s own area’s S, or of the urban S for everyone',
    zh: '特困基本生活标准参照（本地区或城市低保标准）',
    default: {
      value: 'own_area',
      basis: 'DOMAIN step 1: basic = round(multiplier × S), S of the person’s area (003 §14 当地低保标准; 004 §4 最低生活保障标准)',
    },
  },
  {
    // 004 二（一）1 (完善低保、特困对象认定办法, weighing 财产): none by default, as DOMAIN step 1 names no property test
    path: 'tekun.assets.test',
    kind: { type: 'enum', values: ['none', 'dibao_limit'] },
    unit: '',
    en: 'tekun property test', // (none, or assets per member within the dibao limit: short, as a tornado's line is)
    zh: '特困人员财产审核',
    default: { value: 'none', basis: 'DOMAIN step 1 names no property test for tekun' },
  },
  {
    path: 'tekun.care.min_wage_share.none',
    kind: share,
    unit: 'share of W',
    en: 'tekun care: cannot self-care (full care)',
    zh: '特困照料护理：完全不能自理（全护理）',
  },
  {
    path: 'tekun.care.min_wage_share.partial',
    kind: share,
    unit: 'share of W',
    en: 'tekun care: partly self-caring',
    zh: '特困照料护理：部分不能自理（半护理）',
  },
  {
    path: 'tekun.care.min_wage_share.full',
    kind: share,
    unit: 'share of W',
    en: 'tekun care: self-caring',
    zh: '特困照料护理：生活自理（全自理）',
  },
  {
    path: 'min_wage.monthly',
    kind: { type: 'money', positive: true },
    unit: 'yuan/month',
    en: 'monthly minimum wage W',
    zh: '月最低工资标准',
  },
  {
    path: 'low_income.multiplier',
    kind: multiple,
    unit: '× S_ref',
    en: 'low-income (dibao-edge) ceiling',
    zh: '低保边缘家庭收入标准（倍数）',
  },
  {
    path: 'low_income.reference',
    kind: { type: 'enum', values: ['own_area', 'urban'] },
    unit: '',
    en: 'low-income reference standard',
    zh: '低保边缘参照标准',
  },
  // 001（一） 低于当地低保标准2倍: the line itself is out; 003 §1 1.5倍以下: it is in (民法典 第一千二百五十九条: 以上、以下、以内
  // 包括本数; 不满、超过 不包括本数).
  bound(
    'low_income.bound',
    'low-income line',
    '低保边缘收入线',
    'DOMAIN step 6 and 001（一） 低于……2倍: a family exactly at the line is not low-income',
  ),
  {
    path: 'rigid.disposable_income.urban',
    kind: money,
    unit: 'yuan/person/year',
    en: 'disposable income, urban (last year)',
    zh: '上年度城镇居民人均可支配收入',
  },
  {
    path: 'rigid.disposable_income.rural',
    kind: money,
    unit: 'yuan/person/year',
    en: 'disposable income, rural (last year)',
    zh: '上年度农村居民人均可支配收入',
  },
  {
    path: 'rigid.identify_multiplier',
    kind: multiple,
    unit: '× S',
    en: 'rigid-expenditure identification ceiling',
    zh: '刚性支出困难认定（收支相抵后低保标准倍数）',
  },
  { path: 'rigid.aid', kind: { type: 'boolean' }, unit: '', en: 'rigid-expenditure gap aid', zh: '刚性支出困难差额救助' },
  {
    // dibao: the aid is dibao given on income after rigid expenditure (Guangxi 000（一）), for steps 9–11 (groups.ts)
    path: 'rigid.aid_group',
    kind: { type: 'enum', values: ['rigid', 'dibao'] },
    unit: '',
    en: 'special-assistance group of a family paid rigid aid',
    zh: '获刚性支出救助家庭成员的专项救助类别',
    default: { value: 'rigid', basis: 'DOMAIN step 9: a member of a rigid-expenditure family is in the rigid group' },
  },
  {
    path: 'temporary.township_max',
    kind: multiple,
    unit: '× 12 S_urban',
    en: 'temporary: township approval up to',
    zh: '临时救助：乡镇审核上限',
  },
  {
    path: 'temporary.county_max',
    kind: multiple,
    unit: '× 12 S_urban',
    en: 'temporary: county approval up to',
    zh: '临时救助：县级审核上限',
  },
  {
    path: 'temporary.annual_cap',
    kind: multiple,
    unit: '× 12 S_urban',
    en: 'temporary: annual cap per household',
    zh: '临时救助：年度救助总额上限',
  },
  {
    path: 'rounding',
    kind: { type: 'enum', values: ['fen', 'yuan_up', 'yuan_nearest'] },
    unit: '',
    en: 'rounding of monthly amounts',
    zh: '金额取整方式',
  },
  ...TAKE_UP_GROUPS.map((group): ParamSpec => ({
    path: `take_up.${group}`,
    kind: share,
    unit: 'share of eligible households',
    en: `take-up of ${group.replace('_', '-')}${TAKE_UP_WHAT[group] ?? ''}`,
    zh: `${GROUP_ZH[group]}申请（认定）率`,
    default: { value: '1', basis: 'DOMAIN: a policy that gives no take-up means every eligible household (应保尽保)' },
  })),
  {
    path: 'medical.premium',
    kind: money,
    unit: 'yuan/person/year',
    en: 'resident medical-insurance individual premium',
    zh: '城乡居民医保个人缴费标准',
  },
  ...PREMIUM_GROUPS.map((g): ParamSpec => ({
    path: `medical.subsidy.${g}`,
    kind: share,
    unit: 'share of the premium',
    en: `premium subsidy share, ${g.replace('_', '-')}`,
    zh: `资助参保比例（${GROUP_ZH[g]}）`,
  })),
  ...PREMIUM_GROUPS.map((g): ParamSpec => ({
    path: `medical.fixed.${g}`,
    kind: money,
    unit: 'yuan/person/year',
    en: `premium subsidy fixed amount, ${g.replace('_', '-')}`,
    zh: `资助参保定额（${GROUP_ZH[g]}）`,
  })),
  {
    path: 'disability.living.monthly',
    kind: money,
    unit: 'yuan/person/month',
    en: 'living subsidy for disabled people in hardship',
    zh: '困难残疾人生活补贴',
  },
  {
    path: 'disability.living.low_income',
    kind: { type: 'boolean' },
    unit: '',
    en: 'living subsidy extended to dibao-edge families',
    zh: '生活补贴延伸至低保边缘家庭',
  },
  {
    path: 'disability.care.monthly.grade1',
    kind: money,
    unit: 'yuan/person/month',
    en: 'care subsidy, grade 1',
    zh: '重度残疾人护理补贴（一级）',
  },
  {
    path: 'disability.care.monthly.grade2',
    kind: money,
    unit: 'yuan/person/month',
    en: 'care subsidy, grade 2',
    zh: '重度残疾人护理补贴（二级）',
  },
  {
    path: 'disability.care.scope',
    kind: { type: 'enum', values: ['all', 'assisted'] },
    unit: '',
    en: 'care subsidy: every grade 1–2 person, or the assisted groups only',
    zh: '护理补贴范围',
  },
  ...FUNDING_LINES.flatMap((line) =>
    (['central', 'provincial'] as const).map((level): ParamSpec => ({
      path: `funding.${line}.${level}`,
      kind: share,
      unit: 'share of the cost',
      en: `${level} share of ${FUNDING_EN[line]} (the city/county pays the rest)`,
      zh: `${FUNDING_ZH[line]}${level === 'central' ? '中央' : '省级'}负担比例`,
    })),
  ),
];

export const PARAM_BY_PATH: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.path, p]));

/** Every prefix of a canonical path ("dibao", "dibao.standard", …): the branches a policy file may nest. */
export const BRANCHES: ReadonlySet<string> = new Set(
  PARAMS.flatMap((p) =>
    p.path
      .split('.')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('.')),
  ),
);

/** What `jiuzhu init` writes for the locality's name and description, refused as given (they headed every output). */
export const PLACEHOLDER_POLICY = {
  zh: '某省·某市·某县',
  en: 'Province / City / County',
  description: 'What this policy covers, and which values are estimates.',
} as const;

/** A policy's or scenario's id: it heads columns and names runs in every output. */
export const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * `jiuzhu init`'s placeholder source (report/policy-template.ts): a policy citing it as written is refused, as an
 * author's retrial cited it and validate called it valid (reports would cite an empty document, grade A).
 */
export const PLACEHOLDER_SOURCE = { title: '《关于……的通知》(the issuing office, document number)', url: 'https://…' } as const;
