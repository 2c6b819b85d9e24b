// A policy that breaks a parameter rule of severity error (core/sanity.ts: the data must be wrong) is not computed with:
// an author's trial wrote 130 for tekun's 1.3 × S; `validate` said "valid" and `simulate` budgeted 28.9 billion yuan for
// one county, exit 0; a standard typed yearly failed `validate` but `simulate` went on (exit 0, a note --quiet dropped).
// Now every command that computes refuses it at its line (exit 3), as it refuses a scenario that makes one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-rules-'));
const text = readFileSync('policies/guangxi-nanning.yaml', 'utf8');
// Nanning's low-income multiplier, 2 × S (policies/guangxi-nanning.yaml), written as a percentage
const at = text.indexOf('  low_income:\n    multiplier:\n      - from: 2020-11-21\n        value: 2\n');
const line = text.slice(0, at).split('\n').length + 2; // (its dated entry's line)
const bad = join(dir, 'percent.yaml');
writeFileSync(bad, text.slice(0, at) + text.slice(at).replace('value: 2\n', 'value: 200\n'));
/** simulate on the sample in Nanning under a scenario file of these change lines, written as `name`. */
const underScenario = (name: string, changes: readonly string[], date = '2025-06-30', more: readonly string[] = []) => {
  const sc = join(dir, `${name}.yaml`);
  writeFileSync(sc, `scenario: ${name}\ntitle: {zh: 试, en: try}\nreason: test\nchanges:\n${changes.map((c) => `  ${c}\n`).join('')}`);
  const args = ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--scenario', sc, '--date', date];
  const r = jiuzhu([...args, ...more]);
  return { sc, r };
};

