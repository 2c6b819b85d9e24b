// Options given to the wrong command, said as such (a reform author's `compare --years 2027-2029` was told
// "Did you mean --year?", not that --years is simulate's).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE];

describe('an option of another command', () => {
  it('names the commands that have it (exit 2); a slip still gets the nearest option', () => {
    const years = jiuzhu(['compare', ...NANNING, '--years', '2027-2029']);
    expect([years.code, years.stderr]).toEqual([
      2,
      "error: unknown option '--years': compare has none; it is an option of simulate, report\n(run with --help for usage)\n",
    ]);
    const rows = jiuzhu(['explain', ...NANNING, '--household', 'H0001', '--per-household', 'x.csv']);
    expect([rows.code, rows.stderr.split('\n')[0]]).toEqual([
      2,
      "error: unknown option '--per-household': explain has none; it is an option of simulate, cliff",
    ]);
    const slip = jiuzhu(['simulate', ...NANNING, '--yeers', '2027']);
    expect([slip.code, slip.stderr.split('\n').slice(0, 2)]).toEqual([2, ["error: unknown option '--yeers'", '(Did you mean --years?)']]);
  });
});

describe('--seed', () => {
  it('is a whole number from 0 to 2^31 − 1 for generate and sensitivity alike', () => {
    // (generate took -1 and 4294967297 and folded them to 32 bits, drawing as another seed; sensitivity refused 0)
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-seed-'));
    const generate = (seed: string) =>
      jiuzhu([
        'generate',
        '--policy',
        'policies/guangxi-nanning.yaml',
        '--households',
        '20',
        '--seed',
        seed,
        '--out',
        join(dir, `g${seed}.csv`),
      ]);
    const sensitivity = (seed: string) =>
      jiuzhu(['sensitivity', ...NANNING, '--date', '2025-06-30', '--draws', '3', '--seed', seed, '--format', 'json']);
    for (const seed of ['-1', '4294967297', '2147483648', '1.5', 'x']) {
      const said = `jiuzhu: --seed must be a whole number from 0 to 2147483647, got "${seed}"\n`;
      expect([generate(seed).code, generate(seed).stderr]).toEqual([2, said]);
      expect([sensitivity(seed).code, sensitivity(seed).stderr]).toEqual([2, said]);
    }
    expect(generate('0').code).toBe(0);
    expect(sensitivity('0').code).toBe(0);
    expect(readFileSync(join(dir, 'g0.csv'), 'utf8')).not.toBe(
      readFileSync((generate('2147483647'), join(dir, 'g2147483647.csv')), 'utf8'),
    );
  });
});

describe('--unit', () => {
  // A Guangzhou trial wrote --unit 万元, as every output prints the unit: refused
  it('takes the unit as the outputs print it (元, 万元, 亿元) as well as yuan, wan, yi; anything else is refused', () => {
    const run = (u: string) => jiuzhu(['simulate', ...NANNING, '--date', '2025-06-30', '--unit', u, '--quiet']);
    const wan = run('wan');
    expect(wan.code).toBe(0);
    expect(run('万元').stdout).toBe(wan.stdout);
    expect(run('亿元').stdout).toBe(run('yi').stdout);
    expect(run('元').stdout).toBe(run('yuan').stdout);
    // (and 万, 亿 alone: a 科长's trial)
    expect(run('万').stdout).toBe(wan.stdout);
    expect(run('亿').stdout).toBe(run('yi').stdout);
    expect(run('constructor').code).toBe(2);
    const bad = run('wanyuan');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'wanyuan' is invalid. Allowed choices are yuan (元), wan (万元), yi (亿元).");
  });
});

// A 科长's trial wrote --lang 中文 and --lang cn: refused ("Allowed choices are zh, en.")
describe('--lang', () => {
  const explain = (lang: string) =>
    jiuzhu(['explain', ...NANNING, '--household', 'H0004', '--date', '2025-06-30', '--brief', '-q', '--lang', lang]);
  it('takes the language’s names and locale spellings; anything else is refused with the choices', () => {
    const zh = explain('zh');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^家庭 H0004/);
    for (const w of ['中文', 'cn', 'zh_CN', 'zh-Hans', 'ZH', '简体中文']) expect(explain(w).stdout, w).toBe(zh.stdout);
    // a language with any region or script, as LANG takes it (zh_TW was refused where LANG=zh_TW.UTF-8 chose Chinese,
    // and zh-Hant was offered "zh-hans": a QA's)
    for (const w of ['zh_TW', 'zh-HK', 'zh-Hant', 'zh-SG']) expect(explain(w).stdout, w).toBe(zh.stdout);
    const en = explain('en');
    expect(en.stdout).toMatch(/^household H0004/);
    for (const w of ['英文', 'English', 'en_US', 'en-AU']) expect(explain(w).stdout, w).toBe(en.stdout);
    expect(explain('fr_FR').stderr).toContain("argument 'fr_FR' is invalid. Allowed choices are zh (中文), en (English).\n");
    // a locale as LANG spells it; never a word of the objects' prototype (a review: --unit constructor printed "(undefined)")
    expect(explain('zh_CN.UTF-8').stdout).toBe(zh.stdout);
    for (const w of ['constructor', '__proto__', 'toString']) expect(explain(w).code, w).toBe(2);
    const bad = explain('fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'fr' is invalid. Allowed choices are zh (中文), en (English).");
  });
});

