// Step 9 — 资助参保 the resident medical-insurance premium of people in assisted groups, paid in full or in part.
// 000（七）: 健全医疗救助制度……做好分类资助参保和直接救助工作.
// 001（七）: 对符合条件的低收入人口参加城乡居民基本医疗保险个人缴费部分给予全额或定额资助.
// 003 §8: 全面落实资助重点救助对象参保缴费政策. 004 §6: 对符合条件的救助对象给予资助参保.
// Per person a year, by the person's group after take-up (groups.ts): min(premium, round(share × premium) + fixed).
import { fenToYuan as y, roundTimes, type Rounding } from '../money.js';
import { enter, type Ctx } from './context.js';
import { declineExtra, dibaoByAid, GROUP_NAMES, GROUP_READS, groupFlags, groupOf, groupSlots, type GroupSlots } from './groups.js';
import { traceParams, type Params, type Step } from './step.js';

export const CLAUSES = ['000（七）', '001（七）', '003 §8', '004 §6'];

export interface PremiumRules {
  /** The year's subsidy by group (GROUP_NAMES order; 0 for none), fen. */
  readonly byGroup: readonly number[];
  readonly premium: number;
  readonly groups: GroupSlots;
  readonly slot: number;
}

export const STEP: Step<PremiumRules> = {
  id: 'medical_premium',
  number: '9',
  reads: ['medical.premium', 'medical.subsidy.', 'medical.fixed.', 'rounding', ...GROUP_READS],
  uses: ['take_up'],
  scope: 'household',
  compile: (p: Params) => {
    const premium = p.fen('medical.premium');
    const rounding: Rounding = p.rounding();
    const byGroup = GROUP_NAMES.map((g) =>
      g === 'none' ? 0 : Math.min(premium, roundTimes(p.ratio(`medical.subsidy.${g}`), premium, rounding) + p.fen(`medical.fixed.${g}`)),
    );
    return { byGroup, premium, groups: groupSlots(p), slot: p.slot('medical_premium') };
  },
  run: medicalPremium,
  // a person's group (earlier steps); the group none is paid nothing
  reach: () => 'follows',
};

export function medicalPremium(c: Ctx, r: PremiumRules): void {
  const { out } = c;
  let persons = 0;
  let total = 0;
  const flags = groupFlags(c, r.groups); // the household's groups, read once
  for (let k = c.start; k < c.end; k++) {
    const g = groupOf(c, k - c.start, flags);
    const amount = r.byGroup[g]!;
    if (c.tr) trace(c, r, k, g, amount);
    if (amount <= 0) continue;
    enter(out, r.slot);
    out.count[r.slot]!++;
    out.amount[r.slot]! += amount;
    out.partPersons[g - 1]!++; // (by group: GROUP_NAMES' codes less none, PREMIUM_GROUPS' order: parts.ts)
    out.partFen[g - 1]! += amount;
    persons++;
    total += amount;
  }
  if (c.declinedGroups === 0) return;
  // What the groups not taken up would have added (the eligible figures).
  let ePersons = 0;
  let eTotal = 0;
  const eligibleFlags = groupFlags(c, r.groups, true);
  for (let k = c.start; k < c.end; k++) {
    const amount = r.byGroup[groupOf(c, k - c.start, eligibleFlags)]!;
    if (amount > 0) {
      ePersons++;
      eTotal += amount;
    }
  }
  declineExtra(c, r.slot, ePersons - persons, eTotal - total);
}

function trace(c: Ctx, r: PremiumRules, k: number, g: number, amount: number): void {
  const group = GROUP_NAMES[g]!;
  if (group === 'none') return;
  const aid = group === 'dibao' && c.single[k - c.start] !== 1 && dibaoByAid(c, r.groups);
  c.tr!.record({
    step: '9',
    program: 'medical_premium',
    person: c.pop.personIds.at(c.pop.members[k]!),
    clauses: CLAUSES,
    rule: 'subsidy = min(premium, round(share × premium) + fixed) for the person’s first group after take-up',
    params: traceParams(STEP, c.area, {
      only: [
        'medical.premium',
        `medical.subsidy.${group}`,
        `medical.fixed.${group}`,
        ...(aid ? GROUP_READS : []), // (in the dibao group by its rigid aid: the parameter that says so)
      ],
    }),
    values: [
      ['group', group],
      ['premium', y(r.premium)],
    ],
    checks: [],
    result: `${amount > 0 ? `${y(amount)} of the year’s premium paid` : 'no subsidy for this group'}${aid ? ' (the dibao group: its rigid aid is given as dibao, rigid.aid_group)' : ''}`,
    zh: {
      rule: '资助 = min(个人缴费, round(比例 × 个人缴费) + 定额)，按成员认定后的第一个类别',
      result: `${amount > 0 ? `资助个人缴费 ${y(amount)} 元（每年）` : '该类别无资助'}${aid ? '（刚性支出救助按低保给予，计入低保类别）' : ''}`,
    },
  });
}