describe('a policy breaking a rule of severity error', () => {
  it('is refused at its line by every command that computes (exit 3, no output); validate lists it (exit 1)', () => {
    expect(at).toBeGreaterThan(0);
    const where = `${bad}:${line}:`;
    for (const args of [
      ['simulate', '--policy', bad, '--households', SAMPLE, '--date', '2025-06-30', '--quiet'],
      ['simulate', '--policy', bad, '--households', SAMPLE, '--year', '2025'],
      ['sensitivity', '--policy', bad, '--households', SAMPLE, '--date', '2025-06-30'],
      ['compare', '--policy', 'policies/jiangxi-fuliang.yaml', '--policy', bad, '--households', SAMPLE, '--date', '2025-06-30'],
      ['explain', '--policy', bad, '--households', SAMPLE, '--household', 'H0004', '--date', '2025-06-30'],
    ]) {
      const r = jiuzhu(args);
      expect(r.code, args.join(' ') + '\n' + r.stderr).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${where}`);
      expect(r.stderr).toContain('low_income.multiplier is 200 × S_ref from 2020-11-21: a percentage (200 % is 2)? (multiples-plausible:');
    }
    const v = jiuzhu(['validate', '--policy', bad]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('multiples-plausible');
    // params shows it, as asked, and says so (an author's trial read 130 for 1.3 there without a word)
    const p = jiuzhu(['params', '--policy', bad, '--date', '2025-06-30']);
    expect(p.code).toBe(0);
    expect(p.stderr).toContain(
      `note: 1 value shown here breaks a parameter rule of severity error, which simulate refuses: ${where}9: low_income.multiplier is 200 × S_ref from 2020-11-21`,
    );
    expect(jiuzhu(['params', '--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30']).stderr).not.toContain('severity error');
  });

  it('a scenario that makes one is refused at its own line, named', () => {
    const sc = join(dir, 'sc.yaml');
    writeFileSync(
      sc,
      'scenario: percent\ntitle: {zh: 百分比, en: percent}\ndescription: a percentage\nreason: test\nchanges:\n  tekun.basic.multiplier: {set: 160}\n',
    );
    const r = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--scenario',
      sc,
      '--date',
      '2025-06-30',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${sc}:6:`);
    expect(r.stderr).toContain('scenario percent on policies/guangxi-nanning.yaml: tekun.basic.multiplier is 160 × S');
    expect(r.stderr).toContain('fix the scenario');
    // params shows it and names what lists it: simulate with the scenario — validate takes the policy alone, which is
    // valid (a QA trial was sent there)
    const p = jiuzhu(['params', '--policy', 'policies/guangxi-nanning.yaml', '--scenario', sc, '--date', '2025-06-30']);
    expect(p.stderr).toContain('tekun.basic.multiplier is 160 × S');
    expect(p.stderr).toContain(`(jiuzhu simulate --policy policies/guangxi-nanning.yaml --scenario ${sc} … lists them)`);
    // sensitivity applies its scenarios itself (core/sensitivity-plan.ts): refused the same
    const sens = jiuzhu([
      'sensitivity',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--scenario',
      sc,
      '--date',
      '2025-06-30',
    ]);
    expect(sens.code).toBe(3);
    expect(sens.stderr).toContain('scenario percent on policies/guangxi-nanning.yaml: tekun.basic.multiplier is 160 × S');
  });

  // A reform author's trial: {scale: 10}, a yearly 10680 for 890 and a yearly disability subsidy ran, exit 0, costing
  // 14–200 × the baseline. Nanning's minimum wage from 2025-10-01 is 1990 (the policy file); its urban S 810.
  it('a scenario standard typed yearly or ×10, or a yearly subsidy, is refused at the scenario line; a real raise runs', () => {
    const run = (name: string, change: string) => underScenario(name, [change], '2027-08-01');
    const x10 = run('x10', "dibao.standard.urban: {scale: 10, from: '2027-07-01'}");
    expect(x10.r.code).toBe(3);
    expect(x10.r.stderr).toContain(
      `${x10.sc}:5:3: scenario x10 on policies/guangxi-nanning.yaml: at 2027-07-01 dibao.standard.urban 8100 is not below min_wage.monthly 1990`,
    );
    const yearly = run('yearly', "dibao.standard.urban: {set: 10680, from: '2027-07-01'}");
    expect([yearly.r.code, yearly.r.stderr]).toEqual([
      3,
      expect.stringContaining('dibao.standard.urban 10680 is not below min_wage.monthly 1990'),
    ]);
    // the income line that relation also breaks is shown at the scenario's line, not the policy's
    expect(yearly.r.stderr).toContain(
      `${yearly.sc}:5:3: scenario yearly on policies/guangxi-nanning.yaml: at 2027-07-01 rigid.disposable_income.urban`,
    );
    expect(yearly.r.stderr).not.toMatch(/^ {2}policies\/guangxi-nanning\.yaml:\d/m); // no problem placed in the policy
    const subsidy = run('subsidy', "disability.living.monthly: {set: 1464, from: '2027-07-01'}");
    expect([subsidy.r.code, subsidy.r.stderr]).toEqual([
      3,
      expect.stringContaining(
        `${subsidy.sc}:5:3: scenario subsidy on policies/guangxi-nanning.yaml: at 2027-07-01 disability.living.monthly 1464 a month is above dibao.standard.urban 810`,
      ),
    ]);
    // a raise of 80, and one of half the minimum wage, are reforms: they run
    expect(run('plus80', "dibao.standard.urban: {add: 80, from: '2027-07-01'}").r.code).toBe(0);
    expect(run('half', "dibao.standard.urban: {set: 995, from: '2027-07-01'}").r.code).toBe(0);
  });

  // A code review: central 0.9 + provincial 0.9 ran, the city or county "paying" −1.17 billion yuan, exit 0
  it('a scenario whose central and provincial shares add up to more than 1 is refused; up to 1 runs', () => {
    const run = (name: string, central: string, provincial: string) =>
      underScenario(name, [`funding.assistance.central: {set: ${central}}`, `funding.assistance.provincial: {set: ${provincial}}`]);
    const over = run('over', '0.9', '0.9');
    expect(over.r.code).toBe(3);
    expect(over.r.stderr).toContain('scenario over on policies/guangxi-nanning.yaml: funding.assistance at');
    expect(over.r.stderr).toContain('0.9 + 0.9 > 1 (funding-shares-at-most-one');
    expect(run('whole', '0.6', '0.4').r.code).toBe(0);
  });

  // An author's trial: one change dated 2099 in a reform otherwise in force went unsaid (the Δ read as the whole reform's)
  it('a change dated after the run, beside others in force, is said; a scale of the policy’s own dates is not', () => {
    const { r } = underScenario('later', ['tekun.basic.multiplier: {set: 1.6}', "dibao.standard.urban: {add: 50, from: '2099-01-01'}"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'note: scenario later also changes dibao.standard.urban from 2099-01-01, after 2025-06-30: not in this run (a typo in the year?); its other changes apply\n',
    );
    expect(underScenario('scaled', ['dibao.standard.urban: {scale: 1.1}']).r.stderr).not.toContain('not in this run');
    // (in 中文 too, as the run's other notes are: a county officer read its Δ 0 as a reform that costs nothing)
    const zh = jiuzhu([
      'simulate',
      '--lang',
      'zh',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--scenario',
      join(dir, 'later.yaml'),
      '--date',
      '2025-06-30',
    ]);
    expect(zh.stderr).toContain(
      '注：方案 later 还改动了 dibao.standard.urban 自 2099-01-01 起，在 2025-06-30 之后：不计入本次运行（年份写错了？）；其他改动照常计入\n',
    );
  });

  // An author's trial: rural 900 over Nanning's urban 810 ran without a word (a relation a reform may test: it runs)
  it('a scenario that breaks a relation runs, and says so once a rule, the latest breach at or before the date', () => {
    const { r } = underScenario('rural900', ['dibao.standard.rural: {set: 900}']);
    expect(r.code).toBe(0);
    const said = r.stderr.split('\n').filter((l) => l.startsWith('note: scenario rural900'));
    expect(said).toEqual([
      'note: scenario rural900: at 2022-04-01 rural 900 is above urban 810 (rural-at-most-urban: the rural dibao standard is at most the urban one (equal when unified)); a reform may test that, so it is computed as given',
    ]);
    // (set with no date: from the policy's first value on, so above 2020's urban 790 too — said, as it is what it does)
    expect(underScenario('rural800', ['dibao.standard.rural: {set: 800}']).r.stderr).toContain(
      'note: scenario rural800: at 2020-01-01 rural 800 is above urban 790 (rural-at-most-urban',
    );
    expect(underScenario('rural700', ['dibao.standard.rural: {set: 700}']).r.stderr).not.toContain('note: scenario rural700');
    // (a line below S, a warning of the rule: a reform author's 0.8 emptied the edge group — above S, below 0.8 × S —
    // its caseload 0, without a word; 1.2 keeps some)
    const edge = underScenario('edge08', ['low_income.multiplier: {set: 0.8}']).r;
    expect(edge.code).toBe(0);
    expect(edge.stderr).toContain(
      'note: scenario edge08: low_income.multiplier is 0.8 from 2020-11-21 (lines-above-standard: the low-income and single-person lines are at least 1 × S (else they are empty)); a reform may test that, so it is computed as given\n',
    );
    expect(underScenario('edge12', ['low_income.multiplier: {set: 1.2}']).r.stderr).not.toContain('note: scenario edge12');
    // and in 中文 under --lang zh (it was English there), the rule's own words in 中文; a premium subsidy above the
    // premium likewise (step 9 pays the premium at most: a fixed 4000 a year for a premium of 400)
    const zh = underScenario('fixed4000', ['medical.fixed.dibao: {set: 4000}'], '2025-06-30', ['--lang', 'zh']).r;
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(
      '注：方案 fixed4000：at 2020-11-21 medical.fixed.dibao 4000 is above medical.premium 280: the premium is what is paid (a digit too many?)（subsidy-within-premium：各类对象的参保资助（比例 × 保费 + 定额）不超过保费（第 9 步按 min(保费, …) 支付：超出部分不会支付））；改革可以检验这一点，按给定值计算\n',
    );
    expect(zh.stderr).not.toContain('note: scenario fixed4000');
  });

  // A reform author's trial: params with two tekun scenarios showed 1.5 or 1.6 by their order alone, without a word
  it('params with scenarios that change one parameter says they do, and which applies last', () => {
    const write = (name: string, change: string) => {
      const sc = join(dir, `${name}.yaml`);
      writeFileSync(sc, `scenario: ${name}\ntitle: {zh: 试, en: try}\nreason: test\nchanges:\n  ${change}\n`);
      return sc;
    };
    const [a, b, c] = [
      write('tk16', 'tekun.basic.multiplier: {set: 1.6}'),
      write('tk15', 'tekun.basic.multiplier: {set: 1.5}'),
      write('up10', 'dibao.standard.urban: {scale: 1.1}'),
    ];
    const params = (...files: string[]) =>
      jiuzhu([
        'params',
        '--policy',
        'policies/guangxi-nanning.yaml',
        '--date',
        '2025-06-30',
        '--format',
        'json',
        ...files.flatMap((f) => ['--scenario', f]),
      ]);
    const [ab, ba] = [params(a, b), params(b, a)];
    expect([ab.code, ba.code]).toEqual([0, 0]);
    expect([JSON.parse(ab.stdout)['tekun.basic.multiplier'], JSON.parse(ba.stdout)['tekun.basic.multiplier']]).toEqual(['1.5', '1.6']);
    expect(ab.stderr).toContain(
      "note: scenarios tk16, tk15 each change tekun.basic.multiplier: applied in the order given, tk15's last, on the value the others leave (a set replaces it; a scale or an add builds on it)\n",
    );
    expect(ba.stderr).toContain("note: scenarios tk15, tk16 each change tekun.basic.multiplier: applied in the order given, tk16's last");
    expect(params(a, c).stderr).not.toContain('each change');
  });

  // A README trial: {scale: 0.1} on the urban standard was refused at three lines of the policy's minimum wages
  it('a scenario that makes a value no policy could have is refused at its own line, not the policy’s', () => {
    const { sc, r } = underScenario('cut90', ['dibao.standard.urban: {scale: 0.1}']);
    expect(r.code).toBe(3);
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(problems.length).toBeGreaterThan(3);
    expect(problems.filter((l) => l.includes('min-wage-plausible')).length).toBe(3);
    for (const l of problems) expect(l.startsWith(`  ${sc}:5:3: `), l).toBe(true);
  });

  // A temporary-assistance officer's trial: the 1.3 × S scenario cut Guangzhou's tekun 15.9 % below Guangdong's own floor
  // (003 §14: 不低于 1.6 × S), and a full-care share under Guangxi's 70 % (002 四) passed, both without a word
  it('a value cut below a floor the policy cites (不低于) runs, and says so; at or above the floor, nothing', () => {
    const full = underScenario('care05', ['tekun.care.min_wage_share.none: {set: 0.5}']).r;
    expect(full.code).toBe(0);
    expect(full.stderr).toContain(
      "note: scenario care05 sets tekun.care.min_wage_share.none 0.5, below the policy's 0.7, a floor: gx-2021-opinions 四 确保全护理特困对象照料护理标准不低于当地最低工资标准的70% (不低于, at least) — a cut the locality's own rule does not allow; computed as given, as a reform may test it",
    );
    expect(underScenario('care08', ['tekun.care.min_wage_share.none: {set: 0.8}']).r.stderr).not.toContain('a floor:');
    const gz = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangdong-guangzhou.yaml',
      '--households',
      SAMPLE,
      '--date',
      '2025-06-30',
      '--scenario',
      'scenarios/tekun-basic-1.3x.yaml',
    ]);
    expect(gz.stderr).toContain(
      "note: scenario tekun-basic-1.3x sets tekun.basic.multiplier 1.3, below the policy's 1.6, a floor: gd-2021-plan §14",
    );
    // (Nanning's 1.3 is an estimate with no floor of its own: raising or cutting it says nothing of one)
    expect(underScenario('nn12', ['tekun.basic.multiplier: {set: 1.2}']).r.stderr).not.toContain('a floor:');
  });

  // A temporary-assistance officer's trial: county_max under the township's limit ran unsaid (the breach was blamed on
  // the policy's township_max, the later-dated of the three, and a policy's own line is not the scenario's note)
  it('a county limit under the township limit, or a cap under the county limit, is said at the scenario', () => {
    // Nanning (gx-2020-23 via 001): township_max 0.5, county_max 2, annual_cap 6 (multiples of 12 × S)
    for (const [id, change, values] of [
      ['county02', 'temporary.county_max: {set: 0.2}', '0.5 / 0.2 / 6'],
      ['cap03', 'temporary.annual_cap: {set: 0.3}', '0.5 / 2 / 0.3'],
    ] as const) {
      const { r } = underScenario(id, [change]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`note: scenario ${id}: at \\d{4}-\\d\\d-\\d\\d: ${values} \\(temporary-tiers-ordered`));
    }
  });
});

