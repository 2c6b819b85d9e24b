// Step 1 — 特困人员 tekun (extreme-poverty persons), per person.
// 000（一）: 对无劳动能力、无生活来源、无法定赡养抚养扶养义务人或者其法定义务人无履行义务能力的城乡老年人、
//   残疾人、未成年人，给予特困人员救助供养。
// 000（五）/ 002 四 / 003 §7 / 004 §3: 未成年人年龄从16周岁延长至18周岁 (tekun.minor_age).
// 003 §14 ≥ 1.6 × S; 004 §4 ≥ 1.3 × S (tekun.basic.multiplier), S the person's area's — or the urban S for everyone
// where the policy says 城市低保标准 (tekun.basic.reference urban). 002 四: 全护理 ≥ 70% 最低工资 (care share).
// 004 二（一）1 (综合考虑家庭收入、财产……完善低保、特困对象认定办法): where tekun.assets.test is dibao_limit, no source of
// living also means the household's financial assets per person within the dibao limit (limit_months × S × persons);
// DOMAIN step 1 names no property test (its default, none) — a tekun officer found 29 of the sample's 98 tekun
// households above the dibao limit, one holding 387,191.49 for one person, paid tekun.
import { AREAS, CAPACITY, NONE } from '../columns.js';
import { fenToYuan as y, roundTimes } from '../money.js';
import { check, zhCode, zhColumn } from '../trace.js';
import { countedIncome, enter, type Ctx } from './context.js';
import type { Population } from '../population.js';
import { traceParams, type Params, type Step } from './step.js';
import { TEKUN_CARE } from './parts.js';
// (read when a household is evaluated, after every module has loaded: index.ts imports this one)
import { yearOf } from './index.js';

export const CLAUSES = ['000（一）', '000（五）', '002 四', '003 §7', '003 §14', '004 §3', '004 §4'];

/** What decides who is tekun, compiled (equal for two runs: one can take over the other's findings). */
export interface TekunDecide {
  readonly elderlyAge: number;
  readonly minorAge: number;
  readonly deduction: number;
  /** S, fen. */
  readonly S: number;
  /** tekun.assets.test dibao_limit: limit_months × S, the financial assets allowed per household member, fen; else -1. */
  readonly assetLimit: number;
}

export interface TekunRules {
  readonly decide: TekunDecide;
  /** round(tekun.basic.multiplier × S_basic), fen a month: S_basic the area's S, or the urban S (tekun.basic.reference). */
  readonly basic: number;
  /** S_basic, fen (the area's S unless tekun.basic.reference is `urban`). */
  readonly Sbasic: number;
  /** round(min_wage_share[self_care] × W), fen a month, by self_care code. */
  readonly care: readonly number[];
  readonly slot: number;
}

const DECIDES = [
  'tekun.elderly_age',
  'tekun.minor_age',
  'dibao.standard.',
  'dibao.employment_deduction',
  'tekun.assets.test',
  'dibao.assets.limit_months',
];

export const STEP: Step<TekunRules> = {
  id: 'tekun',
  number: '1',
  reads: [...DECIDES, 'tekun.basic.multiplier', 'tekun.basic.reference', 'tekun.care.min_wage_share.', 'min_wage.monthly', 'rounding'],
  decides: DECIDES,
  uses: [],
  scope: 'engine',
  compile: (p: Params) => {
    const d = p.only(DECIDES);
    const S = d.fen(p.here('dibao.standard.'));
    const rounding = p.rounding();
    const basic = p.ratio('tekun.basic.multiplier');
    const Sbasic = p.str('tekun.basic.reference') === 'urban' ? p.fen('dibao.standard.urban') : S;
    const W = p.fen('min_wage.monthly');
    return {
      decide: {
        elderlyAge: d.int('tekun.elderly_age'),
        minorAge: d.int('tekun.minor_age'),
        deduction: d.fen('dibao.employment_deduction'),
        S,
        assetLimit: d.str('tekun.assets.test') === 'dibao_limit' ? d.int('dibao.assets.limit_months') * S : -1,
      },
      basic: roundTimes(basic, Sbasic, rounding),
      Sbasic,
      care: CAPACITY.map((k) => roundTimes(p.ratio(`tekun.care.min_wage_share.${k}`), W, rounding)),
      slot: p.slot('tekun'),
    };
  },
};

