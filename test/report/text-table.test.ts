// The tables' counts for people: whole households and persons, and none that is not nothing shown as 0.
import { describe, expect, it } from 'vitest';
import { groupCount } from '../../src/report/text-table.js';

describe('groupCount', () => {
  it('rounds half up to whole households, digits grouped', () => {
    expect(['0', '0.5', '1234.4', '1234.5', '179341.000000'].map(groupCount)).toEqual(['0', '1', '1,234', '1,235', '179,341']);
  });

  it('gives a year’s average under half a household as "<1", not "0" beside its cost', () => {
    // one household paid 3 months of 12 (a gradual exit): 0.25 on average over the year
    expect(['0.25', '0.000001', '0.0'].map(groupCount)).toEqual(['<1', '<1', '0']);
  });
});
