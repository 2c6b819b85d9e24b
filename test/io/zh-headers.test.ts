// A 中文 header that resembles one jiuzhu reads but is not named so (io/household-messages.ts resembles) is an error,
// as `wage_incom` is: a caseworker's 工资 had been an unread column, noted on stderr only, and the family paid full
// dibao (9,720.00 a year) as if it earned nothing.
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/io/household-messages.js';
import { InputError } from '../../src/errors.js';

const said = (header: string[]): string[] => {
  try {
    readHeader(header, 'h.csv', 1);
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.where?.col}: ${p.message}`);
    throw e;
  }
};

describe('a 中文 header like a column', () => {
  it('is refused, naming the column and its 中文 header: a part of one, one with more around it, one with a unit', () => {
    for (const [header, column, zh] of [
      ['工资', 'wage_income', '工资收入'],
      ['残疾', 'disability_grade', '残疾等级'],
      ['是否重病（是/否）', 'serious_illness', '重病'],
      ['家庭金融资产（元）', 'financial_assets', '金融资产'],
    ] as const) {
      const got = said(['户编号', '个人编号', '年龄', '城乡', header]);
      expect(got, header).toEqual([
        `5: column "${header}" looks like ${column} but is not named so (its values would be ignored and every row take ${column}'s default). Name it exactly "${zh}" or "${column}"${column === 'wage_income' ? ' (wage_income is yuan a month)' : ''}, or, to keep it as an extra column, give it a name that does not resemble one jiuzhu reads`,
      ]);
    }
    // a required column's: said as one the file must have
    expect(said(['户编号', '个人编号', '年龄（岁）', '城乡类型'])).toEqual([
      '3: column "年龄（岁）" looks like age but is not named so (a column the file must have). Name it exactly "年龄" or "age", or, to keep it as an extra column, give it a name that does not resemble one jiuzhu reads',
      '4: column "城乡类型" looks like area but is not named so (a column the file must have). Name it exactly "城乡" or "area", or, to keep it as an extra column, give it a name that does not resemble one jiuzhu reads',
    ]);
  });

  // A researcher's survey had 年工资收入: told to name it 工资收入, the yearly wages then ran as monthly (12 × too much)
  it('a year’s amount for a month’s column says so: divide by 12, or --columns per_year', () => {
    for (const [header, column] of [
      ['年工资收入', 'wage_income'],
      ['工资收入(元/年)', 'wage_income'],
      ['全年其他收入', 'other_income'],
    ] as const) {
      const got = said(['户编号', '个人编号', '年龄', '城乡', header]);
      expect(got[0], header).toContain(
        `column "${header}" looks like ${column}, a month's amount (yuan a month), but its name says a year's: divide its values by 12 (to the fen) and name it`,
      );
      expect(got[0], header).toContain(`or map it with --columns and per_year: [${column}] (divided by 12 as it is read)`);
    }
    // 年龄 is age, and a year's rigid expenditure is that column's own period: neither is a month's amount
    expect(said(['户编号', '个人编号', '年龄', '城乡', '工资收入'])).toEqual([]);
    expect(said(['户编号', '个人编号', '年龄', '城乡', '年刚性支出'])[0]).not.toMatch(/a month's amount/);
  });

  it('of two columns, is the one the file lacks: 收入 beside 工资收入 is other_income', () => {
    expect(said(['户编号', '个人编号', '年龄', '城乡', '工资收入', '收入'])[0]).toMatch(/^6: column "收入" looks like other_income /);
    expect(said(['户编号', '个人编号', '年龄', '城乡', '收入'])[0]).toMatch(/^5: column "收入" looks like wage_income /);
  });

  // A clerk's 月工资 and 残疾级别 were unread columns, noted only: a member earning 3,000 a month paid full dibao
  it('is a word of one in it (月工资, 残疾级别, 家庭年收入), not a word many columns hold (家庭人口, 低保证号, 户籍地址)', () => {
    for (const [header, column] of [
      ['月工资', 'wage_income'],
      ['残疾级别', 'disability_grade'],
      ['是否残疾', 'disability_grade'],
      ['家庭年收入', 'wage_income'],
    ] as const)
      expect(said(['户编号', '个人编号', '年龄', '城乡', header])[0], header).toMatch(
        new RegExp(`^5: column "${header}" looks like ${column}`),
      );
    const own = ['家庭人口', '低保证号', '户籍地址', '申请日期', '其他补贴', '身份证号', '联系电话', '家庭住址', '户主姓名', '生活费'];
    expect(said(['户编号', '个人编号', '年龄', '城乡', ...own])).toEqual([]);
  });

  it('is read where it is one (年龄, 城乡), and a column of its own (姓名, 备注, 村) is no problem', () => {
    expect(said(['户编号', '个人编号', '年龄', '城乡', '工资收入', '姓名', '备注', '村', '户主'])).toEqual([]);
    const index = readHeader(['户编号', '个人编号', '年龄', '城乡', '工资收入'], 'h.csv', 1);
    expect(index.get('wage_income')).toBe(4);
  });
});

