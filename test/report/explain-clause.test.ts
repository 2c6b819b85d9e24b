// explain's short form of a clause (report/explain.ts shortClause): its label, not its quoted text.
import { describe, expect, it } from 'vitest';
import { shortClause } from '../../src/report/explain.js';

describe('shortClause', () => {
  it('keeps the label and drops the quoted text, and a colon that ends the label', () => {
    expect(shortClause('（五）将未成年人年龄从16周岁延长至18周岁')).toBe('（五）');
    expect(shortClause('§3 特困人员')).toBe('§3');
    expect(shortClause('第十四条 科学制定')).toBe('第十四条');
    // (Fuliang's premium clause: an author's trial read "[gz-premium-2022 低保对象定额资助:]")
    expect(shortClause('低保对象定额资助: the fixed amount, below')).toBe('低保对象定额资助');
    expect(shortClause('特困人员全额资助')).toBe('特困人员全额资助');
    expect(shortClause(':')).toBe(':');
  });
});
