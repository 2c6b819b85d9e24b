// jiuzhu init (report/policy-template.ts): a policy to fill in for a locality of one's own. An author's trial found no
// template (the bundled policies are another place's 560–620 lines; a file with the standards alone gave 49 "missing
// parameter" errors, every one at the line `parameters:`, one with an empty unit and no allowed values).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PARAMS } from '../../src/core/parameters/schema.js';
import { PROFILE_KEYS } from '../../src/core/profile.js';
import { jiuzhu } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-init-'));

describe('jiuzhu init', () => {
  it('writes every parameter with what its value is; validate lists each value to give at its own line', () => {
    const file = join(dir, 'hunan-mouxian.yaml');
    const r = jiuzhu(['init', '--out', file, '--from', '2024-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    expect(text).toMatch(/^policy: hunan-mouxian$/m);
    expect(text).toContain(
      '      # 城市低保标准 · dibao standard S, urban · yuan/person/month, above 0\n      urban:\n        - {from: 2024-01-01, value: ~, source: my-doc}\n',
    );
    expect(text).toContain('# 低保金发放方式（差额/分档） · payment mode · one of gap, tiered');
    const required = PARAMS.filter((p) => !p.default && !p.optional);
    const v = jiuzhu(['validate', '--policy', file]);
    expect(v.code).toBe(3);
    const got = [...v.stderr.matchAll(/^ {2}\S+:(\d+):\d+: parameter (\S+): expected .*, got nothing$/gm)];
    // (50 problems are printed, then how many more: the placeholder name (zh, en), description, source's title and
    // address first)
    expect(v.stderr).toContain("name.zh: jiuzhu init's placeholder: give the locality's Chinese name");
    expect(v.stderr).toContain("source my-doc: jiuzhu init's placeholder: give the document's title");
    expect(got.length).toBe(Math.min(50, required.length + 5) - 5);
    for (const [, line, path] of got)
      expect(lines[Number(line) - 1]).toMatch(new RegExp(`^ +(- \\{from: 2024-01-01, value: ~|${path!.split('.').pop()}:)`));
    expect(v.stderr).not.toMatch(/missing parameter|groups parameters/);
  });

  it('filled in (the values of the test fixture), it is a valid policy: nothing else to write', () => {
    const file = join(dir, 'filled.yaml');
    expect(jiuzhu(['init', '--out', file]).code).toBe(0);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const simple = parseDocument(readFileSync('test/fixtures/policies/simple.yaml', 'utf8'));
    for (const spec of PARAMS.filter((p) => !p.default && !p.optional)) {
      const path = spec.path.split('.');
      expect(doc.hasIn(['parameters', ...path, 0, 'value']), spec.path).toBe(true);
      doc.setIn(['parameters', ...path, 0, 'value'], simple.getIn(['parameters', ...path, 0, 'value']));
      doc.setIn(['parameters', ...path, 0, 'from'], '2020-01-01');
    }
    // the template's own source, cited as written, is refused (a retrial's policy was "valid" citing it, grade A)
    writeFileSync(file, String(doc));
    const placeholder = jiuzhu(['validate', '--policy', file]);
    expect(placeholder.code).toBe(3);
    expect(placeholder.stderr).toMatch(/:\d+:\d+: source my-doc: jiuzhu init's placeholder: give the document's title\n/);
    expect(placeholder.stderr).toMatch(/:\d+:\d+: source my-doc: jiuzhu init's placeholder: give the document's address\n/);
    doc.setIn(['sources', 'my-doc', 'title'], '某政办发〔2024〕1号《关于提高城乡低保标准的通知》');
    doc.setIn(['sources', 'my-doc', 'url'], 'https://www.example.gov.cn/2024/1.html');
    // (and the template's name and description, which headed every output: an author's trial)
    writeFileSync(file, String(doc));
    const named = jiuzhu(['validate', '--policy', file]);
    expect(named.code).toBe(3);
    expect(named.stderr).toMatch(/:\d+:\d+: name\.en: jiuzhu init's placeholder: give the locality's English name\n/);
    expect(named.stderr).toMatch(/:\d+:\d+: description: jiuzhu init's placeholder: say what this policy covers/);
    doc.setIn(['name', 'zh'], '湖南省·某县');
    doc.setIn(['name', 'en'], 'Hunan / Mouxian');
    doc.set('description', 'Mouxian from 2020: the test fixture’s values.');
    writeFileSync(file, String(doc));
    const v = jiuzhu(['validate', '--policy', file]);
    expect(v.stderr).toBe('');
    expect(v.stdout).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: valid; every parameter rule holds; it runs from \\d{4}-\\d\\d-\\d\\d \\(every parameter has a value from then\\)\\n$`,
      ),
    );
  });

  it('never writes over a file, and takes the policy id from the name', () => {
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'my own policy\n');
    const again = jiuzhu(['init', '--out', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${file} exists: init writes a new file, never over one`);
    expect(readFileSync(file, 'utf8')).toBe('my own policy\n');
    expect(jiuzhu(['init', '--out', join(dir, 'Hunan County.yaml')]).stderr).toContain('lower-case letters, digits, ".", "_" or "-"');
    // (what the policy file's reader takes, init takes: my_place.v2 was refused by init and read by validate)
    const dotted = join(dir, 'my_place.v2.yaml');
    expect(jiuzhu(['init', '--out', dotted]).code).toBe(0);
    expect(readFileSync(dotted, 'utf8')).toMatch(/^policy: my_place\.v2$/m);
    expect(jiuzhu(['init', '--out', join(dir, 'x.txt')]).code).toBe(2);
  });
});

// A trial found no help to write a profile for a locality of one's own: README named no key, and there was no template.
describe('jiuzhu init --profile', () => {
  const NANNING = 'policies/guangxi-nanning.yaml';
  it('writes every profile key with what its value is, in a new profiles/ folder; generate lists each value to give at its line', () => {
    const file = join(dir, 'profiles', 'mine.yaml');
    const r = jiuzhu(['init', '--profile', '--policy', NANNING, '--out', file, '--from', '2022-07-01']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    for (const k of PROFILE_KEYS)
      expect(
        lines.some((l) => l.startsWith(`  ${k.optional ? '# ' : ''}${k.key}: {value: `)),
        k.key,
      ).toBe(true);
    expect(text).toMatch(/^policy: \.\.\/\.\.\/.*policies\/guangxi-nanning\.yaml {3}#/m);
    expect(text).toContain(
      '  # per-capita disposable income, yuan a year, urban · yuan\n  income.disposable.urban: {value: ~, source: my-doc}\n',
    );
    const g = jiuzhu(['generate', '--policy', NANNING, '--profile', file, '--households', '10', '--report']);
    expect(g.code).toBe(3);
    expect(g.stderr).toMatch(/mine\.yaml:\d+:\d+: source my-doc: jiuzhu init's placeholder: give the document's title\n/);
    const told = [...g.stderr.matchAll(/mine\.yaml:(\d+):\d+: ([\w.]+): expected /g)];
    expect(told.length).toBe(Math.min(48, PROFILE_KEYS.filter((k) => !k.optional).length));
    for (const [, line, key] of told) expect(lines[Number(line) - 1]).toMatch(new RegExp(`^  ${key!.replace(/\./g, '\\.')}: \\{value: `));
    // never over a file; --profile needs its policy, and --policy goes with --profile
    expect(jiuzhu(['init', '--profile', '--policy', NANNING, '--out', file]).stderr).toContain('exists: init writes a new file');
    expect(jiuzhu(['init', '--profile', '--out', join(dir, 'p2.yaml')]).stderr).toContain('--profile needs --policy FILE');
    expect(jiuzhu(['init', '--policy', NANNING, '--out', join(dir, 'p3.yaml')]).code).toBe(2);
  });

  it('filled in with Nanning’s values, it draws the same households as Nanning’s own profile', () => {
    const file = join(dir, 'profiles', 'filled.yaml');
    expect(jiuzhu(['init', '--profile', '--policy', NANNING, '--out', file, '--from', '2022-07-01']).code).toBe(0);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const theirs = parseDocument(readFileSync('policies/profiles/guangxi-nanning.yaml', 'utf8'));
    for (const k of PROFILE_KEYS.filter((k) => !k.optional)) doc.setIn(['values', k.key], theirs.getIn(['values', k.key]));
    doc.set('sources', theirs.get('sources'));
    writeFileSync(file, String(doc));
    const out = (profile: string, name: string) => {
      const csv = join(dir, name);
      const r = jiuzhu(['generate', '--policy', NANNING, '--profile', profile, '--households', '3000', '--seed', '5', '--out', csv]);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(csv);
    };
    expect(out(file, 'mine.csv').equals(out('policies/profiles/guangxi-nanning.yaml', 'theirs.csv'))).toBe(true);
  });
});