describe('a household described (--describe, a case) with 中文 keys', () => {
  // A caseworker's {城乡: 农村, persons: [{年龄: 72}]} was "unknown key 城乡", where a households file reads the header
  it('reads them as the households file reads its headers, the same household as in English', async () => {
    const { parseHouseholdText } = await import('../../src/io/cases-file.js');
    const zh = parseHouseholdText(
      '{城乡: 农村, 金融资产: 1000, 成员: [{个人编号: a, 年龄: 72, 其他收入: 300.5, 有赡养人: 否}, {年龄: 9}]}',
      '--describe',
    );
    const en = parseHouseholdText(
      '{area: rural, financial_assets: 1000, persons: [{person_id: a, age: 72, other_income: 300.5, has_capable_supporter: 0}, {age: 9}]}',
      '--describe',
    );
    expect(zh).toEqual(en);
    // (部分 beside 有 and 无, in either capacity: an appeal officer's 劳动能力: 部分 was refused)
    expect(parseHouseholdText('{城乡: 城镇, 成员: [{年龄: 50, 劳动能力: 部分, 自理能力: 部分}]}', '--describe')).toEqual(
      parseHouseholdText('{area: urban, persons: [{age: 50, labor_capacity: partial, self_care: partial}]}', '--describe'),
    );
  });

  it('refuses a key given both ways, at the 中文 one', async () => {
    const { parseHouseholdText } = await import('../../src/io/cases-file.js');
    expect(() => parseHouseholdText('{城乡: 农村, area: rural, persons: [{age: 7}]}', '--describe')).toThrow(
      '--describe:1:2: the household: 城乡 is area again: give it once',
    );
    expect(() => parseHouseholdText('{area: rural, persons: [{age: 7}], 成员: [{age: 8}]}', '--describe')).toThrow('成员 is persons again');
  });
});

describe('a caseworker’s words for a value', () => {
  // 有/无 for a supporter or an illness, 无 for no labour capacity, 一级残疾: each was refused (`--describe`, a roster)
  it('are read: 有/无, 无 (labour capacity), 丧失劳动能力, 一级残疾 … 四级残疾', async () => {
    const { COLUMN_BY_NAME } = await import('../../src/core/columns.js');
    const { parseCell } = await import('../../src/core/cells.js');
    const read = (column: string, text: string) => parseCell(COLUMN_BY_NAME.get(column)!, text);
    expect(read('has_capable_supporter', '有')).toEqual({ ok: true, value: 1 });
    expect(read('has_capable_supporter', '无')).toEqual({ ok: true, value: 0 });
    expect(read('serious_illness', '有')).toEqual({ ok: true, value: 1 });
    expect(read('labor_capacity', '无')).toEqual({ ok: true, value: 2 }); // none
    expect(read('labor_capacity', '丧失劳动能力')).toEqual({ ok: true, value: 2 });
    expect(read('labor_capacity', '有')).toEqual({ ok: true, value: 0 }); // full
    for (const [w, g] of [
      ['一级残疾', 1],
      ['二级', 2],
      ['3级', 3],
      ['四级残疾', 4],
    ] as const)
      expect(read('disability_grade', w)).toEqual({ ok: true, value: g });
    expect(read('disability_grade', '五级').ok).toBe(false);
  });

  // (a tekun officer's `has_capable_supporter: no` was refused where 否, 无 and FALSE were read)
  it('yes/no and true/false, as English writes them, in every 0/1 column; other English words still refused', async () => {
    const { COLUMN_BY_NAME } = await import('../../src/core/columns.js');
    const { parseCell } = await import('../../src/core/cells.js');
    const read = (column: string, text: string) => parseCell(COLUMN_BY_NAME.get(column)!, text);
    for (const column of ['has_capable_supporter', 'serious_illness', 'on_dibao']) {
      for (const w of ['no', 'No', 'NO', 'false', 'False', 'FALSE'])
        expect(read(column, w), `${column} ${w}`).toEqual({ ok: true, value: 0 });
      for (const w of ['yes', 'Yes', 'YES', 'true', 'True', 'TRUE'])
        expect(read(column, w), `${column} ${w}`).toEqual({ ok: true, value: 1 });
      expect(read(column, 'nope').ok).toBe(false);
    }
  });
});

// A QA trial: ｗａｇｅ＿ｉｎｃｏｍｅ, as a Chinese input method types it, was a column not read (a note, nothing with -q):
// every wage 0, the family paid dibao. Full-width letters compare as their ASCII (NFKC).
describe('a header in full-width letters', () => {
  it('is refused as the column it spells', () => {
    expect(said(['household_id', 'person_id', 'age', 'area', 'ｗａｇｅ＿ｉｎｃｏｍｅ'])).toEqual([
      `5: column "ｗａｇｅ＿ｉｎｃｏｍｅ" looks like wage_income but is not named so (its values would be ignored and every row take wage_income's default). Name it exactly "wage_income" (wage_income is yuan a month), or, to keep it as an extra column, give it a name that does not resemble one jiuzhu reads`,
    ]);
    expect(said(['household_id', 'person_id', 'ＡＧＥ', 'area'])[0]).toMatch(
      /^3: column "ＡＧＥ" looks like age but is not named so \(a column the file must have\)/,
    );
  });
});
