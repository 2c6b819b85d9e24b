// Markdown that renders as written: in GitHub's and CommonMark's tables, a line right under a table's rows is one
// more row of it (GFM spec, "Tables (extension)": the table ends at the first blank line or another block), so every
// table ends at a blank line. A 科长's trial found who pays's footnote ("* the 6 funding shares that are estimates …")
// right under its table: rendered, it was a last row.
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { underTables } from '../helpers/markdown.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const REFORM = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'];
const PROJECTION = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];

const markdown = (...args: string[]) => {
  const r = jiuzhu([...args, '--format', 'markdown', '-q']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe('every Markdown table ends at a blank line', () => {
  it('the rule itself: a footnote right under a table is found, one after a blank line is not', () => {
    expect(underTables('| a |\n| --- |\n| 1 |\n\\* note')).toEqual(['4: \\* note']);
    expect(underTables('| a |\n| --- |\n| 1 |\n\n\\* note')).toEqual([]);
  });

  it.each([
    ['a date, with who pays’s estimated shares', ['simulate', ...NANNING, '--households', SAMPLE, '--date', '2025-06-30', ...REFORM]],
    ['a budget year', ['simulate', ...NANNING, '--households', SAMPLE, '--year', '2025', ...REFORM]],
    [
      'years under a projection, with ranges',
      ['simulate', ...NANNING, '--households', SAMPLE, '--years', '2025-2027', ...PROJECTION, ...REFORM, '--ranges'],
    ],
    ['compare', ['compare', ...NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, '--date', '2025-06-30']],
    ['sensitivity', ['sensitivity', ...NANNING, '--households', SAMPLE, '--date', '2025-06-30']],
  ])('%s', (_, args) => {
    const md = markdown(...args);
    expect(md).toMatch(/^\| .* \|$/m); // (it has tables)
    expect(underTables(md)).toEqual([]);
  });
});
