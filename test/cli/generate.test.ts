// jiuzhu generate end to end: the file, its bytes for a seed, the calibration report, usage errors.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

describe('jiuzhu generate', () => {
  it('writes the same bytes for the same seed, and the file simulates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const [a, b] = [join(dir, 'a.csv'), join(dir, 'b.csv')];
    for (const out of [a, b])
      expect(
        jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '500', '--seed', '3', '--out', out]).code,
      ).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8').split('\n')[0]).toBe(
      'household_id,person_id,age,area,wage_income,other_income,disability_grade,serious_illness,labor_capacity,self_care,has_capable_supporter,financial_assets,rigid_expenditure,on_dibao,prior_dibao,emergency_need,weight,take_up_draw',
    );
    const sim = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      a,
      '--date',
      '2022-07-01',
      '--format',
      'json',
    ]);
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.stdout).households.rows).toBe(500);
  });

  it('--report sets the generated population against the published figures, naming their sources', () => {
    const r = jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '100000', '--seed', '7', '--report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^calibration of guangxi-nanning — 100,000 generated households, at 2022-07-01, under the baseline$/m);
    expect(r.stdout).toMatch(
      /average dibao benefit a recipient a month, urban \(yuan\)\s+\d+\s+395\s+本地 local\s+[-+][\d.]+%\s+±25%\s+✓\s+nanning-2022 补助水平 urban/,
    );
    // Received beside eligible, and the mix derived for Nanning from the national one (0.073: Nanning's published
    // benefits, the profile's estimate) with its own tolerance and source.
    expect(r.stdout).toMatch(/^ {2}符合条件 eligible \(all who qualify\), urban\s+[\d.]+\s+—$/m);
    expect(r.stdout).toMatch(
      /^临时救助\/低保支出 temporary-assistance spending ÷ dibao spending\s+0\.0\d\d\s+0\.073\s+代 stand-in\s+[-+][\d.]+%\s+±50%\s+±\d+% \([\d,]+\)\s+✓\s+mca-2023-q3/m,
    );
    // (bilingual, as the tables are: the report was English only, an auditor found)
    expect(r.stdout).toMatch(/^指标 measure\s+生成 generated\s+目标 target\s+类 kind/m);
    expect(r.stdout).toMatch(/^低保对象每百人 dibao recipients per 100 persons, urban\s/m);
    expect(r.stdout).toContain('every target is within its tolerance');
    // What each target is, counted (a researcher's trial read "every published figure" as the locality matched, where
    // most were national or Fujian's): the profile's two values with a source and no estimate are Nanning's own
    // benefits (nanning-2022 补助水平); the population (no source) an estimate; the rest stand-ins.
    const kinds = ['本地 local', '代 stand-in', '估 estimate'].map((k) => r.stdout.split(`  ${k}  `).length - 1);
    expect(r.stdout).toContain(
      `targets: ${kinds[0]} the locality's own published figures, ${kinds[1]} stand-ins, ${kinds[2]} estimates — a stand-in or an estimate met says the population is plausible, not that it is the locality's`,
    );
    expect(kinds[0]).toBe(2);
    expect(r.stdout).toMatch(/^人口 weighted persons \(population grossed up to\)\s+[\d,]+\s+8,891,000\s+估 estimate\s/m);
  });

  // Nanning's profile describes 2022-07-01; from 2024-10-31 its policy doubled the dibao-edge line (seed 001（一）: 2
  // × the dibao standard, was 1.5 ×) and the rigid-expenditure identification line (1 → 2 ×): at 2025 the edge and
  // rigid rows miss the 2022 figures by the rules' change, and the report says so, naming the parameters.
  it('--report at another date than the profile’s names the policy’s changes between, and none at its own date', () => {
    const at = (date?: string) =>
      jiuzhu([
        'generate',
        '--policy',
        'policies/guangxi-nanning.yaml',
        '--households',
        '2000',
        '--seed',
        '7',
        '--report',
        ...(date ? ['--date', date] : []),
      ]);
    const later = at('2025-06-30');
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(
      /^note: the published figures describe 2022-07-01, the profile's date; this population is drawn and run at 2025-06-30, its incomes at the profile's levels \(not uprated: a projection's income growth is not applied here\), and the policy's rules differ there in \d+ parameters: a gap may be the rules' change/m,
    );
    expect(later.stdout).toMatch(/^ {2}low_income\.multiplier: 1\.5 → 2$/m);
    expect(later.stdout).toMatch(/^ {2}rigid\.identify_multiplier: 1 → 2$/m);
    expect(at().stdout).not.toContain('note: the published figures describe');
    expect(at('2022-07-01').stdout).not.toContain('note: the published figures describe');
  });

  it('--report on a population too small to have a rural person: a dash for what it lacks, never NaN', () => {
    const r = jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '1', '--seed', '1', '--report']);
    expect(r.stdout).not.toMatch(/NaN/);
    const rural = r.stdout.split('\n').find((l) => l.startsWith('人均可支配收入 per-capita disposable income, rural'))!;
    expect(rural).toMatch(/^人均可支配收入 per-capita disposable income, rural \(yuan a year\)\s+—\s+[\d,]+\s/);
    expect(rural).not.toMatch(/[✓✗]/);
    // figures outside their tolerance at the profile's date fail the run, as check does: exit 1, each named
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\d+ measures outside the tolerance$/m);
    expect(r.stderr).toMatch(/^jiuzhu: \d+ published figures outside their tolerance: [^\n]*tekun persons per 100 persons/m);
    // and says why: one household is no sample of the figures (a realism trial was told of 26 misses, not of its size)
    expect(r.stdout).toContain(
      'note: 1 household is few to hold to the published figures: a program that reaches 1 person in 300 (tekun) is likely drawn for no one here; the shipped profiles meet their figures at 100,000 households',
    );
  });

  // A policy author's trial typed a month's urban income (5432) in a profile: generate drew every income from it and the
  // report missed twelve figures, none saying why. An income under 12 × its area's standard is a month's: refused at its line.
  it('a profile income below 12 × the standard is told at its line, nothing written (exit 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const profile = join(dir, 'p.yaml');
    const text = readFileSync('policies/profiles/jiangxi-fuliang.yaml', 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('income.disposable.urban:')) + 1;
    writeFileSync(
      profile,
      text
        .replace(/^policy: .*$/m, `policy: ${join(process.cwd(), 'policies/jiangxi-fuliang.yaml')}`)
        .replace(/income\.disposable\.urban: \{value: \d+/, 'income.disposable.urban: {value: 5432'),
    );
    const out = join(dir, 'h.csv');
    const r = jiuzhu(['generate', '--policy', 'policies/jiangxi-fuliang.yaml', '--profile', profile, '--households', '10', '--out', out]);
    expect(r.code).toBe(3);
    // Fuliang's urban standard at the profile's date 2024-06-30: 722 (12 × 722 = 8664)
    expect(r.stderr).toContain(
      `${profile}:${line}:36: income.disposable.urban: 5432 is below 12 × the policy's urban dibao standard (12 × 722.00 = 8664.00): the income is yuan a person a year — a month's figure (× 12 = 65184)?`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit 2', () => {
    expect(jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '0', '--report']).code).toBe(2);
    expect(jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '10']).stderr).toBe(
      'jiuzhu: give --out FILE.csv (and/or --report)\n',
    );
  });

  // An author's trial with a policy of their own: the error named a file under profiles/ beside it with no word of what a
  // profile is, the help named policies/profiles/, and another locality's profile was taken without a word.
  it('a policy with no profile beside it says what to give; another locality’s profile is named in a note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const own = join(dir, 'hunan-mouxian.yaml');
    writeFileSync(own, readFileSync('policies/jiangxi-fuliang.yaml'));
    const out = join(dir, 'h.csv');
    const none = jiuzhu(['generate', '--policy', own, '--households', '10', '--out', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`jiuzhu: ${own} has no population profile at ${join(dir, 'profiles', 'hunan-mouxian.yaml')}\n`);
    expect(none.stderr).toContain('hint: give one with --profile FILE');
    // a file that is no policy is told so first (the households file as --policy was told it had no profile)
    const csv = jiuzhu(['generate', '--policy', 'policies/samples/households.csv', '--households', '10', '--out', out]);
    expect(csv.code).toBe(3);
    expect(csv.stderr).toContain('policies/samples/households.csv:1:1: a policy file is a mapping with keys');
    expect(csv.stderr).not.toContain('population profile');
    const other = jiuzhu([
      'generate',
      '--policy',
      own,
      '--profile',
      'policies/profiles/jiangxi-fuliang.yaml',
      '--households',
      '10',
      '--out',
      out,
    ]);
    expect(other.code).toBe(0);
    expect(other.stderr).toBe(
      `note: profile policies/profiles/jiangxi-fuliang.yaml was made for policies/jiangxi-fuliang.yaml, not ${own}: the households are drawn to that locality's published figures\n` +
        // (the incomes' year: a Guangzhou trial simulated 2027 on 2021 incomes, unsaid)
        `note: the households' incomes are drawn to the profile's figures of 2024-06-30: to simulate later years, grow them with simulate --year or --years … --projection P --incomes-year 2024 (or a projection whose base_year is 2024; the policy's published standards are kept)\n` +
        `wrote ${out}: 10 households, seed 1 (3 KB)\n`,
    );
    // again over it: said (a finance trial replaced a 26 MB households file with 23 lines, not a word)
    expect(
      jiuzhu(['generate', '--policy', own, '--profile', 'policies/profiles/jiangxi-fuliang.yaml', '--households', '10', '--out', out])
        .stderr,
    ).toContain(`wrote ${out}: 10 households, seed 1 (3 KB), replacing the file that was there\n`);
    expect(
      jiuzhu(['generate', '--policy', own, '--profile', 'policies/profiles/jiangxi-fuliang.yaml', '--households', '10', '--out', out, '-q'])
        .stderr,
    ).toBe('');
    expect(jiuzhu(['generate', '--help']).stdout.replace(/\s+/g, ' ')).toContain("profiles/<policy file name> in the policy's folder");
  });
});
