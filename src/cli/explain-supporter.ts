// explain's notes on has_capable_supporter, the one column that alone decides tekun for an elder, a minor or a disabled
// person without income (000（一）: 无法定赡养抚养扶养义务人或者其法定义务人无履行义务能力). A tekun officer's trial: an
// elder written without it was "not tekun: has a capable supporter (has_capable_supporter = 1)", the default unsaid; and
// a 10-year-old given 0 beside a father earning 6,000 a month was tekun without a word.
import type { Explanation } from '../core/explain.js';
import { fenToYuan } from '../core/money.js';
import { groupDigits } from '../report/text-table.js';
import type { Population } from '../core/population.js';
import type { Lang } from '../report/lang.js';

const SUPPORTER_CHECK = 'no capable supporter';

/**
 * The notes: a person whose tekun turned on the supporter alone where `unsaid` (the persons a described household
 * wrote without the column) holds them; a tekun person living with a working-age earner (18–59, wage > 0).
 */
export function supporterNotes(e: Explanation, pop: Population, unsaid: ReadonlySet<string>, lang: Lang): string[] {
  const zh = lang === 'zh';
  const [start, end] = [pop.offsets[e.household]!, pop.offsets[e.household + 1]!];
  const notes: string[] = [];
  for (const s of e.steps) {
    if (s.program !== 'tekun' || s.person === undefined) continue;
    const failed = s.checks.filter((c) => !c.holds);
    if (failed.length === 1 && failed[0]!.expr.startsWith(SUPPORTER_CHECK) && unsaid.has(s.person))
      notes.push(
        zh
          ? `注：成员 ${s.person} 未填 has_capable_supporter（有赡养、抚养、扶养人），按默认值 1（有）计，因此不属特困；其余特困条件均满足——确无具备履行能力的法定义务人的，请填 0`
          : `note: has_capable_supporter is not given for person ${s.person}: the default 1 (a capable supporter) is what keeps them from tekun, every other condition holding — give 0 where no legal supporter able to support exists`,
      );
    if (failed.length === 0) {
      const earner = earnerBeside(pop, start, end, s.person);
      if (earner)
        notes.push(
          zh
            ? `注：成员 ${s.person} 以 has_capable_supporter 0 认定为特困，但同户的 ${earner.id}（${earner.age} 岁）有工资收入 ${groupDigits(fenToYuan(earner.wage))} 元/月：同住的父母、子女或配偶是法定义务人（000（一））——请核对该列`
            : `note: person ${s.person} is tekun with has_capable_supporter 0, yet ${earner.id} (age ${earner.age}) in the household earns a wage of ${groupDigits(fenToYuan(earner.wage))} a month: a parent, child or spouse living with them is a legal supporter (000（一）) — check the column`,
        );
    }
  }
  return notes;
}

/** A member of [start, end) other than `person`, aged 18–59 with a wage (the generator's working-age earner), or null. */
function earnerBeside(pop: Population, start: number, end: number, person: string): { id: string; age: number; wage: number } | null {
  for (let k = start; k < end; k++) {
    const p = pop.members[k]!;
    const id = pop.personIds.at(p);
    const age = pop.age[p]!;
    if (id !== person && age >= 18 && age < 60 && pop.wage[p]! > 0) return { id, age, wage: pop.wage[p]! };
  }
  return null;
}
