// Step 11 — 重度残疾人护理补贴 the care subsidy for severely disabled people (grades 1 and 2).
// 000（十二）: 落实困难残疾人生活补贴和重度残疾人护理补贴制度. 003 §13: 推进重度残疾人护理补贴. 004 §11: ……将重度残疾人护理补贴扩大到非重度智力、
// 精神残疾人或其他残疾人 (not modelled: grades 1–2 only, as DOMAIN says).
// Each person with disability_grade 1 or 2 who is not tekun (tekun care covers them) gets
// disability.care.monthly.grade<N> a month: everyone under scope `all`; under `assisted`, only a person in the dibao,
// low_income or rigid group (groups.ts); in either, where its household takes the disability subsidies up
// (take_up.disability: parameters/groups.ts).
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import {
  declineExtra,
  declinedDisability,
  disabilityTakeUp,
  takesDisability,
  type DisabilityTakeUp,
  GROUP_NAMES,
  groupSidesZh,
  GROUP_READS,
  groupFlags,
  groupOf,
  groupSlots,
  NO_GROUP,
  TEKUN,
  type GroupSlots,
} from './groups.js';
import { traceParams, type Params, type Step } from './step.js';
import { FEATURE } from './screen.js';

export const CLAUSES = ['000（十二）', '003 §13', '004 §11'];

export interface CareRules {
  readonly takeUp: DisabilityTakeUp;
  /** By grade (index 1, 2), fen a month. */
  readonly byGrade: readonly number[];
  readonly all: boolean;
  readonly groups: GroupSlots;
  readonly slot: number;
}

export const STEP: Step<CareRules> = {
  id: 'disability_care',
  number: '11',
  reads: ['disability.care.monthly.', 'disability.care.scope', 'take_up.disability', ...GROUP_READS],
  uses: ['take_up'],
  scope: 'household',
  compile: (p: Params) => ({
    byGrade: [0, p.fen('disability.care.monthly.grade1'), p.fen('disability.care.monthly.grade2')],
    all: p.str('disability.care.scope') === 'all',
    takeUp: disabilityTakeUp(p),
    groups: groupSlots(p),
    slot: p.slot('disability_care'),
  }),
  run: disabilityCare,
  // scope all: every severe member who is not tekun; else the dibao, low_income and rigid groups (earlier steps)
  reach: (r) => (r.all ? { needs: FEATURE.severe } : 'follows'),
};

export function disabilityCare(c: Ctx, r: CareRules): void {
  const { pop, out } = c;
  let extraPersons = 0;
  let extra = 0;
  // The household's groups, read once and only for a household with someone to pay (received; had it taken every group up).
  let flags = -1;
  let eligibleFlags = -1;
  const takes = takesDisability(c, r.takeUp);
  for (let k = c.start; k < c.end; k++) {
    const grade = pop.disability[pop.members[k]!]!;
    if (grade !== 1 && grade !== 2) continue;
    if (flags < 0 && !r.all) {
      flags = groupFlags(c, r.groups);
      eligibleFlags = c.declinedGroups === 0 ? flags : groupFlags(c, r.groups, true);
    }
    // A tekun person is covered by tekun care, received or not (the layers follow eligibility).
    if (c.tekun[k - c.start]) {
      if (c.tr) trace(c, r, k, grade, TEKUN, false, true);
      continue;
    }
    const g = r.all ? NO_GROUP : groupOf(c, k - c.start, flags);
    const gets = takes && qualifies(r, grade, g);
    if (c.tr) trace(c, r, k, grade, g, gets, takes);
    if (c.declinedGroups !== 0 && !gets && qualifies(r, grade, r.all ? g : groupOf(c, k - c.start, eligibleFlags))) {
      extraPersons++;
      extra += r.byGrade[grade]!;
    }
    if (!gets) continue;
    enter(out, r.slot);
    out.count[r.slot]!++;
    out.amount[r.slot]! += r.byGrade[grade]!;
  }
  // What the groups not taken up would have added (the eligible figures): a month's subsidy, twelve times.
  if (extraPersons) declineExtra(c, r.slot, extraPersons, 12 * extra);
}

const qualifies = (r: CareRules, grade: number, g: number) => r.byGrade[grade]! > 0 && (r.all || (g !== NO_GROUP && g !== TEKUN));

function trace(c: Ctx, r: CareRules, k: number, grade: number, g: number, gets: boolean, takes: boolean): void {
  // A tekun-eligible person who did not take tekun up: still tekun here, as the layers follow eligibility (DOMAIN,
  // take-up); said so, where step 10 shows their group after take-up (none): the trace read as contradicting itself.
  const declined = g === TEKUN && (groupFlags(c, r.groups) & 1) === 0;
  c.tr!.record({
    step: '11',
    program: 'disability_care',
    person: c.pop.personIds.at(c.pop.members[k]!),
    clauses: CLAUSES,
    rule: 'a severely disabled person (grade 1, 2), not tekun, gets disability.care.monthly.grade<N>: everyone (scope all) or the dibao, low_income and rigid groups (assisted)',
    params: traceParams(STEP, c.area, { pick: { 'disability.care.monthly.': `grade${grade}` } }),
    values: [
      ['disability_grade', String(grade)],
      ['scope', r.all ? 'all' : 'assisted'],
      ...(r.all && g !== TEKUN
        ? []
        : ([['group', declined ? 'tekun (eligible, not taken up)' : GROUP_NAMES[g]!]] as Array<[string, string]>)),
    ],
    checks:
      g === TEKUN
        ? [
            check(
              'not tekun-eligible (tekun care covers the person, taken up or not: the layers follow eligibility)',
              declined ? 'tekun-eligible' : 'tekun', // (it read "tekun ≠ tekun → no": an auditor's trial)
              '∉',
              '{tekun, tekun-eligible}',
              false,
              '不符合特困条件（特困照料护理覆盖此人，无论是否申请）',
            ),
          ]
        : [
            ...(r.all
              ? []
              : [
                  check(
                    'in the dibao, low_income or rigid group',
                    GROUP_NAMES[g]!,
                    '∈',
                    '{dibao, low_income, rigid}',
                    qualifies(r, grade, g),
                    '属低保、低保边缘或刚性支出困难对象',
                    groupSidesZh(GROUP_NAMES[g]!, ['dibao', 'low_income', 'rigid']),
                  ),
                ]),
            ...(takes || !qualifies(r, grade, g) ? [] : [declinedDisability(c, r.takeUp.rate)]),
          ],
    result: gets
      ? `${y(r.byGrade[grade]!)} a month`
      : declined
        ? 'no care subsidy: tekun-eligible, so tekun care is theirs to take up (not taken up: not received)'
        : g === TEKUN
          ? 'no care subsidy: tekun care covers this person'
          : takes || !qualifies(r, grade, g)
            ? 'no care subsidy'
            : 'no care subsidy: the household does not take the disability subsidies up',
    zh: {
      rule: '重度残疾人（一级、二级）、非特困：每月 disability.care.monthly.grade<N>；范围为全体（scope all）或低保、低保边缘、刚性支出困难对象（assisted）',
      result: gets
        ? `每月 ${y(r.byGrade[grade]!)} 元`
        : declined
          ? '无护理补贴：符合特困条件，特困照料护理由其申请（未申请：不享受）'
          : g === TEKUN
            ? '无护理补贴：特困照料护理覆盖此人'
            : takes || !qualifies(r, grade, g)
              ? '无护理补贴'
              : '无护理补贴：家庭未申请残疾人两项补贴',
    },
  });
}
