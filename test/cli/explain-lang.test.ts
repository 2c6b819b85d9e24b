// explain in Chinese (--lang zh, or a Chinese locale) and in brief (--brief): a township caseworker's asks — the trace in
// the words a family is told, and the result without the steps. Hand-worked: Nanning's urban dibao standard S is 810
// from 2022-04-01 (nanning-2022); a lone elder of 70 with no labour capacity and no supporter earning 900 a month.
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const ELDER = '{城乡: 城镇, 成员: [{年龄: 70, 工资收入: 900, 有赡养人: 无, 劳动能力: 无}]}';
const explain = (...extra: string[]) =>
  jiuzhu(['explain', '--policy', NANNING, '--date', '2024-07-01', '--describe', ELDER, '-q', ...extra]);
/** The lines from a heading to the next blank line. */
const block = (text: string, heading: string) => {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', at);
  return lines.slice(at, end < 0 ? undefined : end);
};

describe('explain --lang zh and --brief', () => {
  it('the result in Chinese: why not tekun (000（一）无生活来源: 900 ≥ 810) and not dibao (人均收入 900 ≥ S 810), the low-income line', () => {
    const r = explain('--lang', 'zh', '--brief');
    expect(r.code, r.stderr).toBe(0);
    expect(block(r.stdout, '结果')).toEqual([
      '结果',
      // I 900 < 1.5 × 810 = 1215 (gx-2021-opinions 一/二): low-income, its take-up an estimate
      '  低保边缘 *：1 人',
      '  不符合低保：家庭人均收入 900.00 元不低于低保标准 810.00 元（I 900.00 ≥ S × n 810.00）',
      // the one tekun check that failed, every other held (a near miss)
      '  不属特困（成员 p1）：无生活来源（inc(p) < S）：900.00 < 810.00 → 否',
      '  年度合计：0.00 元',
      '  （每一步的规则、比较的数值和参数来源：去掉 --brief）',
      '* 估计值：没有公开来源给出的数值或生效日期（依据：去掉 --brief 可见）',
    ]);
    // the household in its file's words, no step, no source
    expect(r.stdout).toContain('城镇，1 人，');
    expect(r.stdout).toContain('p1：年龄 70，工资收入 900.00，其他收入 0.00，inc(p) 900.00，残疾等级 无，重病 否，无劳动能力，');
    expect(r.stdout).not.toMatch(/^第 \d+ 步/m);
    expect(r.stdout).not.toContain('\n参数来源\n');
  });

  it('the whole trace in Chinese: each step, check and result, and the brief result is the full one', () => {
    const full = explain('--lang', 'zh');
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain('第 1 步 · 特困 · 成员 p1');
    expect(full.stdout).toContain('  检验    无生活来源（inc(p) < S）：900.00 < 810.00 → 否');
    expect(full.stdout).toContain('  结果    不符合低保条件');
    expect(full.stdout).toContain('参数来源');
    const brief = explain('--lang', 'zh', '--brief').stdout;
    expect(block(full.stdout, '结果')).toEqual(block(brief, '结果').slice(0, -2));
    // no English left in what the steps say (parameter paths, columns' names and the sources' own text aside)
    const said = full.stdout
      .slice(0, full.stdout.indexOf('参数来源'))
      .split('\n')
      .filter((l) => !/^\s+(参数|数值)/.test(l))
      .join('\n')
      .replace(/[A-Za-z_]+(?:[._(<][A-Za-z_0-9<>)]+)+/g, '');
    expect(said).not.toMatch(/\b(step|rule|check|result|persons?|yes|no|not|month|months|year|once|household|deduction)\b/);
  });

  it('a Chinese locale chooses Chinese; --lang en keeps English; LC_ALL before LANG', () => {
    const zh = explain('--brief');
    expect(
      jiuzhu(['explain', '--policy', NANNING, '--date', '2024-07-01', '--describe', ELDER, '-q', '--brief'], {
        env: { LANG: 'zh_CN.UTF-8' },
      }).stdout,
    ).toBe(explain('--lang', 'zh', '--brief').stdout);
    expect(zh.stdout).toContain('\nresult\n');
    const en = jiuzhu(['explain', '--policy', NANNING, '--date', '2024-07-01', '--describe', ELDER, '-q', '--lang', 'en'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(en.stdout).toContain('  not 特困 tekun (person p1): no source of living: inc(p) < S: 900.00 < 810.00 → no');
    const c = jiuzhu(['explain', '--policy', NANNING, '--date', '2024-07-01', '--describe', ELDER, '-q', '--brief'], {
      env: { LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' },
    });
    expect(c.stdout).toContain('\nresult\n');
  });

  it('--format json carries both languages; --brief and --lang with it are refused, saying so', () => {
    const json = explain('--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const steps = (JSON.parse(json.stdout) as { steps: Array<{ program: string; zh: { result: string }; checks: Array<{ zh: string }> }> })
      .steps;
    expect(steps.find((s) => s.program === 'dibao')!.zh.result).toBe('不符合低保条件');
    expect(steps[0]!.checks.map((c) => c.zh)).toContain('无生活来源（inc(p) < S）');
    for (const flag of [['--brief'], ['--lang', 'zh']]) {
      const r = explain('--format', 'json', ...flag);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${flag[0]} shapes the text: --format json gives the whole trace`);
    }
  });
});
