// explain's notes on has_capable_supporter (cli/explain-supporter.ts), the column that alone decides tekun for an elder,
// a minor or a disabled person without income (000（一）). A tekun officer's trial: an elder written without it read "not
// tekun: has a capable supporter (has_capable_supporter = 1)", the default unsaid; a 10-year-old given 0 beside a father
// earning 6,000 a month was tekun without a word. Nanning at 2025-06-30: S urban 810.
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

const notes = (describe: string, ...more: string[]) =>
  jiuzhu(['explain', '--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30', '--brief', ...more, '--describe', describe])
    .stderr.split('\n')
    .filter((l) => /has_capable_supporter/.test(l));

describe('has_capable_supporter in explain', () => {
  it('left out where it alone kept a person from tekun: said, with the default it took', () => {
    expect(notes('{area: urban, persons: [{person_id: a, age: 78}]}')).toEqual([
      'note: has_capable_supporter is not given for person a: the default 1 (a capable supporter) is what keeps them from tekun, every other condition holding — give 0 where no legal supporter able to support exists',
    ]);
    expect(notes('{area: urban, persons: [{person_id: a, age: 78}]}', '--lang', 'zh')).toEqual([
      '注：成员 a 未填 has_capable_supporter（有赡养、抚养、扶养人），按默认值 1（有）计，因此不属特困；其余特困条件均满足——确无具备履行能力的法定义务人的，请填 0',
    ]);
    // given (1), or not the only reason (a wage of 900 is not under S = 810: no source of living fails too), or not a
    // category (45, able to work): nothing said
    expect(notes('{area: urban, persons: [{person_id: a, age: 78, has_capable_supporter: 1}]}')).toEqual([]);
    expect(notes('{area: urban, persons: [{person_id: a, age: 78, wage_income: 900}]}')).toEqual([]);
    expect(notes('{area: urban, persons: [{person_id: a, age: 45}]}')).toEqual([]);
  });

  it('0 for a tekun person who lives with a working-age earner (18–59, a wage): said, naming the earner', () => {
    const kid = (other: string) => `{area: urban, persons: [{person_id: kid, age: 10, has_capable_supporter: 0}, ${other}]}`;
    expect(notes(kid('{person_id: dad, age: 40, wage_income: 6000}'))).toEqual([
      'note: person kid is tekun with has_capable_supporter 0, yet dad (age 40) in the household earns a wage of 6,000.00 a month: a parent, child or spouse living with them is a legal supporter (000（一）) — check the column',
    ]);
    expect(notes(kid('{person_id: dad, age: 40, wage_income: 6000}'), '--lang', 'zh')).toEqual([
      '注：成员 kid 以 has_capable_supporter 0 认定为特困，但同户的 dad（40 岁）有工资收入 6,000.00 元/月：同住的父母、子女或配偶是法定义务人（000（一））——请核对该列',
    ]);
    // a grandfather of 65 with a wage, a brother of 17, a father without a wage: no working-age earner
    for (const other of [
      '{person_id: g, age: 65, wage_income: 2000}',
      '{person_id: b, age: 17, wage_income: 800, has_capable_supporter: 1}',
      '{person_id: dad, age: 40, other_income: 500}',
    ])
      expect(notes(kid(other)), other).toEqual([]);
  });
});
