// The TUI's screen text (ui/format.ts): an explain trace's long lines wrapped to the screen (they were cut, the rest
// unreadable: an interactive QA trial).
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapLine } from '../../src/report/text-table.js';

describe('wrapLine', () => {
  it('keeps a line that fits; breaks a longer one after a space, the rest indented two past its own indent', () => {
    expect(wrapLine('  values  age = 35', 40)).toEqual(['  values  age = 35']);
    const line = '  values  age = 35 · wage_income = 1,200.00 · other_income = 0.00 · S = 405.00 · n = 3';
    const lines = wrapLine(line, 40);
    expect(lines).toEqual(['  values  age = 35 · wage_income =', '    1,200.00 · other_income = 0.00 · S =', '    405.00 · n = 3']);
    expect(lines.every((l) => displayWidth(l) <= 40)).toBe(true);
    // nothing lost: the words, in order
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(lines.join(' '))).toEqual(words(line));
  });

  it('counts 中文 as two columns, and breaks a word longer than the screen where it must', () => {
    const zh = wrapLine('特困人员基本生活标准 特困人员基本生活标准 特困人员基本生活标准', 24);
    expect(zh.every((l) => displayWidth(l) <= 24)).toBe(true);
    expect(zh.join('').replace(/\s/g, '')).toBe('特困人员基本生活标准'.repeat(3));
    const long = wrapLine('x'.repeat(50), 20);
    expect(long.map((l) => l.trim().length)).toEqual([20, 18, 12]);
  });

  it('breaks a 中文 list after its punctuation, not inside a name or a code (a cliff footnote cut "dibao.suppl|ement")', () => {
    const codes = ['dibao.gradual_exit.months', 'dibao.supplement.elderly', 'rounding', 'take_up.low_income'];
    const line = `* 标 * 的项目用了估计参数：低保渐退期（${codes[0]}），分类施保：老年人（${codes[1]}），金额取整方式（${codes[2]}），低保边缘申请（认定）率（${codes[3]}）`;
    const lines = wrapLine(line, 50);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => displayWidth(l) <= 50)).toBe(true);
    // each line but the last ends after its punctuation (it was cut wherever the width ran out)
    for (const l of lines.slice(0, -1)) expect(l, l).toMatch(/[，；、。]$|参数：$/u);
    for (const c of codes)
      expect(
        lines.some((l) => l.includes(c)),
        c,
      ).toBe(true);
    // nor inside a 中文 name that holds a colon, where a comma is there to break after
    expect(lines.some((l) => l.includes('分类施保：老年人'))).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(line.replace(/\s/g, ''));
  });
});

// A TUI trial: 13,299 hh → 14,542 hh shown as +1,243 where compare said +1,242 (the counts rounded, then subtracted)
describe('signedCount', () => {
  it('rounds the exact change, as compare does', async () => {
    const { signedCount } = await import('../../src/ui/format.js');
    // 14541.6 − 13299.4 = 1242.2 → +1,242 (rounded first: 14,542 − 13,299 = +1,243)
    expect(signedCount('13299.4', '14541.6')).toBe('+1,242');
    expect(signedCount('10.5', '10')).toBe('−1'); // −0.5, half up away from zero
    expect(signedCount('7.2', '7.4')).toBe('0');
  });

  // (the charts' decile changes were written "-12" beside every other figure's "−", and −0.3 as "-0")
  it('signedWhole: a decile’s mean change with the minus sign every figure has, grouped; under a half, 0', async () => {
    const { signedWhole } = await import('../../src/ui/format.js');
    expect([-12.4, -0.3, 0, 0.5, 1204.49, -12345.5].map((v) => signedWhole(v))).toEqual(['−12', '0', '0', '+1', '+1,204', '−12,346']);
  });
});

// A TUI trial read "−0.0 −0.0%" (the care subsidy 300 yuan lower on a 100k file) as a sign error
describe('signedMoney and signedPct', () => {
  it('a change under the last digit shown is "<0.1", signed; none is 0 (+0.0%); the rest rounded', async () => {
    const { signedMoney, signedPct } = await import('../../src/ui/format.js');
    expect([signedMoney('22800000', '22799700'), signedPct('22800000', '22799700')]).toEqual(['−<0.1', '−<0.1%']);
    expect([signedMoney('22800000', '22800300', 'wan'), signedMoney('22800000', '22810000', 'wan')]).toEqual(['+<1', '+1']);
    expect([signedMoney('100', '100'), signedPct('100', '100')]).toEqual(['0', '+0.0%']);
    expect([signedMoney('447930605.80', '525130605.80'), signedPct('447930605.80', '525130605.80')]).toEqual(['+77.2', '+17.2%']);
  });
});
