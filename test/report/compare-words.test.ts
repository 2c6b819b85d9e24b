// compare's sentences: the losers of a more generous reform, by the program they lose most in, with why the rules end
// those programs (a county clerk's +10 % standards made 42 losers of single-person dibao, unexplained).
import { describe, expect, it } from 'vitest';
import { losersByWords } from '../../src/report/compare-words.js';

describe('losersByWords', () => {
  it('says why rigid-expenditure aid and single-person dibao end (steps 4 and 5), in either language; nothing for others', () => {
    const by = [['刚性支出救助 rigid-expenditure aid', '3,329'] as const, ['单人户施保 single-person dibao', '1,110'] as const];
    const en = losersByWords(by, 'en', ['rigid_aid', 'single_person']);
    expect(en).toBe(
      '  the losers by the program they lose most in: 刚性支出救助 rigid-expenditure aid 3,329 · 单人户施保 single-person dibao 1,110 (households)' +
        ' — rigid-expenditure aid ends where the household qualifies for dibao (step 4), which may pay less or be declined;' +
        ' a member included alone leaves single-person dibao as the whole household qualifies (step 5): the household’s gap S × n − I can be less than hers with the supplement',
    );
    expect(losersByWords(by, 'zh', ['rigid_aid', 'single_person'])).toMatch(
      /1,110 户（家庭符合低保即不再给予刚性支出救助（第 4 步）.*；全家纳入低保后不再单人户施保（第 5 步）/,
    );
    expect(losersByWords([['低保 dibao', '1']], 'en', ['dibao'])).toBe(
      '  the losers by the program they lose most in: 低保 dibao 1 (households)',
    );
  });
});
