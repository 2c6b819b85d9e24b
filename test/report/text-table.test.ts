// The tables' counts for people: whole households and persons, and none that is not nothing shown as 0.
import { describe, expect, it } from 'vitest';
import { displayWidth, groupCount, truncateMiddle } from '../../src/report/text-table.js';

describe('groupCount', () => {
  it('rounds half up to whole households, digits grouped', () => {
    expect(['0', '1.5', '1234.4', '1234.5', '179341.000000'].map(groupCount)).toEqual(['0', '2', '1,234', '1,235', '179,341']);
  });

  it('gives a year’s average under one household or person as "<1", not "0" beside its cost, nor "1"', () => {
    // one household of two paid 3 months of 12 (a gradual exit): 0.25 households and 0.5 persons on average over the
    // year — "<1" both, not "<1" households of "1" person (a 科长's trial)
    expect(['0.25', '0.5', '0.999999', '0.000001', '0.0', '1.0'].map(groupCount)).toEqual(['<1', '<1', '<1', '<1', '0', '1']);
  });
});

describe('truncateMiddle', () => {
  it('keeps an id’s start and end within the width, 中文 two columns each (ids alike at the start stay apart)', () => {
    // 16 columns into 14: the start and the end, alternately, as the width allows (…: one column)
    expect(truncateMiddle('欧阳修远家庭户31', 14)).toBe('欧阳修…庭户31');
    expect(truncateMiddle('欧阳修远家庭户32', 14)).toBe('欧阳修…庭户32');
    expect(displayWidth(truncateMiddle('欧阳修远家庭户31', 14))).toBeLessThanOrEqual(14);
    expect(truncateMiddle('H000123', 16)).toBe('H000123');
    expect(truncateMiddle('household-0000000001234', 12)).toBe('househ…01234');
  });
});