// An author's trial: tiered payment without its tiers passed validate (simulate refused it at its date); and validate of
// several files stopped at the first that could not be loaded, the later ones neither checked nor named
describe('validate', () => {
  const mode = text.indexOf('          value: gap\n', text.indexOf('    payment:\n      mode:\n'));
  const modeLine = text.slice(0, mode).split('\n').length - 1; // (the dated entry's `- from:` line)
  const tiered = join(dir, 'tiered.yaml');
  writeFileSync(tiered, text.slice(0, mode) + text.slice(mode).replace('value: gap\n', 'value: tiered\n'));

  it('says where a mode in force has no value to read: tiered dibao without tiers (values-given, exit 1)', () => {
    expect(mode).toBeGreaterThan(0);
    const v = jiuzhu(['validate', '--policy', tiered]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      `${tiered}:${modeLine}:11: error values-given: dibao.payment.mode is tiered from 2020-11-21, so dibao.payment.tiers needs a value then: none is given`,
    );
    const s = jiuzhu(['simulate', '--policy', tiered, '--households', SAMPLE, '--date', '2025-06-30']);
    expect(s.code).toBe(3); // (as simulate refuses it)
  });

  it('says a date before 1949-10-01 at its own line (dated-plausibly, exit 1), and warns no other line of it', () => {
    const typo = join(dir, 'typo.yaml');
    writeFileSync(typo, text.slice(0, at) + text.slice(at).replace('- from: 2020-11-21\n', '- from: 0020-11-21\n'));
    const v = jiuzhu(['validate', '--policy', typo]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      `${typo}:${line}:9: error dated-plausibly: low_income.multiplier from 0020-11-21: before 1949-10-01 (a typo in its year?)`,
    );
    expect(v.stdout).toContain(`${typo}: 1 finding\n`);
  });

  it('checks every file given, one that cannot be loaded told at its turn and its problems after (exit 3)', () => {
    const v = jiuzhu(['validate', '--policy', 'no-such.yaml', '--policy', bad, '--policy', 'policies/jiangxi-fuliang.yaml']);
    expect(v.code).toBe(3);
    expect(v.stdout.split('\n')[0]).toBe('no-such.yaml: cannot be loaded (1 problem, on stderr)');
    expect(v.stdout).toContain(`${bad}: 1 finding`);
    expect(v.stdout).toContain('multiples-plausible');
    expect(v.stdout).toContain('policies/jiangxi-fuliang.yaml: valid; every parameter rule holds');
    expect(v.stderr).toBe(
      'jiuzhu: invalid input (1 problem):\n  no-such.yaml: cannot read the policy file no-such.yaml: no such file or directory\nhint: fix the policy files; and the 1 parameter rule error above\n',
    );
  });
});
