// Step 1 — 特困人员 tekun (extreme-poverty persons), per person.
// 000（一）: 对无劳动能力、无生活来源、无法定赡养抚养扶养义务人或者其法定义务人无履行义务能力的城乡老年人、
//   残疾人、未成年人，给予特困人员救助供养。
// 000（五）/ 002 四 / 003 §7 / 004 §3: 未成年人年龄从16周岁延长至18周岁 (tekun.minor_age).
// 003 §14 ≥ 1.6 × S; 004 §4 ≥ 1.3 × S (tekun.basic.multiplier). 002 四: 全护理 ≥ 70% 最低工资 (care share).
import { fenToYuan as y } from '../money.js';
import { CAPACITY, NONE } from '../columns.js';
import type { Rules } from '../rules.js';
import { check } from '../trace.js';
import { countedIncome, type Ctx } from './context.js';

export const CLAUSES = ['000（一）', '000（五）', '002 四', '003 §7', '003 §14', '004 §3', '004 §4'];

/** Decides whether the member at position k is tekun; adds their monthly amount. */
export function tekunPerson(c: Ctx, k: number): boolean {
  const { pop, rules, A } = c;
  const p = pop.members[k]!;
  const age = pop.age[p]!;
  const elderly = age >= rules.tekunElderlyAge;
  const minor = age < rules.minorAge;
  const disabled = pop.disability[p]! >= 1;
  // 三无 + category: a category (elderly, disabled, minor) …
  const inCategory = elderly || disabled || minor;
  // … no labour capacity (无劳动能力) …
  const noLabour = elderly || minor || pop.labor[p] === NONE;
  // … no supporter able to support (无法定义务人或其无履行能力) …
  const noSupporter = pop.supporter[p] === 0;
  // … and no source of living (无生活来源: inc(p) < S); the income is looked at only when the rest holds.
  const is = inCategory && noLabour && noSupporter && countedIncome(pop, p, rules.deduction) < A.S;
  const care = is ? tekunAmount(c, p) : 0;
  if (c.tr) trace(c, p, { inCategory, noLabour, noSupporter, is, care });
  return is;
}

/** Adds tekun person p's monthly amount: round(multiplier × S) + the care share of their self-care; returns the care part. */
export function tekunAmount(c: Ctx, p: number): number {
  const care = c.rules.tekunCare[c.pop.selfCare[p]!]!;
  c.out.tekunPersons++;
  c.out.tekun += c.A.tekunBasic + care;
  return care;
}

/**
 * Step 1 decides alike under both rules (the same ages, deduction and S; the amounts may differ), and so does step
 * 2 (the same asset limit): a run may then take over another's findings for a household (engine.ts). Every rule
 * that tekunPerson's test or restOfHousehold (rest.ts) reads must be compared here.
 */
export function sameFirstSteps(a: Rules, b: Rules): boolean {
  return (
    a.tekunElderlyAge === b.tekunElderlyAge &&
    a.minorAge === b.minorAge &&
    a.deduction === b.deduction &&
    a.areas.every((x, i) => x.S === b.areas[i]!.S && x.assetLimitPerPerson === b.areas[i]!.assetLimitPerPerson)
  );
}

/** What step 1 decided for person p, with every value it used (explain). Apart, so that tekunPerson stays small enough to inline. */
function trace(c: Ctx, p: number, d: { inCategory: boolean; noLabour: boolean; noSupporter: boolean; is: boolean; care: number }): void {
  const { pop, rules, A } = c;
  const { inCategory, noLabour, noSupporter, is, care } = d;
  const age = pop.age[p]!;
  const inc = countedIncome(pop, p, rules.deduction);
  const noLiving = inc < A.S;
  const sc = CAPACITY[pop.selfCare[p]!]!;
  c.tr!.record({
    step: '1',
    program: 'tekun',
    person: pop.personIds.at(p),
    clauses: CLAUSES,
    rule: 'tekun ⇔ category (elderly, disabled or minor) ∧ no labour capacity ∧ inc(p) < S ∧ no capable supporter; monthly = round(multiplier × S) + round(care share[self_care] × W)',
    params: [
      'tekun.elderly_age',
      'tekun.minor_age',
      `dibao.standard.${A.area}`,
      'dibao.employment_deduction',
      ...(is ? ['tekun.basic.multiplier', `tekun.care.min_wage_share.${sc}`, 'min_wage.monthly', 'rounding'] : []),
    ],
    values: [
      ['age', String(age)],
      ['disability_grade', String(pop.disability[p])],
      ['labor_capacity', CAPACITY[pop.labor[p]!]!],
      ['inc(p)', y(inc)],
      ['S', y(A.S)],
      ['has_capable_supporter', String(pop.supporter[p])],
      ...(is
        ? ([
            ['basic', y(A.tekunBasic)],
            ['care', y(care)],
          ] as [string, string][])
        : []),
    ],
    checks: [
      check(
        'in a category: age ≥ elderly_age ∨ disability_grade ≥ 1 ∨ age < minor_age',
        `age ${age}, grade ${pop.disability[p]}`,
        'vs',
        `elderly ≥ ${rules.tekunElderlyAge}, minor < ${rules.minorAge}`,
        inCategory,
      ),
      check(
        'no labour capacity: elderly ∨ minor ∨ labor_capacity = none',
        `age ${age}, labor_capacity ${CAPACITY[pop.labor[p]!]}`,
        'vs',
        `elderly ≥ ${rules.tekunElderlyAge}, minor < ${rules.minorAge}`,
        noLabour,
      ),
      check('no source of living: inc(p) < S', y(inc), '<', y(A.S), noLiving),
      check('no capable supporter', String(pop.supporter[p]), '=', '0', noSupporter),
    ],
    result: is ? `tekun: ${y(A.tekunBasic)} basic + ${y(care)} care = ${y(A.tekunBasic + care)} per month` : 'not tekun',
  });
}
