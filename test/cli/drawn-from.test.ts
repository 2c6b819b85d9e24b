// Which profile a generated population was drawn from (io/generated.ts): its ids G000001 … G<n> and its weight, the
// profile's for n households to the millionth. A researcher ran a Nanning population under Guangzhou's rules and was
// told its incomes were of Guangzhou's profile's year (2021; they were 2022's — and "--incomes-year 2022 … 1 year too
// few" would have had them grown a year too many), its emergencies Guangzhou's (0.04 per 100; they were drawn at
// Nanning's 0.46), and nothing of the Nanning dibao register it carried into Guangzhou's rules.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnFrom } from '../../src/io/generated.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const GUANGZHOU = 'policies/guangdong-guangzhou.yaml';
const FULIANG = 'policies/jiangxi-fuliang.yaml';

describe('a generated population is known by the profile that drew it', () => {
  let dir = '';
  let nanning = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jiuzhu-drawn-'));
    nanning = join(dir, 'nanning.csv');
    const made = jiuzhu(['generate', '--policy', NANNING, '--households', '1500', '--seed', '3', '--out', nanning, '-q']);
    expect(made.code, made.stderr).toBe(0);
  });

  it('by its ids and weight: its own profile, another locality’s, or none', async () => {
    expect((await drawnFrom(nanning, [GUANGZHOU]))?.file).toBe('policies/profiles/guangxi-nanning.yaml');
    expect((await drawnFrom(nanning, [NANNING]))?.profile.id).toBe('guangxi-nanning');
    // (Guangzhou's profile, asked first, did not draw it; nor Fuliang's, its other sibling)
    expect((await drawnFrom(nanning, [GUANGZHOU, FULIANG]))?.profile.id).toBe('guangxi-nanning');
    expect(await drawnFrom(SAMPLE, [NANNING])).toBeNull();
    // one millionth off the first weight (41.xxxxxx → …+1): not a population that profile drew
    const text = readFileSync(nanning, 'utf8');
    const off = join(dir, 'off.csv');
    writeFileSync(
      off,
      text.replace(/,(\d+\.\d{5})(\d),/, (_, a: string, d: string) => `,${a}${(Number(d) + 1) % 10},`),
    );
    expect(await drawnFrom(off, [NANNING])).toBeNull();
    // its last households cut off: another n, another weight — not that profile's
    const lines = text.trimEnd().split('\n');
    const cut = join(dir, 'cut.csv');
    writeFileSync(cut, `${lines.filter((l) => !l.startsWith('G001500')).join('\n')}\n`);
    expect(await drawnFrom(cut, [NANNING])).toBeNull();
    // an Arrow file jiuzhu import made of it is that population too
    const arrow = join(dir, 'nanning.arrow');
    expect(jiuzhu(['import', nanning, '--out', arrow, '-q']).code).toBe(0);
    expect((await drawnFrom(arrow, [FULIANG]))?.file).toBe('policies/profiles/guangxi-nanning.yaml');
    // (told from the ends import recorded, not by reading two batches again)
    const table = tableFromIPC(readFileSync(arrow));
    expect(JSON.parse(table.schema.metadata.get('jiuzhu.ends')!)).toEqual({
      first_household_id: 'G000001',
      last_household_id: 'G001500',
      first_weight_millionths: Number(/,(\d+)\.(\d{6}),[^,]*\n/.exec(text)!.slice(1).join('')),
    });
    // written again by another tool (its metadata kept, as pyarrow keeps it): told from its batches, as they are now
    const again = join(dir, 'again.arrow');
    writeFileSync(again, tableToIPC(table, 'file'));
    expect((await drawnFrom(again, [NANNING]))?.profile.id).toBe('guangxi-nanning');
    const fewer = join(dir, 'fewer.arrow');
    writeFileSync(fewer, tableToIPC(table.slice(0, table.numRows - 5), 'file'));
    expect(tableFromIPC(readFileSync(fewer)).schema.metadata.get('jiuzhu.ends')).toBeDefined(); // (stale, not believed)
    expect(await drawnFrom(fewer, [NANNING])).toBeNull();
  });

  it('under another locality’s rules: its own profile’s year and emergencies, and a note that it keeps its own register', () => {
    const r = jiuzhu(['simulate', '--policy', GUANGZHOU, '--households', nanning, '--date', '2022-07-01', '--format', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const notes: string[] = JSON.parse(r.stdout).notes;
    expect(notes.join('\n')).not.toContain('guangdong-guangzhou.yaml has incomes');
    expect(notes).toContain(
      "temporary assistance is paid on the households' emergency_need; a population generated from policies/profiles/guangxi-nanning.yaml draws its emergencies from the profile's estimates (0.46 cases a year per 100 persons at 1,328 yuan on average, mca-2023-q3), which no parameter's range moves — jiuzhu generate --report sets them beside their sources",
    );
    expect(notes).toContain(
      "the households were generated from policies/profiles/guangxi-nanning.yaml (guangxi-nanning), not as guangdong-guangzhou's population: under its rules they keep what was drawn for guangxi-nanning — its incomes and its dibao register (on_dibao, prior_dibao: who receives dibao now was drawn against guangxi-nanning's standard, always takes dibao up, and leaves through the gradual exit) — so the cost is of these households under those rules, not of that place",
    );
    // its own locality: no such note
    const own = jiuzhu(['simulate', '--policy', NANNING, '--households', nanning, '--date', '2022-07-01']);
    expect(own.stderr).not.toContain('the households were generated from');
    // the same under compare, for the localities it was not drawn for; in 中文 under --lang zh
    const c = jiuzhu([
      'compare',
      '--policy',
      NANNING,
      '--policy',
      GUANGZHOU,
      '--policy',
      FULIANG,
      '--households',
      nanning,
      '--date',
      '2022-07-01',
    ]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toContain('not as guangdong-guangzhou or jiangxi-fuliang’s population'.replace('’', "'"));
    expect(c.stderr).toContain('draws its emergencies from the profile');
    const zh = jiuzhu(['compare', '--policy', NANNING, '--policy', GUANGZHOU, '--households', nanning, '--year', '2022', '--lang', 'zh']);
    expect(zh.stderr).toContain(
      '注：这些家庭由 policies/profiles/guangxi-nanning.yaml（guangxi-nanning）生成，不是 guangdong-guangzhou 的人口',
    );
  });

  it('--incomes-year is checked against the profile that drew the file, not the policy’s', () => {
    const run = (year: string) =>
      jiuzhu([
        'compare',
        ...['--policy', GUANGZHOU, '--households', nanning, '--year', '2027'],
        ...['--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--incomes-year', year],
      ]);
    const right = run('2022');
    expect(right.code, right.stderr).toBe(0);
    expect(right.stderr).not.toContain('--incomes-year 2022 is given');
    expect(run('2021').stderr).toContain(
      'note: --incomes-year 2021 is given, but a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022: they are grown from 2021 (1 year too many)',
    );
  });
});

describe('compare says what simulate says of the households', () => {
  it('a small sample’s few households a program rests on, at a date and over a year, in the JSON notes too', () => {
    const at = jiuzhu([
      'compare',
      '--policy',
      NANNING,
      '--policy',
      GUANGZHOU,
      '--households',
      SAMPLE,
      '--date',
      '2025-06-30',
      '--format',
      'json',
      '-q',
    ]);
    expect(at.code, at.stderr).toBe(0);
    const few = (notes: string[]) => notes.find((n) => n.startsWith('few households of the sample receive'));
    // (the first locality's baseline's, as simulate says it for Nanning: its 11 gradual exits, ±2/√11 = ±60 %)
    const alone = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json', '-q']);
    expect(few(JSON.parse(at.stdout).notes)).toBe(few(JSON.parse(alone.stdout).notes));
    expect(few(JSON.parse(at.stdout).notes)).toContain('低保渐退 gradual exit (11: ±60 %)');
    const year = jiuzhu(['compare', '--policy', NANNING, '--policy', GUANGZHOU, '--households', SAMPLE, '--year', '2025']);
    expect(year.stderr).toContain('note: few households of the sample receive');
    // a projected year: as simulate --year --projection says it
    const projected = ['--households', SAMPLE, '--year', '2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];
    const [p, ps] = [
      jiuzhu(['compare', '--policy', NANNING, ...projected, '--format', 'json', '-q']),
      jiuzhu(['simulate', '--policy', NANNING, ...projected, '--format', 'json', '-q']),
    ];
    expect(p.code, p.stderr).toBe(0);
    expect(few(JSON.parse(p.stdout).notes)).toBeDefined();
    expect(few(JSON.parse(p.stdout).notes)).toBe(few(JSON.parse(ps.stdout).notes));
  });
});
