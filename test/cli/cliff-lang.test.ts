// cliff --lang zh (or a Chinese locale): a household's cliffs, the chart and the whole file's marginal rates in
// Chinese — a researcher's trial under zh_CN read "at 2,430.00: resources −113.50 a month" in English. The figures, the
// labels and the JSON and CSV contracts are the same whatever the language.
import { describe, expect, it } from 'vitest';
import { SAMPLE, succeeds } from '../helpers/cli.js';

const NANNING = ['cliff', '--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30'];
// an urban adult earning 1,000 a month and a child of 8
const FAMILY = ['--describe', '{area: urban, persons: [{age: 35, wage_income: 1000}, {age: 8}]}'];
const EDGE = ['--scenario', 'scenarios/low-income-1.5x.yaml'];
const run = succeeds;
const sums = (x: string) => x.match(/[−+]?\d[\d,]*\.\d\d/g);

describe('cliff --lang zh', () => {
  it('a household’s cliffs: where, how much, the parts, in Chinese — the same figures as the English', () => {
    const zh = run([...NANNING, ...FAMILY, ...EDGE, '--lang', 'zh']);
    const en = run([...NANNING, ...FAMILY, ...EDGE, '--lang', 'en']);
    const t = zh.stdout;
    expect(t).toContain('cliffs 悬崖效应 — 所录家庭：p1 的工资收入变动（现为 1,000.00）\n');
    expect(t).toContain('广西壮族自治区·南宁市（policies/guangxi-nanning.yaml），2025-06-30\n');
    expect(t).toContain(
      '可支配资源（每月，月度口径）：工资与其他收入 + 各项现金救助；\n渐退期内按全额计，一次性救助与参保资助按 ÷ 12 计\n',
    );
    expect(t).toContain('工资收入（每月）→\n');
    expect(t).toMatch(/● 基线( |$)/m);
    expect(t).toContain('▲ 悬崖，△ 跳升（基线）\n');
    // Nanning's urban S = 810, n = 2 (DOMAIN step 5: dibao while I < S × n): the first cliff at 1,620.00 — the minor's
    // supplement 0.1 × 810 = 81.00 and the premium subsidy (dibao's fixed 280 − low-income's 150) × 2 ÷ 12 = 21.67
    // go, dibao's last fen with them, less the income's own fen: −102.67
    expect(t).toMatch(/^基线：2 处悬崖；360 步中有 \d+ 步边际税率 ≥ 100%$/m);
    expect(t).toContain(
      '  在 1,620.00：资源每月 −102.67\n      分类施保 dibao supplement * −81.00\n      资助参保 medical-insurance premium subsidy * −21.67\n',
    );
    // the low-income line, 2 × S × n = 3,240.00 (Nanning, 001（一）), under 1.5× at 1.5 × 810 × 2 = 2,430.00: low-income's
    // premium subsidy 150 × 2 ÷ 12 = 25.00 goes, less the income's fen
    expect(t).toContain(
      '  在 3,240.00：资源每月 −24.99\n      资助参保 medical-insurance premium subsidy * −25.00\n      p1 的工资收入 +0.01\n',
    );
    expect(t).toMatch(/^low-income-1\.5x：2 处悬崖；[^\n]*\n(?:.*\n){5} {2}在 2,430\.00：资源每月 −24\.99$/m);
    expect(t).toMatch(/^\* 标 \* 的项目用了估计参数（现行 \d+ 项中的 \d+ 项；/m);
    for (const e of [/resources/, /a month/, /cliffs?;/, /marginal rate/, /rest on estimated/, /'s wage_income/])
      expect(t, String(e)).not.toMatch(e);
    expect(sums(t)).toEqual(sums(en.stdout));
    // the policy's notes on stderr in Chinese too
    expect(zh.stderr).toContain('注：policies/guangxi-nanning.yaml 中最新的低保标准');
  });

  it('Markdown: the header bilingual — a change of resources, not a level — and each run’s count in Chinese', () => {
    const md = run([...NANNING, ...FAMILY, '--format', 'markdown'], { LANG: 'zh_CN.UTF-8' }).stdout;
    expect(md).toContain('### 悬崖效应 Benefit cliffs — 所录家庭：p1 的工资收入变动（现为 1,000.00）\n');
    expect(md).toContain('#### 基线：2 处悬崖，0 处跳升\n');
    expect(md).toContain('| wage_income 工资收入 (yuan 元 a month) | change of resources 资源变化 (a month 每月) | of which 其中 |\n');
    expect(md).toMatch(
      /^\\\* 标 \* 的项目用了估计参数（现行 \d+ 项中的 \d+ 项；各项依据：jiuzhu params --format table）：人均金融资产上限（月数）（`dibao\.assets\.limit_months`）/m,
    );
    const en = run([...NANNING, ...FAMILY, '--format', 'markdown']).stdout;
    expect(en).toContain('#### baseline: 2 cliffs, 0 jumps up\n');
    expect(en).toContain('| wage_income 工资收入 (yuan 元 a month) | change of resources 资源变化 (a month 每月) | of which 其中 |\n');
  });

  it('the whole file’s rates in Chinese; JSON and CSV the same bytes in either language', () => {
    const whole = ['cliff', '--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30', '--households', SAMPLE];
    const zh = run([...whole, '--lang', 'zh']).stdout;
    const en = run([...whole, '--lang', 'en']).stdout;
    expect(zh).toContain(
      '有效边际税率 effective marginal rates：每个主要劳动者每月多挣 100.00 元（仅计救助的减少：不含个人所得税和社会保险费）\n',
    );
    const households = /shares of the ([\d,]+) households with a main earner/.exec(en)![1];
    expect(zh).toContain(`月度口径；有主要劳动者的 ${households} 户（加权）中的占比；\n`);
    expect(zh).toMatch(/^基线，按基线层级 by layer（层级按资格：无论是否申请享受；税率按实际所得：有资格而未享受的家庭，按其所得计）$/m);
    expect(zh).toMatch(/^另有 [\d,]+ 户没有主要劳动者（无工资，也无 18–59 岁有劳动能力的成年人）$/m);
    expect(zh).toMatch(/^基线：文件中 \d+ 户（加权 [\d,]+ 户）边际税率 ≥ 100%，例如 H\d+/m);
    expect(zh).toContain('逐户查看：cliff --households FILE --household ID；explain … --household ID [--scenario S]\n');
    expect(zh.match(/\d[\d,]*\.\d\d%/g)).toEqual(en.match(/\d[\d,]*\.\d\d%/g));
    for (const format of ['json', 'csv']) {
      const one = [...NANNING, ...FAMILY, '--format', format];
      expect(run([...one, '--lang', 'zh']).stdout).toBe(run([...one, '--lang', 'en']).stdout);
      expect(run([...whole, '--format', format], { LANG: 'zh_CN.UTF-8' }).stdout).toBe(run([...whole, '--format', format]).stdout);
    }
  });
});
