// A check of a finding (true or false) reads as the finding: a researcher's explain --brief printed "not 低保边缘
// low-income: assets_ok: false = true → no", read as garbled; 中文 had been mended already.
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/report/explain-result.js';

const assets = { expr: 'assets_ok', lhs: 'false', op: '=', rhs: 'true', holds: false, zh: '家庭财产符合规定' };
const income = { expr: 'I < S × n', lhs: '6,206.84', op: '<', rhs: '3,400.02', holds: false, zh: '人均收入低于低保标准' };

describe('checkText', () => {
  it('a finding alone; a comparison with its two sides', () => {
    expect(checkText(assets, 'en', false)).toBe('assets_ok is false → no');
    expect(checkText({ ...assets, lhs: 'true', holds: true }, 'en', false)).toBe('assets_ok is true → yes');
    expect(checkText(assets, 'zh', false)).toBe('家庭财产符合规定 → 否');
    expect(checkText(income, 'en', false)).toBe('I < S × n: 6,206.84 < 3,400.02 → no');
  });
});
