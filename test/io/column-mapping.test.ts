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
    // each at its line in the mapping file (a QA trial's had none)
    expect(() => turn('hh,成员\nH1,p1\n')).toThrow(/map\.yaml:1:11: columns: the header "户号" is not in/);
    expect(() => turn('household_id,成员,self_care\nH1,p1,full\n')).toThrow(
      /map\.yaml:3:13: constants: roll\.csv has a column self_care already/,
    );
  });
  // A QA trial: words and yearly amounts for a column the file does not have were ignored in silence
  it('values and per_year for a column the file does not have: told at their lines', () => {
    const m = parseColumnMapping('values:\n  labor_capacity: {全: full}\nper_year: [other_income]\n', 'v.yaml');
    expect(() => m.applyText('household_id,person_id,age,area\nH1,p1,40,urban\n', 'r.csv')).toThrow(
      /^v\.yaml:2:3: values: r\.csv has no column labor_capacity .*\nv\.yaml:3:12: per_year: r\.csv has no column other_income /,
    );
    expect(m.applyText('household_id,person_id,age,area,劳动能力,other_income\nH1,p1,40,urban,全,120\n', 'r.csv')).toBe(
      'household_id,person_id,age,area,劳动能力,other_income\nH1,p1,40,urban,full,10.00\n',
    );
  });
});

// A nightly export that dropped 权重 ran with every weight 1, exit 0 (a note only): a mapping can require columns.
// A researcher's survey gave yearly incomes (年工资收入): mapped to wage_income they ran as monthly, 12 × too much, with no
// word; the mapping now says how to read them, and refuses a header that says a year without it.
describe('per_year: a month’s column given as a year’s amount', () => {
  const yearly = parseColumnMapping(
    'columns: {年工资收入: wage_income}\nvalues: {wage_income: {NA: 0}}\nper_year: [wage_income]\n',
    'y.yaml',
  );
  it('is divided by 12 as it is read, half up to the fen; empty stays empty (its default), a mapped word is turned first', () => {
    // 12000.06 / 12 = 1000.005 → 1000.01; 1200 → 100.00; 0.05 / 12 = 0.0041… → 0.00; NA → 0 → 0.00
    expect(yearly.applyText('年工资收入,household_id\n12000.06,H1\n1200,H2\n0.05,H3\n,H4\nNA,H5\n', 'y.csv')).toBe(
      'wage_income,household_id\n1000.01,H1\n100.00,H2\n0.00,H3\n,H4\n0.00,H5\n',
    );
    // the parsed path (a workbook's records) alike; a value that is not money is left for the reader to tell
    expect(yearly.apply([['年工资收入'], ['12000.06'], ['1.234'], ['abc']], 'y.xlsx')).toEqual([
      ['wage_income'],
      ['1000.01'],
      ['1.234'],
      ['abc'],
    ]);
  });
  it('a header that says a year, mapped to a month’s column, must say which it is; per_year takes a month’s columns only', () => {
    expect(() => parseColumnMapping('columns: {年工资收入: wage_income}\n', 'c.yaml')).toThrow(
      /c\.yaml:1:10: columns: the header "年工资收入" reads as a year's amount, and wage_income is yuan a month: add per_year: \[wage_income\]/,
    );
    expect(() => parseColumnMapping('columns: {年工资收入: wage_income}\nper_month: [wage_income]\n', 'c.yaml')).not.toThrow();
    expect(() => parseColumnMapping('per_year: [age]\n', 'c.yaml')).toThrow(
      /per_year: age is not a month's amount \(those are wage_income, other_income, prior_dibao\)/,
    );
    expect(() => parseColumnMapping('per_year: [wage_income]\nper_month: [wage_income]\n', 'c.yaml')).toThrow(/in per_year and per_month/);
  });
});

describe('required columns', () => {
  const required = parseColumnMapping('columns: {户号: household_id}\nrequired: [weight, disability_grade, area]\n', 'req.yaml');
  it('passes a file that has each, under its name, its 中文 header or the header mapped to it', () => {
    expect(required.applyText('户号,person_id,age,城乡,权重,disability_grade\nH1,p1,40,urban,1,0\n', 'roll.csv')).toMatch(/^household_id,/);
  });
  it('refuses one that lacks any, naming each and the file’s headers', () => {
    expect(() => required.applyText('户号,person_id,age,area\nH1,p1,40,urban\n', 'roll.csv')).toThrow(
      'required: roll.csv has no column weight (under that name, its 中文 header; its headers: 户号, person_id, age, area)',
    );
  });
  // A QA trial: `{wage_income: ~, weight: ~}` left the totals as they were, both columns read, not a word
  it('a column jiuzhu reads (or a 中文 name of one) mapped to ~ is refused at its line; another header is left out', () => {
    expect(() => parseColumnMapping('columns: {wage_income: ~}\n', 'c.yaml')).toThrow(
      /c\.yaml:1:11: columns: "wage_income" is a column jiuzhu reads: mapped to ~ it is read all the same/,
    );
    expect(() => parseColumnMapping('columns: {年龄: ~}\n', 'c.yaml')).toThrow(/"年龄" is a name of the column age jiuzhu reads/);
    expect([...parseColumnMapping('columns: {身份证号: ~}\n', 'c.yaml').ignored]).toEqual(['身份证号']);
  });

  it('is a list of columns jiuzhu reads', () => {
    expect(() => parseColumnMapping('required: weight\n', 'r.yaml')).toThrow(/"required" is a list of columns/);
    expect(() => parseColumnMapping('required: [wieght]\n', 'r.yaml')).toThrow(/did you mean "weight"/);
  });
  it('holds a piece at a time too', () => {
    const t = required.turner('roll.csv');
    expect(() => t.push('户号,person_id,age,area\nH1,')).toThrow(/has no column weight/);
  });
});
