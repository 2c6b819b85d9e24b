// A mapped export is turned as text (io/column-mapping.ts applyText): only the header, the mapped words and the constants
// change; every other byte reaches the reader as written, so the reader's checks and lines are the file's own. It was
// parsed whole and written out again (csv-parse, then toCsv): 150,000 households took ~7× the time and memory of the file.
import { describe, expect, it } from 'vitest';
import { parseColumnMapping } from '../../src/io/column-mapping.js';

const mapping = parseColumnMapping(
  'columns: {户号: household_id, 成员: person_id}\nvalues: {area: {城镇: urban, 农村: rural}}\nconstants: {self_care: full}\n',
  'map.yaml',
);
const turn = (text: string) => mapping.applyText(text, 'roll.csv');

describe('a mapped export turned as text', () => {
  it('renames the header, maps the words (quoted ones too), appends the constants; the rest stays as written', () => {
    expect(turn('户号,成员,area,age\nH1,"p,1",城镇, 40\nH2,p2,"农村",30\n')).toBe(
      'household_id,person_id,area,age,self_care\nH1,"p,1",urban, 40,full\nH2,p2,rural,30,full\n',
    );
  });

  it('the same records as the parsed path: CRLF, a quoted line break, a BOM, a blank row and a row of only commas', () => {
    const text = '\uFEFF户号,成员,area,age\r\nH1,"p\n1",城镇,40\r\n\r\n,,,\r\nH2,p2,"x ""y""",30';
    expect(turn(text)).toBe('household_id,person_id,area,age,self_care\r\nH1,"p\n1",urban,40,full\r\n\r\n\r\nH2,p2,"x ""y""",30,full');
    // Each line is where it was: a problem the reader finds is told at the file's line.
    expect(turn(text).split('\n')).toHaveLength(text.split('\n').length);
    const parsed = mapping.apply(
      [['户号', '成员', 'area', 'age'], ['H1', 'p\n1', '城镇', '40'], [''], ['', '', '', ''], ['H2', 'p2', 'x "y"', '30']],
      'roll.csv',
    );
    expect(parsed).toEqual([
      ['household_id', 'person_id', 'area', 'age', 'self_care'],
      ['H1', 'p\n1', 'urban', '40', 'full'],
      [],
      [],
      ['H2', 'p2', 'x "y"', '30', 'full'],
    ]);
  });

  it('a stray quote is left as written, for the reader to tell at its line', () => {
    expect(turn('户号,成员,area\nH1,p"1,城镇\nH2,p2,城镇\n')).toBe('household_id,person_id,area,self_care\nH1,p"1,城镇\nH2,p2,城镇\n,full');
  });

  it("the mapping's problems with the file's header are told as before", () => {
    expect(() => turn('household_id,成员,self_care\nH1,p1,full\n')).toThrow(/self_care already/);
    expect(() => turn('hh,成员\nH1,p1\n')).toThrow(/the header "户号" is not in roll.csv \(its headers: hh, 成员\)/);
  });
});
