// "did you mean" for an unknown key (io/yaml-nodes.ts didYouMean): the nearest name by edit distance, but a key that
// is the first word of one name gives that name (a cliff researcher's `wage` was offered `age`, not `wage_income`).
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/io/yaml-nodes.js';
import { parseHouseholdText } from '../../src/io/cases-file.js';

describe('didYouMean', () => {
  it('a first word names its one column; else the nearest within a third of the key', () => {
    const columns = ['age', 'area', 'wage_income', 'other_income', 'disability_grade'];
    expect(didYouMean('wage', columns)).toBe(' (did you mean "wage_income"?)');
    expect(didYouMean('disability', columns)).toBe(' (did you mean "disability_grade"?)');
    expect(didYouMean('ag', columns)).toBe(' (did you mean "age"?)');
    expect(didYouMean('salary', columns)).toBe('');
    // (a first word two names share is no answer: the nearest, as before)
    expect(didYouMean('a', ['a_b', 'a_c', 'b'])).toBe(' (did you mean "b"?)');
  });

  it('in a described household: --describe {persons: [{age: 35, wage: 1000}]}', () => {
    expect(() => parseHouseholdText('{area: urban, persons: [{age: 35, wage: 1000}]}', '--describe')).toThrow(
      /did you mean "wage_income"\?/,
    );
  });
  // A QA trial: a person's unknown key offered area, 城乡 and weight (a household's), and a household's offered age
  it('offers a person’s keys in a person, a household’s in a household (the other level’s are told where they belong)', () => {
    const said = (text: string) => {
      try {
        parseHouseholdText(text, '--describe');
      } catch (e) {
        return (e as { problems: Array<{ message: string }> }).problems.map((p) => p.message).join('\n');
      }
      return '';
    };
    const person = said('{area: urban, persons: [{age: 35, wagee: 100}]}');
    expect(person).toMatch(/unknown key "wagee" in a person .*expected one of age, 年龄, wage_income/);
    expect(person).not.toMatch(/expected one of .*\b(area|weight|城乡)\b/);
    const household = said('{areaa: urban, persons: [{age: 35}]}');
    expect(household).toMatch(/expected one of area, 城乡, .*persons, 成员, 家庭成员$/m);
    expect(household).not.toMatch(/expected one of .*\b(age|wage_income)\b/);
    expect(said('{area: urban, persons: [{age: 35, 城乡: 城镇}]}')).toContain("area is the household's (the same for every member)");
  });
  // A QA trial: an alias of a person (&a … *a) was "expected a person", where an alias of a household was read
  it('reads an alias of a person as that person again (its id, if it has one, then twice)', () => {
    const h = parseHouseholdText('{area: urban, persons: [&a {age: 35, wage_income: 100}, *a]}', '--describe');
    expect(h.persons.map((p) => [p.id, p.age, p.wage])).toEqual([
      ['p1', 35, 10000],
      ['p2', 35, 10000],
    ]);
    expect(() => parseHouseholdText('{area: urban, persons: [&a {person_id: x, age: 35}, *a]}', '--describe')).toThrow(
      /person_id "x" is person 1's too/,
    );
  });
});