// A researcher at a Chinese keyboard: --format ｘｌｓｘ (full-width) was told the choices alone, --unit wann no more,
// and --unit[U+3000]wan (a full-width space) an unknown option
describe('choices as people type them', () => {
  const run = (...extra: string[]) => jiuzhu(['simulate', ...NANNING, '--date', '2025-06-30', '--quiet', ...extra]);
  it('takes a choice full-width, in capitals or with spaces around; a slip is told the one meant', () => {
    const json = run('--format', 'json');
    expect(json.code).toBe(0);
    for (const w of ['ｊｓｏｎ', 'JSON', ' json ', 'Ｊｓｏｎ']) expect(run('--format', w).stdout, w).toBe(json.stdout);
    expect(run('--format', 'json', '--encoding', 'UTF-8').stdout).toBe(json.stdout);
    const slip = run('--format', 'jsno');
    expect(slip.code).toBe(2);
    expect(slip.stderr).toContain(
      "argument 'jsno' is invalid. Allowed choices are table, json, csv, markdown, xlsx, html. Did you mean json?",
    );
    expect(run('--format', 'markdwon').stderr).toContain('Did you mean markdown?');
    // (nothing offered where nothing is near, or two are as near)
    expect(run('--format', 'pdf').stderr).toMatch(/Allowed choices are table, json, csv, markdown, xlsx, html\.\n/);
    expect(run('--unit', 'wann').stderr).toContain(
      "argument 'wann' is invalid. Allowed choices are yuan (元), wan (万元), yi (亿元). Did you mean wan?",
    );
  });

  it('an option and its value joined by a full-width space: said, with what to write', () => {
    const r = run('--unit\u3000wan');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "error: '--unit\u3000wan' joins --unit and its value with a full-width space (U+3000): write --unit wan with a plain space",
    );
    // (an option that is not one is still unknown, with commander's words)
    expect(run('--uni\u3000wan').stderr).toContain("unknown option '--uni\u3000wan'");
  });
});

describe('a fall and its percent', () => {
  // A Guangzhou trial read "−57.46 (-0.06%)": the amount with a minus sign, its percent with a hyphen
  it('are signed alike: −159,172,545.60 (−16.11%)', () => {
    const r = jiuzhu([
      ...['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, '--date', '2025-06-30'],
      ...['--scenario', 'scenarios/tekun-basic-1.3x.yaml', '--quiet'],
    ]);
    expect(r.stdout).toMatch(/−[\d,]+\.\d\d \(−\d+\.\d\d%\)/);
    expect(r.stdout).not.toMatch(/\(-\d/);
  });
});

describe('no --date', () => {
  // A researcher's trial: a run without --date took the parameters of the day it ran, and only the header said which
  it('simulates today where the user is, and says so unless --quiet (the budget-year hint where --year is taken)', () => {
    const shanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()); // YYYY-MM-DD
    const before = shanghai();
    const r = jiuzhu(['simulate', ...NANNING, '--format', 'json'], { env: { TZ: 'Asia/Shanghai' } });
    const after = shanghai();
    expect(r.code).toBe(0);
    const said =
      /^note: no --date given: simulating today, (\d{4}-\d\d-\d\d), under the parameters in force that day; give --date YYYY-MM-DD for another day, or --year YYYY for a budget year$/m.exec(
        r.stderr,
      );
    expect(said).not.toBeNull();
    expect([before, after]).toContain(said![1]); // the machine's day (its time zone), not UTC's
    expect(JSON.parse(r.stdout).date).toBe(said![1]);
    const quiet = jiuzhu(['simulate', ...NANNING, '--format', 'json', '--quiet']);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    const dated = jiuzhu(['simulate', ...NANNING, '--date', '2025-06-30', '--format', 'json']);
    expect(dated.stderr).not.toContain('no --date');
    const params = jiuzhu(['params', '--policy', 'policies/guangxi-nanning.yaml']);
    expect(params.stderr).toMatch(
      /^note: no --date given: the parameters in force today, \d{4}-\d\d-\d\d; give --date YYYY-MM-DD for another day$/m,
    );
  });
});