/** No supporter able to support (无法定义务人或其无履行能力): without it no one is tekun (the engine's screen reads it). */
export function unsupported(pop: Population, p: number): boolean {
  return pop.supporter[p] === 0;
}

/** Decides whether the member at position k is tekun; adds their monthly amount. */
export function tekunPerson(c: Ctx, r: TekunRules, k: number): boolean {
  const { pop } = c;
  const d = r.decide;
  const p = pop.members[k]!;
  const age = pop.age[p]!;
  const elderly = age >= d.elderlyAge;
  const minor = age < d.minorAge;
  const disabled = pop.disability[p]! >= 1;
  // 三无 + category: a category (elderly, disabled, minor) …
  const inCategory = elderly || disabled || minor;
  // … no labour capacity (无劳动能力) …
  const noLabour = elderly || minor || pop.labor[p] === NONE;
  // … no supporter able to support (无法定义务人或其无履行能力) …
  const noSupporter = unsupported(pop, p);
  // … and no source of living (无生活来源: inc(p) < S, and the property within the limit where one is set); the income
  // and the property are looked at only when the rest holds.
  const is = inCategory && noLabour && noSupporter && countedIncome(pop, p, d.deduction) < d.S && propertyWithin(c, d);
  const care = is ? tekunAmount(c, r, p) : 0;
  if (c.tr) trace(c, r, p, { inCategory, noLabour, noSupporter, is, care });
  return is;
}

/** The household's financial assets within tekun's limit (tekun.assets.test), or no test. */
const propertyWithin = (c: Ctx, d: TekunDecide): boolean => d.assetLimit < 0 || c.pop.assets[c.h]! <= d.assetLimit * (c.end - c.start);

/**
 * Adds tekun person p's monthly amount: round(multiplier × S) + the care share of their self-care; returns the care
 * part, which is also kept as a part of tekun's cost (parts.ts: persons cared for, their care a year).
 */
export function tekunAmount(c: Ctx, r: TekunRules, p: number): number {
  const care = r.care[c.pop.selfCare[p]!]!;
  const { out } = c;
  enter(out, r.slot);
  out.count[r.slot]!++;
  out.amount[r.slot]! += r.basic + care;
  if (care > 0) {
    out.partPersons[TEKUN_CARE]!++;
    out.partFen[TEKUN_CARE]! += yearOf(r.slot, care, 0);
  }
  return care;
}

