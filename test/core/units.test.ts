// The parameters' units in 中文 (core/parameters/units.ts): every unit a parameter has is said in 中文, but the symbols
// (× S, × 12 S_urban, × S_ref), which read the same; params --lang zh gives them (a county officer read "yuan/person/month").
import { describe, expect, it } from 'vitest';
import { unitZh } from '../../src/core/parameters/units.js';
import { PARAMS } from '../../src/core/parameters/schema.js';
import { jiuzhu } from '../helpers/cli.js';

describe('a parameter’s unit in 中文', () => {
  it('is given for every unit but the symbols', () => {
    const units = [...new Set(PARAMS.map((p) => p.unit))].filter((u) => u && !u.startsWith('×'));
    expect(units.filter((u) => unitZh(u) === u)).toEqual([]);
    expect(unitZh('× 12 S_urban')).toBe('× 12 S_urban');
  });

  it('is the params table’s under --lang zh', () => {
    const zh = jiuzhu(['params', '--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30', '--lang', 'zh']).stdout;
    expect(zh).toMatch(/^dibao\.standard\.urban\s.*\s元\/人\/月\s+2022-04-01/m);
    expect(zh).not.toContain('yuan/person/month');
  });
});
