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
        ' — rigid-expenditure aid ends where the household qualifies for dibao (which may pay less, or not be taken up):' +
        ' step 4 deducts rigid expenditure only for a household not on dibao (002 三; DOMAIN step 4) — on dibao its outlays are not counted, so the aid begins where dibao ends;' +
        ' single-person dibao ends where the household qualifies for dibao (which may pay less, or not be taken up):' +
        ' step 5 includes a member alone only where the household is not on dibao (000（四）; DOMAIN step 5), and the household’s gap S × n − I can be less than the member’s own with the supplement',
    );
    expect(losersByWords(by, 'zh', ['rigid_aid', 'single_person'])).toMatch(
      /1,110 户（家庭符合低保即不再给予刚性支出救助（低保可能更少或未申领）：第 4 步.*；家庭符合低保即不再给予单人户施保（低保可能更少或未申领）：第 5 步/,
    );
    expect(losersByWords([['低保 dibao', '1']], 'en', ['dibao'])).toBe(
      '  the losers by the program they lose most in: 低保 dibao 1 (households)',
    );
  });
});
