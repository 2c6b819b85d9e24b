// Step 10 — 困难残疾人生活补贴 the living subsidy for disabled people in hardship.
// 000（十二）: 落实困难残疾人生活补贴和重度残疾人护理补贴制度. 002 六: 推进……残疾人两项补贴.
// 003 §13: 鼓励有条件的地区将困难残疾人生活补贴延伸至低收入家庭.
// 004 §11: 健全残疾人两项补贴制度,有条件的地方可将困难残疾人生活补贴逐步扩大至低收入家庭残疾人及其他困难残疾人.
// 001（十二）: 鼓励有条件的地方将困难残疾人生活补贴……等帮扶措施延伸至最低生活保障边缘家庭成员等.
// Each person with disability_grade ≥ 1 who is not tekun and is in the dibao group (groups.ts) — or, where
// disability.living.low_income, in the low_income group — gets disability.living.monthly a month, where its household
// takes the disability subsidies up (take_up.disability: parameters/groups.ts).
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import {
  declineExtra,
  declinedDisability,
  DIBAO,
  disabilityTakeUp,
  takesDisability,
  type DisabilityTakeUp,
  GROUP_NAMES,
  groupSidesZh,
  GROUP_READS,
  groupFlags,
  groupOf,
  groupSlots,
  LOW_INCOME,
  type GroupSlots,
} from './groups.js';
import { traceParams, type Params, type Step } from './step.js';

export const CLAUSES = ['000（十二）', '002 六', '003 §13', '004 §11', '001（十二）'];

export interface LivingRules {
  readonly takeUp: DisabilityTakeUp;
  readonly monthly: number;
  readonly lowIncome: boolean;
  readonly groups: GroupSlots;
  readonly slot: number;
}

export const STEP: Step<LivingRules> = {
  id: 'disability_living',
  number: '10',
  reads: ['disability.living.monthly', 'disability.living.low_income', 'take_up.disability', ...GROUP_READS],
  uses: ['take_up'],
  scope: 'household',
  compile: (p: Params) => ({
    monthly: p.fen('disability.living.monthly'),
    lowIncome: p.bool('disability.living.low_income'),
    takeUp: disabilityTakeUp(p),
    groups: groupSlots(p),
    slot: p.slot('disability_living'),
  }),
  run: disabilityLiving,
  // the dibao or low_income group only (earlier steps)
  reach: () => 'follows',
};

export function disabilityLiving(c: Ctx, r: LivingRules): void {
  const { pop, out } = c;
  let persons = 0;
  let eligible = 0;
  // The household's groups, read once and only for a household with someone to pay (received; had it taken every group up).
  let flags = -1;
  let eligibleFlags = -1;
  const takes = takesDisability(c, r.takeUp);
  for (let k = c.start; k < c.end; k++) {
    if (pop.disability[pop.members[k]!]! < 1) continue;
    if (flags < 0) {
      flags = groupFlags(c, r.groups);
      eligibleFlags = c.declinedGroups === 0 ? flags : groupFlags(c, r.groups, true);
    }
    const g = groupOf(c, k - c.start, flags);
    const gets = takes && qualifies(r, g);
    if (c.tr) trace(c, r, k, g, gets, takes);
    if (c.declinedGroups !== 0 && qualifies(r, groupOf(c, k - c.start, eligibleFlags))) eligible++;
    if (!gets) continue;
    enter(out, r.slot);
    out.count[r.slot]!++;
    out.amount[r.slot]! += r.monthly;
    persons++;
  }
  // What the groups not taken up would have added (the eligible figures): a month's subsidy, twelve times.
  if (c.declinedGroups !== 0) declineExtra(c, r.slot, eligible - persons, 12 * r.monthly * (eligible - persons));
}

const qualifies = (r: LivingRules, g: number) => r.monthly > 0 && (g === DIBAO || (r.lowIncome && g === LOW_INCOME));

function trace(c: Ctx, r: LivingRules, k: number, g: number, gets: boolean, takes: boolean): void {
  const group = GROUP_NAMES[g]!;
  c.tr!.record({
    step: '10',
    program: 'disability_living',
    person: c.pop.personIds.at(c.pop.members[k]!),
    clauses: CLAUSES,
    rule: 'a disabled person (grade ≥ 1), not tekun, in the dibao group — or the low_income group where disability.living.low_income — gets disability.living.monthly',
    params: traceParams(STEP, c.area),
    values: [
      ['disability_grade', String(c.pop.disability[c.pop.members[k]!])],
      ['group', group],
    ],
    checks: [
      check(
        `in the dibao group${r.lowIncome ? ' or the low_income group' : ''}`,
        group,
        '∈',
        r.lowIncome ? '{dibao, low_income}' : '{dibao}',
        g === DIBAO || (r.lowIncome && g === LOW_INCOME),
        r.lowIncome ? '属低保或低保边缘对象' : '属低保对象',
        groupSidesZh(group, r.lowIncome ? ['dibao', 'low_income'] : ['dibao']),
      ),
      ...(takes || !qualifies(r, g) ? [] : [declinedDisability(c, r.takeUp.rate)]),
    ],
    result: gets
      ? `${y(r.monthly)} a month`
      : takes || !qualifies(r, g)
        ? 'no living subsidy'
        : 'no living subsidy: the household does not take the disability subsidies up',
    zh: {
      rule: '残疾人（等级 ≥ 1）、非特困、属低保对象（disability.living.low_income 时含低保边缘）：每月 disability.living.monthly',
      result: gets ? `每月 ${y(r.monthly)} 元` : takes || !qualifies(r, g) ? '无生活补贴' : '无生活补贴：家庭未申请残疾人两项补贴',
    },
  });
}
