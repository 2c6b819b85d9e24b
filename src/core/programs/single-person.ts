// Step 5 — 单人户: single-person inclusion of severely disabled or seriously ill members.
// 000（四）: 对家庭人均收入高于当地低保标准但低于当地低保标准２倍，且财产状况符合规定的低收入家庭中的重度残疾人、
//   重病患者等特殊困难人员，依申请按“单人户”纳入低保范围。 002 一/二: 1.5倍. 003 §7: 单独纳入低保. 004 §3.
// Where not dibao, no rigid aid, assets_ok and I < income_ceiling × S × n (I ≤ where the policy's words are 以下:
// single_person.bound at_or_below — 003 §7's 低收入家庭 are §1's 1.5倍以下): each member of R who is severe or ill
// enters dibao alone with round(max(0, S − inc(p))) or round(benefit_share × S); the dibao supplement (step 3's
// module) follows. Under gap_own_income a member whose own counted income is not under S needs nothing and does not
// enter (DOMAIN step 5 as amended: before, such a member entered with 0.00 and drew the supplement).
import { fenToYuan as y, roundFen, roundTimes, toRatio, underLine, type Ratio, type Rounding } from '../money.js';
import { check } from '../trace.js';
import { countedIncome, enter, isSevere, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';
import { FEATURE } from './screen.js';

export const CLAUSES = ['000（四）', '002 一', '002 二', '003 §7', '004 §3'];

export interface SingleRules {
  readonly ceiling: Ratio;
  /** single_person.bound is `at_or_below` (以下): a family exactly at the ceiling is included. */
  readonly atLine: boolean;
  readonly byShare: boolean;
  /** round(benefit_share × S), fen, under `share_of_standard`. */
  readonly shareAmount: number;
  readonly S: number;
  readonly deduction: number;
  readonly rounding: Rounding;
  readonly slot: number;
}

export const STEP: Step<SingleRules> = {
  id: 'single_person',
  number: '5',
  reads: [
    'single_person.income_ceiling',
    'single_person.benefit',
    'single_person.benefit_share',
    'single_person.bound',
    'dibao.standard.',
    'dibao.employment_deduction',
    'rounding',
  ],
  uses: ['rigid_aid'],
  scope: 'rest',
  compile: (p: Params) => {
    const rounding = p.rounding();
    const S = p.fen(p.here('dibao.standard.'));
    const byShare = p.str('single_person.benefit') === 'share_of_standard';
    const share = byShare ? p.optionalDec('single_person.benefit_share') : null;
    return {
      ceiling: p.ratio('single_person.income_ceiling'),
      atLine: p.str('single_person.bound') === 'at_or_below',
      byShare,
      shareAmount: share ? roundTimes(toRatio(share), S, rounding) : 0,
      S,
      deduction: p.fen('dibao.employment_deduction'),
      rounding,
      slot: p.slot('single_person'),
    };
  },
  run: singlePerson,
  // a severe or ill member, and I < income_ceiling × S × n (at_or_below: a fen a person higher reaches the line too)
  reach: (r) => ({ needs: FEATURE.severeOrIll, line: { num: r.ceiling.num * r.S + (r.atLine ? 1 : 0), den: r.ceiling.den } }),
  notWhere: {
    program: 'dibao',
    why: 'step 5 includes a member alone only where the household is not on dibao (000（四）; DOMAIN step 5), and the household’s gap S × n − I can be less than the member’s own with the supplement',
    zh: '第 5 步只在全家不在低保时单独纳入成员（000（四）；DOMAIN 第 5 步），全家差额 S × n − I 可能少于原单人保障加分类施保',
  },
};

export function singlePerson(c: Ctx, r: SingleRules): void {
  if (c.isDibao || c.rigidAid || !c.assetsOk) return;
  const { pop, n, I } = c;
  const S = r.S;
  const below = underLine(I, r.ceiling, S * n, r.atLine);
  if (c.tr) traceHousehold(c, r, below);
  if (!below) return;
  const { out } = c;
  for (let k = c.start; k < c.end; k++) {
    if (c.tekun[k - c.start]) continue;
    const p = pop.members[k]!;
    if (!isSevere(pop, p) && !pop.ill[p]) continue;
    const inc = countedIncome(pop, p, r.deduction);
    if (!r.byShare && inc >= S) {
      if (c.tr) tracePerson(c, r, p, inc, -1);
      continue;
    }
    const benefit = r.byShare ? r.shareAmount : roundFen(S - inc, 1, r.rounding);
    enter(out, r.slot);
    out.count[r.slot]!++;
    out.amount[r.slot]! += benefit;
    c.single[k - c.start] = 1;
    c.singles++;
    if (c.tr) tracePerson(c, r, p, inc, benefit);
  }
}

/** Step 5's household test, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function traceHousehold(c: Ctx, r: SingleRules, below: boolean): void {
  const { n, I } = c;
  const Sn = r.S * n;
  c.tr!.record({
    step: '5',
    program: 'single_person',
    clauses: CLAUSES,
    rule: `where not dibao, no rigid aid, assets_ok and I ${r.atLine ? '≤' : '<'} income_ceiling × S × n, severe or ill members enter dibao alone${r.atLine ? ' (以下: the ceiling itself included)' : ''}`,
    params: traceParams(STEP, c.area, { only: ['single_person.income_ceiling', 'single_person.bound', 'dibao.standard.'] }),
    values: [
      ['I', y(I)],
      ['S × n', y(Sn)],
      ['income_ceiling', String(r.ceiling.num / r.ceiling.den)],
    ],
    checks: [
      check(
        `I ${r.atLine ? '≤' : '<'} income_ceiling × S × n`,
        y(I),
        r.atLine ? '≤' : '<',
        `${y(Sn)} × ${r.ceiling.num / r.ceiling.den}`,
        below,
        `家庭收入${r.atLine ? '不高于' : '低于'}单人户施保的收入上限（I ${r.atLine ? '≤' : '<'} income_ceiling × S × n）`,
      ),
    ],
    result: below ? 'household within the ceiling' : 'household above the ceiling: no single-person inclusion',
    zh: {
      rule: `未获低保、无刚性支出救助、财产符合且 I ${r.atLine ? '≤' : '<'} income_ceiling × S × n 的家庭，其重度残疾或重病成员可单独纳入低保`,
      result: below ? '家庭收入在上限以内' : '家庭收入超过上限：不予单人户施保',
    },
  });
}

/** A member entering dibao alone (step 5), or (benefit −1) one whose own income needs nothing, with the values used (explain). */
function tracePerson(c: Ctx, r: SingleRules, p: number, inc: number, benefit: number): void {
  c.tr!.record({
    step: '5',
    program: 'single_person',
    person: c.pop.personIds.at(p),
    clauses: CLAUSES,
    rule: r.byShare ? 'benefit = round(benefit_share × S)' : 'a member with inc(p) < S enters with round(S − inc(p))',
    params: traceParams(STEP, c.area, {
      only: [r.byShare ? 'single_person.benefit_share' : 'single_person.benefit', 'dibao.standard.', 'rounding'],
    }),
    values: [
      ['inc(p)', y(inc)],
      ['S', y(r.S)],
    ],
    checks: r.byShare ? [] : [check('inc(p) < S', y(inc), '<', y(r.S), benefit >= 0, '本人收入低于低保标准（inc(p) < S）')],
    result: benefit >= 0 ? `enters dibao alone: ${y(benefit)} per month` : 'own income not under S: does not enter',
    zh: {
      rule: r.byShare ? '低保金 = round(benefit_share × S)' : '本人收入 inc(p) < S 的成员单独纳入，每月 round(S − inc(p))',
      result: benefit >= 0 ? `单独纳入低保：每月 ${y(benefit)} 元` : '本人收入不低于低保标准：不纳入',
    },
  });
}