/** What step 1 decided for person p, with every value it used (explain). Apart, so that tekunPerson stays small enough to inline. */
function trace(
  c: Ctx,
  r: TekunRules,
  p: number,
  d: { inCategory: boolean; noLabour: boolean; noSupporter: boolean; is: boolean; care: number },
): void {
  const { pop } = c;
  const { elderlyAge, minorAge, deduction } = r.decide;
  const S = r.decide.S;
  const basic = r.basic;
  // (the urban S, said where it is not the person's own: a rural tekun under tekun.basic.reference urban)
  const urban = r.Sbasic !== S;
  const { inCategory, noLabour, noSupporter, is, care } = d;
  const age = pop.age[p]!;
  const inc = countedIncome(pop, p, deduction);
  const noLiving = inc < S;
  const sc = CAPACITY[pop.selfCare[p]!]!;
  // the property test, where the policy has one (tekun.assets.test): the household's assets against the limit × persons
  const tested = r.decide.assetLimit >= 0;
  const assets = pop.assets[c.h]!;
  const limit = r.decide.assetLimit * (c.end - c.start);
  const property = tested ? ' ∧ financial_assets ≤ limit_months × S × persons' : '';
  c.tr!.record({
    step: '1',
    program: 'tekun',
    person: pop.personIds.at(p),
    clauses: CLAUSES,
    rule: `tekun ⇔ category (elderly, disabled or minor) ∧ no labour capacity ∧ inc(p) < S${property} ∧ no capable supporter; monthly = round(multiplier × ${urban ? 'S_urban' : 'S'}) + round(care share[self_care] × W)`,
    params: traceParams(STEP, c.area, {
      only: (is ? STEP.reads : DECIDES).filter((path) => tested || path !== 'dibao.assets.limit_months'),
      pick: { 'tekun.care.min_wage_share.': sc, ...(is && urban ? { 'dibao.standard.': [AREAS[c.area]!, 'urban'] } : {}) },
    }),
    values: [
      ['age', String(age)],
      ['disability_grade', String(pop.disability[p])],
      ['labor_capacity', CAPACITY[pop.labor[p]!]!],
      ['inc(p)', y(inc)],
      ['S', y(S)],
      ...(is && urban ? ([['S_urban', y(r.Sbasic)]] as [string, string][]) : []),
      ['has_capable_supporter', String(pop.supporter[p])],
      ...(tested
        ? ([
            ['financial_assets', y(assets)],
            ['limit_months × S × persons', y(limit)],
          ] as [string, string][])
        : []),
      ...(is
        ? ([
            ['basic', y(basic)],
            ['care', y(care)],
          ] as [string, string][])
        : []),
    ],
    checks: [
      check(
        'in a category: age ≥ elderly_age ∨ disability_grade ≥ 1 ∨ age < minor_age',
        `age ${age}, grade ${pop.disability[p]}`,
        'vs',
        `elderly ≥ ${elderlyAge}, minor < ${minorAge}`,
        inCategory,
        '属老年人、残疾人或未成年人（age ≥ elderly_age ∨ disability_grade ≥ 1 ∨ age < minor_age）',
        `${zhColumn('age')} ${age}，${zhColumn('disability_grade')} ${zhCode('disability_grade', pop.disability[p]!)}；老年人 ≥ ${elderlyAge} 岁，未成年人 < ${minorAge} 岁`,
      ),
      check(
        'no labour capacity: elderly ∨ minor ∨ labor_capacity = none',
        `age ${age}, labor_capacity ${CAPACITY[pop.labor[p]!]}`,
        'vs',
        `elderly ≥ ${elderlyAge}, minor < ${minorAge}`,
        noLabour,
        '无劳动能力（老年人 ∨ 未成年人 ∨ labor_capacity = none）',
        // ("年龄 82，有劳动能力 → 是" read as a contradiction: a tekun officer's trial — the column's value, and the rule's)
        `${zhColumn('age')} ${age}，所填${zhColumn('labor_capacity')}：${zhCode('labor_capacity', pop.labor[p]!)}；老年人（≥ ${elderlyAge} 岁）、未成年人（< ${minorAge} 岁）按无劳动能力`,
      ),
      check('no source of living: inc(p) < S', y(inc), '<', y(S), noLiving, '无生活来源（inc(p) < S）'),
      ...(tested
        ? [
            check(
              'property within the limit (tekun.assets.test): financial_assets ≤ limit_months × S × persons',
              y(assets),
              '≤',
              y(limit),
              assets <= limit,
              '财产符合特困人员财产状况规定（financial_assets ≤ limit_months × S × 人数）',
            ),
          ]
        : []),
      check(
        'no capable supporter (has_capable_supporter = 0)',
        `has_capable_supporter ${pop.supporter[p]}`,
        '=',
        '0',
        noSupporter,
        // (a 科长 read "无有履行能力的…（has_capable_supporter 1 = 0）")
        '无具备履行能力的法定赡养、抚养、扶养义务人（has_capable_supporter = 0）',
        // (the column is 有赡养人; a child's supporter is 抚养, a spouse's 扶养: all three, as the clause says)
        `${zhColumn('has_capable_supporter')}：${zhCode('has_capable_supporter', pop.supporter[p]!)}`,
        'has a capable supporter (has_capable_supporter = 1)',
      ),
    ],
    result: is ? `tekun: ${y(basic)} basic + ${y(care)} care = ${y(basic + care)} per month` : 'not tekun',
    zh: {
      rule: `特困 ⇔ 属老年人、残疾人或未成年人 ∧ 无劳动能力 ∧ 无生活来源（inc(p) < S${tested ? '，家庭人均金融资产不超过 limit_months × S' : ''}）∧ 无具备履行能力的法定义务人；每月 = round(倍数 × ${urban ? 'S_urban（城市低保标准）' : 'S'}) + round(照料护理比例[自理能力] × W)`,
      result: is ? `特困人员：基本生活 ${y(basic)} + 照料护理 ${y(care)} = 每月 ${y(basic + care)} 元` : '不属特困人员',
    },
  });
}
