// params --format table: at a terminal, within its width (a source ran the table ~1,000 columns wide); in a file or a
// pipe, one line per parameter.
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/core/parameters/schema.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { paramsTable } from '../../src/report/params.js';
import { displayWidth } from '../../src/report/text-table.js';

describe('the parameters table', () => {
  it('at a terminal 100 columns wide: no line wider, each 中文 name, range and source under its row, whole', async () => {
    const s = resolve(await loadPolicy('policies/guangxi-nanning.yaml'), '2025-06-30');
    const wide = paramsTable(s);
    const lines = wide.trimEnd().split('\n');
    expect(lines.length).toBe(PARAMS.length + 4); // title, header, rule, a line each, the estimates' footnote
    expect(Math.max(...lines.map(displayWidth))).toBeGreaterThan(500);
    const narrow = paramsTable(s, 100);
    expect(Math.max(...narrow.split('\n').map(displayWidth))).toBeLessThanOrEqual(100);
    const flat = narrow.replace(/\n\s+/g, ' ');
    expect(flat).toContain('人均金融资产上限（月数） · range 范围 12–36 · ESTIMATE: no Nanning asset rule found');
    expect(flat).toContain('rounded half up to the fen (12 × 566.67 = 6800.04)'); // (the source whole, not cut)
  });
});
