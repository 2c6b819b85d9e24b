// The CLI under hostile but realistic use: outputs naming inputs, odd output targets (a link, a device, a pipe, a
// directory, a full disk), inputs that are directories or pipes, Ctrl-C while writing, runs that check nothing, and
// floods of problems. Each was a silent wrong result, a lost file, a leftover file or an internal error (exit 4).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'jiuzhu-'));
const simulate = (...more: string[]) => jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2024-12-31', ...more]);

describe('odd requests a county trial made, said', () => {
  it('a households file with a header only: a note that every figure is 0 (it was all zeros, exit 0, not a word)', () => {
    const dir = tmp();
    const empty = join(dir, 'h.csv');
    writeFileSync(empty, readFileSync(SAMPLE, 'utf8').split('\n')[0] + '\n');
    for (const when of [
      ['--date', '2025-06-30'],
      ['--year', '2025'],
    ]) {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', empty, ...when, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`note: ${empty} holds no household (a header only?): every figure is 0\n`);
    }
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2025-06-30']).stderr).not.toContain(
      'holds no household',
    );
    // sensitivity says it too; import refuses it, leaving the file there as it was (a data engineer's nightly job
    // replaced the night before's good Arrow file with "0 households", exit 0)
    const s = jiuzhu(['sensitivity', '--policy', NANNING, '--households', empty, '--date', '2025-06-30', '--format', 'json']);
    expect([s.code, s.stderr]).toEqual([0, expect.stringContaining(`note: ${empty} holds no household`)]);
    // as cliff over the file, check (a snapshot of zeros, made in silence) and report do (a QA trial: not said there)
    for (const more of [
      ['cliff'],
      ['check', '--snapshot', join(dir, 'zero.json'), '--update'],
      ['report', '--out', join(dir, 'zero.html')],
    ]) {
      const r = jiuzhu([...more, '--policy', NANNING, '--households', empty, '--date', '2025-06-30']);
      expect([r.code, r.stderr], more[0]).toEqual([0, expect.stringContaining(`note: ${empty} holds no household`)]);
    }
    const good = join(dir, 'good.arrow');
    expect(jiuzhu(['import', SAMPLE, '--out', good, '-q']).code).toBe(0);
    const before = readFileSync(good);
    const imp = jiuzhu(['import', empty, '--out', good]);
    expect([imp.code, imp.stderr]).toEqual([
      3,
      expect.stringContaining(`${empty}: holds no household (a header only?): nothing to import`),
    ]);
    expect(imp.stderr).toContain(`hint: ${good} is left as it was`);
    expect(readFileSync(good).equals(before)).toBe(true);
  });

  // A QA trial: `--out --format -q` wrote a file named "--format", exit 0
  it("an option given for another option's value is refused, and no file is written", () => {
    const dir = tmp();
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--out', '--format', '-q'], { cwd: dir });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([
      2,
      "error: option '--out <file>' got --format, an option, for its value: give --out its value (a name beginning with -- goes as ./--format)",
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  // QA and finance trials: `--scenario --date 2022-07-01` and `compare --policy P a.yaml b.yaml` were told "too many
  // arguments. Expected 0 arguments but got 1" — the option taken for a value is told first, then the argument by name
  it('an argument where a command takes none is told by name, with the option it belongs to', () => {
    const first = (args: string[]) => {
      const r = jiuzhu(args);
      return [r.code, r.stderr.split('\n')[0]];
    };
    expect(first(['simulate', '--policy', NANNING, '--households', SAMPLE, '--scenario', '--date', '2022-07-01'])).toEqual([
      2,
      "error: option '--scenario <file>' got --date, an option, for its value: give --scenario its value (a name beginning with -- goes as ./--date)",
    ]);
    expect(first(['compare', '--policy', NANNING, '--households', SAMPLE, 'a.yaml', 'b.yaml'])).toEqual([
      2,
      "error: unexpected argument 'a.yaml': compare takes no arguments: a scenario goes with --scenario FILE (repeatable); a policy with --policy FILE",
    ]);
    expect(first(['simulate', '--policy', NANNING, '--households', SAMPLE, '--year', '2022', '2023'])).toEqual([
      2,
      "error: unexpected argument '2023': simulate takes no arguments: a year goes with --year YYYY, several with --years YYYY-YYYY",
    ]);
    expect(first(['params', '--policy', NANNING, 'x'])).toEqual([
      2,
      "error: unexpected argument 'x': params takes no arguments (an option’s value goes right after its option)",
    ]);
  });

  it('compare with one policy given twice, however spelled: a usage error (it compared the locality with itself)', () => {
    const r = jiuzhu(['compare', '--policy', NANNING, '--policy', `./${NANNING}`, '--households', SAMPLE]);
    expect([r.code, r.stderr]).toEqual([
      2,
      `jiuzhu: --policy ./${NANNING} is given twice (${NANNING} is the same file): compare needs different localities\n`,
    ]);
  });

  it('compare with two files of one policy id: told apart by file in the table, and said (a copied variant kept its id)', () => {
    const copy = join(tmp(), 'variant.yaml');
    writeFileSync(copy, readFileSync(NANNING, 'utf8'));
    const r = jiuzhu(['compare', '--policy', NANNING, '--policy', copy, '--households', SAMPLE, '--date', '2025-06-30']);
    expect(r.code, r.stderr).toBe(0);
    const header = r.stdout.split('\n').find((l) => l.startsWith('baseline 基线'))!;
    expect(header).toContain('guangxi-nanning (guangxi-nanning.yaml)  guangxi-nanning (variant.yaml)');
    expect(header).toMatch(/guangxi-nanning \(variant\.yaml\) − guangxi-nanning \(guangxi-nanning\.yaml\)$/);
    expect(r.stderr).toContain(
      `note: ${NANNING}, ${copy} give one policy id, guangxi-nanning: the side-by-side table tells them apart by file (a variant? give it its own policy: id, or write it as a --scenario)`,
    );
  });
});

describe('an output never overwrites an input (exit 2, before anything is read)', () => {
  it('--per-household naming the households file, however spelled or linked, or the policy file', () => {
    const dir = tmp();
    const households = join(dir, 'h.csv');
    copyFileSync(SAMPLE, households);
    const before = readFileSync(households, 'utf8');
    const link = join(dir, 'link.csv');
    symlinkSync(households, link);
    for (const out of [households, join(dir, '.', '..', dir.split('/').pop()!, 'h.csv'), link]) {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', households, '--date', '2024-12-31', '--per-household', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `jiuzhu: --per-household ${out} is the households file ${households}: jiuzhu never writes over a file it reads\nhint: choose another name for --per-household\n`,
      );
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(households, 'utf8')).toBe(before);
    const policy = join(dir, 'p.yaml');
    copyFileSync(NANNING, policy);
    const r = jiuzhu(['simulate', '--policy', policy, '--households', SAMPLE, '--per-household', policy]);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([
      2,
      `jiuzhu: --per-household ${policy} is the policy file ${policy}: jiuzhu never writes over a file it reads`,
    ]);
    expect(readFileSync(policy, 'utf8')).toBe(readFileSync(NANNING, 'utf8'));
  });

  // A QA trial: h.csv/ (or h.csv/.) got past the check (stat fails on it) and path.resolve dropped the slash, so the
  // households, the policy, a snapshot were written over with exit 0; lnk/../h.csv was resolved by text to the input,
  // where the system reads it as the folder above the link's target
  it("an output path ending in / or /. (a folder's), refused by every writer; lnk/../x written where the system reads it", () => {
    const dir = tmp();
    const households = join(dir, 'h.csv');
    copyFileSync(SAMPLE, households);
    const before = readFileSync(households, 'utf8');
    const run = ['simulate', '--policy', NANNING, '--households', households, '--date', '2024-12-31'];
    for (const args of [
      [...run, '--per-household', `${households}/`],
      [...run, '--format', 'csv', '--out', `${households}//`],
      [...run, '--format', 'json', '--out', `${households}/.`],
      ['check', ...run.slice(1), '--snapshot', `${households}/`, '--update'],
      ['report', ...run.slice(1), '--out', `${dir}/..`],
      ['generate', '--policy', NANNING, '--households', '5', '--out', `${households}/`],
    ]) {
      const r = jiuzhu(args);
      const flag = args.find((a) => a.startsWith('--') && args[args.indexOf(a) + 1]?.startsWith(dir) && a !== '--households')!;
      expect([r.code, r.stderr], args.join(' ')).toEqual([
        2,
        `jiuzhu: ${flag} ${args[args.indexOf(flag) + 1]} names a folder, not a file\nhint: a file's name has no / at its end, nor a last . or ..\n`,
      ]);
    }
    expect(readFileSync(households, 'utf8')).toBe(before);
    // a link to a folder, then ..: the folder above the link's target (as cat and ls read it), not the input beside it
    mkdirSync(join(dir, 'd', 'sub'), { recursive: true });
    symlinkSync(join(dir, 'd', 'sub'), join(dir, 'lnk'));
    const r = jiuzhu([...run, '--format', 'csv', '--out', `${dir}/lnk/../h.csv`, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(households, 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'd', 'h.csv'), 'utf8')).toMatch(/^scenario,program,/);
  });

  // A county trial's column mapping was replaced by the rows per household (exit 0): --columns is an input too
  it('--per-household or --out naming the --columns mapping: refused, the mapping kept', () => {
    const dir = tmp();
    const mapping = join(dir, 'map.yaml');
    const text = 'columns: {户号: household_id}\n';
    writeFileSync(mapping, text);
    writeFileSync(join(dir, 'h.csv'), readFileSync(SAMPLE, 'utf8').replace(/^household_id,/, '户号,'));
    const run = (...out: string[]) =>
      jiuzhu(['simulate', '--policy', NANNING, '--households', join(dir, 'h.csv'), '--columns', mapping, '--date', '2024-12-31', ...out]);
    expect(run().code).toBe(0); // (the mapping reads the file)
    for (const out of [
      ['--per-household', mapping],
      ['--format', 'csv', '--out', mapping],
    ]) {
      const r = run(...out);
      expect([r.code, r.stderr]).toEqual([
        2,
        `jiuzhu: ${out.at(-2)} ${mapping} is the column mapping ${mapping}: jiuzhu never writes over a file it reads\nhint: choose another name for ${out.at(-2)}\n`,
      ]);
      expect(readFileSync(mapping, 'utf8')).toBe(text);
    }
  });

  it('two outputs naming one file, new or existing, however spelled: refused, nothing written or replaced', () => {
    const dir = tmp();
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, 'mine\n');
    for (const [out, rows] of [
      [join(dir, 'new.csv'), join(dir, '.', 'new.csv')],
      [kept, kept],
    ]) {
      const r = simulate('--format', 'csv', '--out', out!, '--per-household', rows!);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(
        /^jiuzhu: --(out|per-household) \S+ and --(out|per-household) \S+ are the same file: one would replace the other\n/,
      );
    }
    expect(readdirSync(dir)).toEqual(['kept.csv']);
    expect(readFileSync(kept, 'utf8')).toBe('mine\n');
    // two outputs to the terminal's stream do not replace one another, but their lines would mix
    expect(simulate('--format', 'csv', '--out', '/dev/stdout', '--per-household', '/dev/stdout').stderr).toBe(
      'jiuzhu: --out and --per-household both go to standard output: their lines would mix\nhint: give --per-household a file\n',
    );
  });

  it('an output named for another kind of file is refused (a workbook named .csv, CSV named .xlsx); others are fine', () => {
    const dir = tmp();
    const refused = (args: string[], message: string) => {
      const r = jiuzhu(args);
      expect([r.code, r.stderr]).toEqual([2, message]);
    };
    const run = ['simulate', '--policy', NANNING, '--households', SAMPLE];
    refused(
      [...run, '--format', 'xlsx', '--out', join(dir, 'b.csv')],
      `jiuzhu: --out ${dir}/b.csv ends in .csv, but it gets an Excel workbook\nhint: name it ${dir}/b.xlsx, or give --format csv\n`,
    );
    refused(
      [...run, '--out', join(dir, 'b.json')],
      `jiuzhu: --out ${dir}/b.json ends in .json, but it gets a text table\nhint: name it ${dir}/b.txt, or give --format json\n`,
    );
    refused(
      [...run, '--per-household', join(dir, 'r.xlsx')],
      `jiuzhu: --per-household ${dir}/r.xlsx ends in .xlsx, but it gets CSV\nhint: name it ${dir}/r.csv\n`,
    );
    refused(
      ['generate', '--policy', NANNING, '--households', '10', '--out', join(dir, 'g.XLSX')],
      `jiuzhu: --out ${dir}/g.XLSX ends in .XLSX, but it gets CSV\nhint: name it ${dir}/g.csv\n`,
    );
    refused(
      ['report', ...run.slice(1), '--out', join(dir, 'r.md')],
      `jiuzhu: --out ${dir}/r.md ends in .md, but it gets HTML\nhint: name it ${dir}/r.html\n`,
    );
    // a kind jiuzhu never writes (a hardening trial's report --out r.pdf was HTML named .pdf)
    refused(
      ['report', ...run.slice(1), '--out', join(dir, 'r.pdf')],
      `jiuzhu: --out ${dir}/r.pdf ends in .pdf, but it gets HTML\nhint: name it ${dir}/r.html (a browser prints it to PDF)\n`,
    );
    refused(
      [...run, '--format', 'xlsx', '--out', join(dir, 'b.xls')],
      `jiuzhu: --out ${dir}/b.xls ends in .xls, but it gets an Excel workbook\nhint: name it ${dir}/b.xlsx\n`,
    );
    // YAML: jiuzhu's own policies, scenarios, cases and profiles (a QA trial's --per-household fuliang.yaml wrote CSV over
    // a policy, and check --snapshot x.yaml --update JSON)
    refused(
      [...run, '--per-household', join(dir, 'p.yaml')],
      `jiuzhu: --per-household ${dir}/p.yaml ends in .yaml, but it gets CSV\nhint: name it ${dir}/p.csv\n`,
    );
    refused(
      ['check', ...run.slice(1), '--snapshot', join(dir, 's.yml'), '--update'],
      `jiuzhu: --snapshot ${dir}/s.yml ends in .yml, but it gets JSON\nhint: name it ${dir}/s.json\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
    // the right extension in any case, an extension jiuzhu does not write, or none
    for (const [format, name] of [
      ['json', 'b.JSON'],
      ['markdown', 'b.md'],
      ['csv', 'b.tsv'],
      ['table', 'b'],
    ])
      expect(jiuzhu([...run, '--format', format!, '--out', join(dir, name!)]).code, name).toBe(0);
  });

  it('test --junit naming a case or policy file; generate --out naming the profile; check --update naming the households file', () => {
    const dir = tmp();
    const cases = join(dir, 'cases.yaml');
    copyFileSync('policies/cases/guangxi-nanning.yaml', cases);
    const junit = jiuzhu(['test', cases, '--junit', cases]);
    expect([junit.code, junit.stderr.split('\n')[0]]).toEqual([
      2,
      `jiuzhu: --junit ${cases} is the case file ${cases}: jiuzhu never writes over a file it reads`,
    ]);
    const junitPolicy = jiuzhu(['test', 'policies/cases/guangxi-nanning.yaml', '--junit', NANNING]);
    expect(junitPolicy.code).toBe(2);
    expect(junitPolicy.stderr).toMatch(/is the policy file/);
    const profile = 'policies/profiles/guangxi-nanning.yaml';
    const gen = jiuzhu(['generate', '--policy', NANNING, '--households', '10', '--out', profile]);
    expect([gen.code, gen.stderr.split('\n')[0]]).toEqual([
      2,
      `jiuzhu: --out ${profile} is the profile ${profile}: jiuzhu never writes over a file it reads`,
    ]);
    const households = join(dir, 'h.csv');
    copyFileSync(SAMPLE, households);
    const check = jiuzhu(['check', '--policy', NANNING, '--households', households, '--snapshot', households, '--update']);
    expect(check.code).toBe(2);
    expect(readFileSync(households, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['cases.yaml', 'h.csv']);
  });
});

describe('odd output targets', () => {
  it('a link is followed: the file it names gets the rows, the link stays a link', () => {
    const dir = tmp();
    const real = join(dir, 'real.csv');
    writeFileSync(real, 'old\n');
    const link = join(dir, 'rows.csv');
    symlinkSync('real.csv', link);
    expect(simulate('--per-household', link).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^household_id,scenario,/);
    expect(readdirSync(dir).sort()).toEqual(['real.csv', 'rows.csv']);
  });

  it('a device or pipe is written through (it was replaced by a regular file); a full disk is exit 2', () => {
    const r = simulate('--per-household', '/dev/stdout', '--format', 'json', '--out', join(tmp(), 't.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^household_id,scenario,/m);
    expect(lstatSync('/dev/stdout').isFile()).toBe(false);
    const full = simulate('--per-household', '/dev/full');
    expect([full.code, full.stderr]).toEqual([2, 'jiuzhu: cannot write /dev/full: no space left on the device\n']);
  });

  it('an output to a pipe whose reader closes it early (| head) exits 0 and says nothing, as standard output does', () => {
    // (the rows of 2,000 households under 4 runs are ~0.3 MB, past a pipe's 64 KB: the reader is gone while they are
    // written)
    const scenarios = ['tekun-basic-1.6x', 'low-income-2x', 'unify-rural-urban'].map((s) => `--scenario scenarios/${s}.yaml`).join(' ');
    const run = (target: string, redirect: string) =>
      spawnSync(
        'bash',
        [
          '-c',
          `node bin/jiuzhu.js simulate --policy ${NANNING} --households ${SAMPLE} --per-household ${target} --out ${join(tmp(), 't.txt')} ${scenarios} --quiet ${redirect} | head -1; echo "exit \${PIPESTATUS[0]}"`,
        ],
        { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      ).stdout;
    for (const [target, redirect] of [
      ['/dev/stdout', ''],
      ['/dev/stderr', '2>&1 >/dev/null'],
    ])
      expect(run(target!, redirect!), target).toMatch(/^household_id,scenario,[^\n]*\nexit 0\n$/);
  });

  // An auditor's trial piped --per-household /dev/stdout and got the rows and the table mixed, --quiet or not; and
  // --per-household - wrote a file named "-" in the working directory.
  it('- is standard output; rows and the totals both there is exit 2, before anything is read', () => {
    const dir = tmp();
    const r = jiuzhu(
      [
        'simulate',
        '--policy',
        join(process.cwd(), NANNING),
        '--households',
        join(process.cwd(), SAMPLE),
        '--per-household',
        '-',
        '--out',
        't.txt',
      ],
      { cwd: dir },
    );
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([0, 'wrote t.txt (8 KB)']); // (the table with its premium-by-group line)
    expect(r.stdout).toMatch(/^household_id,scenario,[^\n]*\n[^,]+,baseline,/);
    expect(readdirSync(dir)).toEqual(['t.txt']); // (no file named "-")
    for (const target of ['-', '/dev/stdout']) {
      const mixed = simulate('--per-household', target, '--quiet');
      expect([mixed.code, mixed.stdout, mixed.stderr]).toEqual([
        2,
        '',
        "jiuzhu: --per-household and the command's own output both go to standard output: their lines would mix\n" +
          'hint: give --per-household a file, or --out FILE for the totals\n',
      ]);
    }
    // standard output sent to a file by the shell: the rows go there, and stderr does not call it "the file that was
    // there" (an integrator was told "wrote /dev/stdout …, replacing the file that was there")
    const rows = join(dir, 'rows.csv');
    const shell = spawnSync(
      'sh',
      [
        '-c',
        `node bin/jiuzhu.js simulate --policy ${NANNING} --households ${SAMPLE} --per-household /dev/stdout --out ${join(dir, 'r.json')} --format json > ${rows}`,
      ],
      { encoding: 'utf8' },
    );
    expect([shell.status, shell.stderr.split('\n')[0]]).toEqual([0, expect.stringMatching(/^wrote \S+r\.json \(\d+ KB\)$/)]); // (its size moves with the policy)
    expect(shell.stderr).not.toContain('/dev/stdout');
    expect(readFileSync(rows, 'utf8').split('\n')).toHaveLength(602); // the header, 600 households, the last newline
    const cliff = jiuzhu(['cliff', '--policy', NANNING, '--households', SAMPLE, '--per-household', '-']);
    expect([cliff.code, cliff.stderr]).toEqual([
      2,
      "jiuzhu: --per-household and the command's own output both go to standard output: their lines would mix\nhint: give --per-household a file\n",
    ]);
  });

  it('a closed pipe ends the run with exit 0 and says that --out was not written', () => {
    const out = join(tmp(), 'r.json');
    const scenarios = ['tekun-basic-1.6x', 'low-income-2x', 'unify-rural-urban'].map((s) => `--scenario scenarios/${s}.yaml`).join(' ');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `node bin/jiuzhu.js simulate --policy ${NANNING} --households ${SAMPLE} --per-household /dev/stdout --format json --out ${out} ${scenarios} | head -1 > /dev/null; echo "exit \${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect([r.stdout, r.stderr]).toEqual([
      'exit 0\n',
      `note: the reader of /dev/stdout closed it early: the run stopped there, and wrote nothing more (no ${out})\n`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  // A terminal QA trial: standard output closed before the first write (`| true`) ended the run there and then, exit 0:
  // no rows.csv and a temporary file left beside it; a check that failed passed
  it('standard output closed early: the run goes on to its end, its files written, its exit code its verdict', () => {
    const dir = tmp();
    const piped = (args: string) =>
      spawnSync('bash', ['-c', `node bin/jiuzhu.js ${args} | true; echo "exit \${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    for (const format of ['table', 'json']) {
      const rows = join(dir, `rows-${format}.csv`);
      const r = piped(
        `simulate --policy ${NANNING} --households ${SAMPLE} --date 2025-06-30 --format ${format} --per-household ${rows} --quiet`,
      );
      expect([r.stdout, r.stderr]).toEqual(['exit 0\n', '']);
      expect(readFileSync(rows, 'utf8').split('\n')).toHaveLength(602);
    }
    expect(readdirSync(dir).sort()).toEqual(['rows-json.csv', 'rows-table.csv']); // (no temporary file left)
    // a snapshot with one figure moved: exit 1 through the closed pipe as without it
    const snapshot = join(dir, 'moved.json');
    writeFileSync(
      snapshot,
      readFileSync('policies/snapshots/guangxi-nanning.json', 'utf8')
        .replace(/"(\.\.\/[^"]+)"/g, (_, rel: string) => JSON.stringify(join(process.cwd(), 'policies/snapshots', rel)))
        .replace(/"annual_cost": "(\d)/, '"annual_cost": "9$1'),
    );
    const check = `check --policy ${NANNING} --households ${SAMPLE} --scenario scenarios/tekun-basic-1.6x.yaml --scenario scenarios/low-income-2x.yaml --snapshot ${snapshot} --quiet`;
    expect(spawnSync('bash', ['-c', `node bin/jiuzhu.js ${check} > /dev/null`]).status).toBe(1);
    expect(piped(check).stdout).toBe('exit 1\n');
  });

  it('a directory as output, or an output in a directory that does not exist, is exit 2 naming it', () => {
    const dir = tmp();
    expect(simulate('--per-household', dir).stderr).toBe(`jiuzhu: cannot write ${dir}: it is a directory\n`);
    const nowhere = join(dir, 'no', 'rows.csv');
    const r = simulate('--per-household', nowhere);
    expect([r.code, r.stderr]).toEqual([
      2,
      `jiuzhu: --per-household ${nowhere}: its folder ${join(dir, 'no')} does not exist\nhint: make the folder first (mkdir -p ${join(dir, 'no')}), or give --per-household another path\n`,
    ]);
  });
});

describe('odd inputs', () => {
  // A hardening trial: `area` and `Area` (urban, rural) ran on area's values with a note; README says a column that
  // differs from one jiuzhu reads only by case or spacing is an error.
  it('a column beside the one it is but for case or spacing is an error naming both', () => {
    const dir = tmp();
    for (const twin of ['Area', 'AREA', 'A rea']) {
      const csv = join(dir, 'h.csv');
      writeFileSync(csv, `household_id,person_id,age,area,wage_income,${twin}\nH1,p1,45,urban,5,rural\n`);
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', csv, '--date', '2024-12-31', '--quiet']); // (its absent columns' note aside)
      expect([r.code, r.stderr], twin).toEqual([
        3,
        `jiuzhu: invalid input (1 problem):\n  ${csv}:1:6: column "${twin}" looks like area, which the file has too (column 4): jiuzhu would read area and not this one. Remove one, or give this one a name that does not resemble a column jiuzhu reads (area_old)\n`,
      ]);
    }
  });

  // A hardening trial: `(sleep 1; cat f.csv) | jiuzhu … --households -` was exit 4, EAGAIN (chalk's import of
  // node:process made descriptor 0 non-blocking under Node 20, and it was read as a file); any pipe slower than the read.
  it('standard input from a pipe that is slow to write is waited for, whole and --stream', () => {
    const file = simulate('--format', 'csv', '--quiet').stdout;
    for (const more of ['', '--stream']) {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `(sleep 0.5; cat ${SAMPLE}) | node bin/jiuzhu.js simulate --policy ${NANNING} --households - --date 2024-12-31 --format csv --quiet ${more}`,
        ],
        { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      );
      expect([r.status, r.stderr], more).toEqual([0, '']);
      expect(r.stdout, more).toBe(file);
    }
  });

  // A TUI trial piped a file twice over (100k households): "internal error: Maximum call stack size exceeded", exit 4 —
  // the reader's problems were added with push(...), one argument each. From a file it was the right error.
  it('a pipe of 130,000 ids each given twice: the duplicates told (exit 3), by both readers, whole and --stream', () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => `H${i},P${i},40,urban,100`);
    const input = ['household_id,person_id,age,area,wage_income', ...rows, ...rows].join('\n') + '\n';
    for (const [env, more] of [
      [{}, []],
      [{}, ['--stream']],
      [{ JIUZHU_CSV_READER: 'reference' }, []],
    ] as const) {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', '-', '--date', '2024-12-31', '--quiet', ...more], { input, env });
      // (--stream: the first H0 again is out of order, the rows it needs grouped; whole: the first duplicate person)
      expect([r.code, r.stderr.split('\n')[1]], JSON.stringify(env) + more.join(' ')).toEqual([
        3,
        more.length
          ? '  /dev/stdin:130002:1: household H0: comes after household H129999: --stream needs the rows grouped by household_id in sorted order (sort the file, or run without --stream)'
          : '  /dev/stdin:130002:2: column person_id: person "P0" appears again (first on line 2); person_id must be unique in the file',
      ]);
    }
  });

  it('a directory as households, policy or case file is exit 2 naming it', () => {
    const dir = tmp();
    const h = jiuzhu(['simulate', '--policy', NANNING, '--households', dir]);
    expect([h.code, h.stderr]).toEqual([2, `jiuzhu: cannot read the households file ${dir}: it is a directory\n`]);
    const p = jiuzhu(['params', '--policy', dir]);
    expect([p.code, p.stderr]).toEqual([2, `jiuzhu: cannot read the policy file ${dir}: it is a directory\n`]);
  });

  it('a households file option given to a command that reads none is refused, not ignored', () => {
    const params = jiuzhu(['params', '--policy', NANNING, '--columns', 'mapping-with-a-typo.yaml']);
    expect([params.code, params.stderr]).toEqual([
      2,
      'jiuzhu: params reads no households file: --columns would do nothing\nhint: leave it out\n',
    ]);
    const gen = jiuzhu(['generate', '--policy', NANNING, '--households', '5', '--report', '--encoding', 'gbk', '--sheet', 'x']);
    expect([gen.code, gen.stderr]).toEqual([
      2,
      'jiuzhu: generate reads no households file: --encoding, --sheet would do nothing\nhint: leave them out\n',
    ]);
    expect(simulate('--encoding', 'utf-8', '--quiet').code).toBe(0); // (a command that reads one takes them)
    // --sheet with a file that is no workbook, and the households options with cliff --describe (two trials: exit 0)
    expect(simulate('--sheet', 'x').stderr).toBe(
      `jiuzhu: ${SAMPLE} is not a workbook (.xlsx): --sheet would do nothing to it\nhint: leave --sheet out\n`,
    );
    const cliff = jiuzhu(['cliff', '--policy', NANNING, '--describe', 'urban: 45', '--encoding', 'gb18030', '--columns', 'm.yaml']);
    expect([cliff.code, cliff.stderr.split('\n')[0]]).toEqual([
      2,
      'jiuzhu: --describe gives the household itself: --columns, --encoding would do nothing (they turn a households file)',
    ]);
  });

  // Two trials: `simulate --policy A --policy B` ran B alone, `test --junit a --junit b` wrote only b — commander keeps
  // an option's last value. An option that takes one value, given twice, is a usage error; a repeatable one is not.
  // commander said a mandatory option was missing before looking at unknown ones: `tui --polcy x` said "--policy not
  // specified" (a TUI trial), the slip unnamed
  it('a misspelt option is named, with the one meant, before any missing one', () => {
    for (const args of [
      ['tui', '--polcy', 'policies/guangxi-nanning.yaml'],
      ['simulate', '--policy=policies/guangxi-nanning.yaml', '--housholds=x.csv'],
    ]) {
      const r = jiuzhu(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: unknown option '--(polcy|housholds)'\n\(Did you mean --(policy|households)\?\)/);
    }
    // nothing misspelt: the missing option, as before
    expect(jiuzhu(['simulate', '--households', 'x.csv']).stderr).toMatch(/^error: required option '--policy <file>' not specified/);
  });

  it('an option that takes one value given twice is refused (exit 2); repeatable ones take every value', () => {
    const twice = simulate('--policy', 'policies/jiangxi-fuliang.yaml');
    expect([twice.code, twice.stderr]).toEqual([
      2,
      'jiuzhu: --policy given 2 times: simulate takes one\nhint: give it once; compare and report take several localities side by side\n',
    ]);
    expect(simulate('--date=2025-01-01', '--date', '2025-02-01').stderr).toContain('--date given 3 times'); // (the helper gives one)
    expect(jiuzhu(['test', '--junit', 'a.xml', '--junit=b.xml']).stderr).toContain('--junit given 2 times: test takes one');
    expect(jiuzhu(['simulate', '--encoding', 'utf-8', '--encoding', 'gbk', '--policy', NANNING, '--households', SAMPLE]).code).toBe(2);
    const repeatable = simulate('--scenario', 'scenarios/low-income-2x.yaml', '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--quiet');
    expect(repeatable.code, repeatable.stderr).toBe(0);
    expect(jiuzhu(['compare', '--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, '-q']).code).toBe(
      0,
    );
    expect(simulate('--quiet', '--quiet').code).toBe(0); // a flag twice is the flag
  });

  // A researcher's trial: a roll headed 工资 (for 工资收入) or wgt (for weight) read with every income 0 and weight 1,
  // and not a word. Unknown columns stay allowed (DOMAIN), but are named on stderr, with the defaults taken.
  it('columns jiuzhu does not read are named in a note, with the optional columns the file lacks; --quiet silences it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-unread-'));
    const file = join(dir, 'roll.csv');
    writeFileSync(file, 'household_id,person_id,age,area,"备注",wgt,village,weight\nH1,H1-1,40,urban,1000,2.5,东村,1\n');
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', file, '--date', '2025-06-30']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `note: ${file}: jiuzhu reads no column named "备注", "wgt", "village": left out of every figure; the file has no wage_income, other_income,`,
    );
    expect(r.stderr).not.toMatch(/the file has no [^:]*\bweight\b/);
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', file, '--date', '2025-06-30', '--quiet']).stderr).toBe('');
    // the sample reads every column it has: no note
    expect(simulate().stderr).not.toContain('reads no column');
  });

  it('a weight with seven decimals says "at most six decimals" once', () => {
    const dir = tmp();
    const file = join(dir, 'h.csv');
    writeFileSync(file, 'household_id,person_id,age,area,weight\nH1,P1,40,urban,1.1234567\n');
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('expected a number > 0 with at most six decimals (household H1, person P1)\n');
    expect(r.stderr.match(/six decimals/g)).toHaveLength(1);
  });

  it('--households - reads standard input: the same totals as the file (simulate, --stream, compare)', () => {
    const input = readFileSync(SAMPLE, 'utf8');
    const json = (r: { code: number; stdout: string; stderr: string }) => {
      expect(r.code, r.stderr).toBe(0);
      const { households_file: _file, notes, ...rest } = JSON.parse(r.stdout);
      // (the notes name the file as it was read: /dev/stdin)
      return { ...rest, notes: (notes as string[]).map((n) => n.replace('/dev/stdin', SAMPLE)) };
    };
    const fromFile = json(simulate('--format', 'json', '--quiet'));
    const args = ['simulate', '--policy', NANNING, '--households', '-', '--date', '2024-12-31', '--format', 'json', '--quiet'];
    expect(json(jiuzhu(args, { input }))).toEqual(fromFile);
    expect(json(jiuzhu([...args, '--stream'], { input }))).toEqual(fromFile);
    // a Node parent's pipe is a socket (opening /dev/stdin fails, ENXIO): read whole from it too, as GB18030 (the
    // sample is ASCII, the same bytes)
    expect(json(jiuzhu([...args, '--encoding', 'gb18030'], { input }))).toEqual(fromFile);
    const compare = ['compare', '--policy', NANNING, '--date', '2024-12-31', '--format', 'json', '--quiet', '--households'];
    // (named as given: `-` — "/dev/stdin" was what no one typed, a downstream trial)
    expect(jiuzhu([...compare, '-'], { input }).stdout).toBe(jiuzhu([...compare, SAMPLE]).stdout.replace(SAMPLE, '-'));
    expect(JSON.parse(jiuzhu(args, { input }).stdout).households_file).toBe('-');
  });

  it('households from a pipe (a FIFO) are read as they come, with the same totals', () => {
    const dir = tmp();
    const fifo = join(dir, 'h.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync(
      'bash',
      [
        '-c',
        // (the writer lets go of the test's output first: a jiuzhu that failed before opening the FIFO left it waiting
        // there, holding the output open, and the suite hung instead of failing)
        `(exec >/dev/null 2>&1; cat ${SAMPLE} > ${fifo}) & NO_COLOR=1 ${process.execPath} bin/jiuzhu.js simulate --policy ${NANNING} --households ${fifo} --date 2024-12-31 --format json`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (r.status !== 0) spawnSync('timeout', ['2', 'cat', fifo]); // (a writer still waiting is let go)
    expect(r.status, r.stderr).toBe(0);
    const direct = simulate('--format', 'json');
    expect(JSON.parse(r.stdout).scenarios).toEqual(JSON.parse(direct.stdout).scenarios);
  });

  it('a policy file that is not UTF-8 is located (exit 3), not read garbled', () => {
    const dir = tmp();
    const gbk = join(dir, 'p.yaml');
    writeFileSync(
      gbk,
      Buffer.concat([
        Buffer.from(readFileSync(NANNING, 'utf8').split('\n').slice(0, 3).join('\n') + '\n# '),
        Buffer.from([0xc4, 0xcf, 0xc4, 0xfe]),
        Buffer.from('\n'),
      ]),
    );
    const r = jiuzhu(['params', '--policy', gbk]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`${gbk}:4: the file is not UTF-8: .*"# 南宁"`));
    // a policy is not a CSV: the advice is a text editor's, not Excel's
    expect(r.stderr).toContain('Save the file as UTF-8 (in a text editor: Save As, encoding UTF-8)');
    expect(r.stderr).not.toContain('Excel');
  });
});

describe('runs that check nothing, and floods of problems', () => {
  it('jiuzhu test with no case to run is exit 2 (it was a pass)', () => {
    const dir = tmp();
    const r = jiuzhu(['test', dir]);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, `jiuzhu: no test cases in ${dir} (no .yaml or .yml file)`]);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'notes.txt'), 'x');
    expect(jiuzhu(['test', dir]).code).toBe(2);
  });

  it('20,000 unknown keys: 50 problems printed, then how many more; each file is loaded in linear time', () => {
    const dir = tmp();
    const file = join(dir, 's.yaml');
    writeFileSync(file, 'scenario: x\ntitle: x\nchanges:\n' + Array.from({ length: 20_000 }, (_, i) => `  k${i}.x: {set: 1}\n`).join(''));
    const r = jiuzhu(['params', '--policy', NANNING, '--scenario', file]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split('\n');
    // 20,000 unknown parameters, and the scenario's missing reason (a title in one language is one)
    expect(lines[0]).toBe('jiuzhu: invalid input (20,001 problems):');
    expect(lines).toHaveLength(1 + 50 + 2);
    expect(lines[51]).toBe('  … and 19,951 more (fix these first)');
  });

  it('a case file with 130,000 problems is exit 3 with 50 of them (it overflowed the stack: exit 4)', () => {
    const dir = tmp();
    const file = join(dir, 'cases.yaml');
    writeFileSync(file, 'cases:\n' + Array.from({ length: 130_000 }, (_, i) => `  - name: c${i}\n    bogus: 1\n`).join(''));
    const r = jiuzhu(['test', file]);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')).toHaveLength(1 + 50 + 1 + 1 + 1); // title, 50, "… and more", hint, final newline
  }, 60_000);

  it('a snapshot with an impossible date or a figure that is not a decimal is invalid input (exit 3; it was accepted, or exit 4)', () => {
    const dir = tmp();
    const snap = join(dir, 's.json');
    const good = readFileSync('policies/snapshots/guangxi-nanning.json', 'utf8');
    const check = () => jiuzhu(['check', '--policy', NANNING, '--households', SAMPLE, '--snapshot', snap]);
    writeFileSync(snap, good.replace('"date": "2025-06-30"', '"date": "2025-02-30"'));
    expect([check().code, check().stderr]).toEqual([3, expect.stringMatching(/^jiuzhu: invalid input \(1 problem\):\n .*2025-02-30/)]);
    writeFileSync(snap, good.replace('"annual_cost": "323676607.36"', '"annual_cost": "abc"'));
    const r = check();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/"abc"/);
    expect(r.stderr).not.toMatch(/DecimalError|\n\s+at /);
    // each problem at its line (an integrator's: 'snapshot: unknown key "datum"', no line), a key given twice too (the
    // last one won, unseen). The shipped snapshot: "date" on line 5, tekun's households on line 11.
    writeFileSync(
      snap,
      good.replace('"date": "2025-06-30",', '"date": "2025-06-30",\n  "datum": 1,').replace('"persons": "22830.1"', '"persons": "x"'),
    );
    expect(check().stderr.split('\n').slice(1, 3)).toEqual([
      `  ${snap}:6:3: snapshot: unknown key "datum" (a snapshot has jiuzhu_snapshot, policy, households, date, scenarios, parameters)`,
      `  ${snap}:13:22: scenarios[0].programs.tekun.persons: expected a decimal string, got "x"`,
    ]);
    writeFileSync(snap, good.replace('"households": "20737.8",', '"households": "20737.8",\n          "households": "1",'));
    expect([check().code, check().stderr.split('\n')[1]]).toEqual([
      3,
      `  ${snap}:12:11: key "households" given twice in one object: JSON keeps the last, unseen`,
    ]);
  });

  it('a key given twice in a mapping is located at both places', () => {
    const dir = tmp();
    const file = join(dir, 's.yaml');
    writeFileSync(file, 'scenario: x\ntitle: x\nchanges:\n  low_income.multiplier: {set: 2}\n  low_income.multiplier: {set: 1.5}\n');
    const r = jiuzhu(['params', '--policy', NANNING, '--scenario', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`${file}:5:3: key "low_income.multiplier" is given twice \\(first on line 4\\)`));
  });

  it('generate refuses an unbounded household count', () => {
    const r = jiuzhu(['generate', '--policy', NANNING, '--households', '1e12', '--out', join(tmp(), 'x.csv')]);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'jiuzhu: --households must be a whole number from 1 to 200,000,000, got "1e12"']);
  });
});

describe('Ctrl-C or kill while waiting on a FIFO ends the process', () => {
  // Opening a FIFO waits for its other end in a libuv thread, which Node's exit waited for: the process hung (io/files.ts).
  for (const [signal, code, side] of [
    ['SIGINT', 130, 'input'],
    ['SIGTERM', 143, 'input'],
    ['SIGTERM', 143, 'output'],
  ] as const) {
    it(`${signal} while the ${side} FIFO has no other end: exit ${code}`, async () => {
      const fifo = join(tmp(), 'fifo');
      spawnSync('mkfifo', [fifo]);
      const files = side === 'input' ? ['--households', fifo] : ['--households', SAMPLE, '--per-household', fifo];
      const child = spawn(process.execPath, ['bin/jiuzhu.js', 'simulate', '--policy', NANNING, ...files], { stdio: 'ignore' });
      const exit = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      await new Promise((r) => setTimeout(r, 1500)); // up and waiting on the FIFO
      child.kill(signal);
      const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
      expect(await exit).toBe(code);
      clearTimeout(late);
    });
  }
});

describe('Ctrl-C or kill while writing leaves nothing behind', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    // (a terminal closed, Ctrl-\: each had left its temporary file — a QA trial)
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const) {
    it(`${signal}: exit ${code}, no temporary file, no output`, async () => {
      const dir = tmp();
      const out = join(dir, 'big.csv');
      const child = spawn(process.execPath, ['bin/jiuzhu.js', 'generate', '--policy', NANNING, '--households', '50000000', '--out', out]);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Wait until the temporary file is being written.
      for (let i = 0; i < 200 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(readdirSync(dir)).toHaveLength(1);
      child.kill(signal);
      const exit = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
      expect(exit).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
      expect(existsSync(out)).toBe(false);
      // said, not only an exit code (a data engineer's Ctrl-C during an import: exit 130, nothing on stderr)
      expect(stderr).toContain(`jiuzhu: stopped by ${signal}: not written: ${out}\n`);
    });
  }
});

describe('Ctrl-C while replacing a file', () => {
  it('leaves the file that was there as it was, and says so', async () => {
    const dir = tmp();
    const out = join(dir, 'big.csv');
    writeFileSync(out, 'kept\n');
    const child = spawn(process.execPath, ['bin/jiuzhu.js', 'generate', '--policy', NANNING, '--households', '50000000', '--out', out]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 200 && readdirSync(dir).length === 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)).toHaveLength(2); // (its temporary file beside it)
    child.kill('SIGINT');
    expect(await new Promise<number | null>((r) => child.on('close', (c) => r(c)))).toBe(130);
    expect([readdirSync(dir), readFileSync(out, 'utf8')]).toEqual([['big.csv'], 'kept\n']);
    expect(stderr).toContain(`jiuzhu: stopped by SIGINT: not written: ${out} (the file there is as it was)\n`);
  });
});

describe('Ctrl-C before an output is begun', () => {
  // (a finance trial's simulate --ranges --out y.xlsx stopped while it computed: exit 130, not a word — generate said it)
  it('names the outputs the run would have written, the file there kept', async () => {
    const dir = tmp();
    const [fifo, out, rows] = [join(dir, 'h.csv'), join(dir, 'y.xlsx'), join(dir, 'rows.csv')];
    execFileSync('mkfifo', [fifo]); // (a households file no one writes: the run waits there, its outputs not begun)
    writeFileSync(rows, 'kept\n');
    const child = spawn(process.execPath, [
      'bin/jiuzhu.js',
      'simulate',
      '--policy',
      NANNING,
      '--households',
      fifo,
      '--date',
      '2024-12-31',
      '--format',
      'xlsx',
      '--out',
      out,
      '--per-household',
      rows,
    ]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 200 && !stderr.includes('waiting for'); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await new Promise<number | null>((r) => child.on('close', (c) => r(c)))).toBe(130);
    expect(stderr).toContain(`jiuzhu: stopped by SIGINT: not written: ${rows} (the file there is as it was), ${out}\n`);
    expect([readdirSync(dir).sort(), readFileSync(rows, 'utf8')]).toEqual([['h.csv', 'rows.csv'], 'kept\n']);
  });
});

describe('an option that does nothing for the format asked for is said, not silently ignored', () => {
  // (found by a new-user trial: --unit wan --format csv gave yuan with no word)
  it('--unit with CSV or JSON: a note that their money stays in yuan; none without --unit, or with --quiet', () => {
    const note = (format: string) =>
      `note: --unit wan does not apply to ${format}: its money stays in yuan (the form other tools read); the unit applies to the table, Markdown and the workbook\n`;
    for (const format of ['csv', 'json']) {
      const r = simulate('--format', format, '--unit', 'wan');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(note(format.toUpperCase()));
      expect(r.stdout).toBe(simulate('--format', format).stdout); // yuan, as without it
    }
    expect(simulate('--format', 'csv').stderr).not.toContain('--unit');
    expect(simulate('--format', 'csv', '--unit', 'wan', '--quiet').stderr).toBe('');
    expect(simulate('--unit', 'wan').stderr).not.toContain('--unit'); // the table is in 万元
  });
});

// A QA trial: `simulate … > /dev/full` threw from the stream's error event — a stack trace, exit 1 (1 is a failed check)
describe('standard output on a full disk', () => {
  it('is said, exit 2, no stack trace (simulate, params)', () => {
    for (const args of [
      ['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2024-12-31', '-q'],
      ['params', '--policy', NANNING],
    ]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, ['bin/jiuzhu.js', ...args], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
      closeSync(full);
      expect([r.status, r.stderr.trim().split('\n').at(-1)], args[0]).toEqual([
        2,
        'jiuzhu: cannot write standard output: no space left on the device',
      ]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

// A QA trial: report's inputs are hashed while the households are read; a missing one rejected that promise before it was
// awaited — an unhandled rejection, a stack trace and exit 1
describe('report with an input missing', () => {
  it('says which, exit 2, no stack trace (households at a date, a projection over years, simulate --format html)', () => {
    const dir = tmp();
    for (const [args, said] of [
      [['report', '--policy', NANNING, '--households', join(dir, 'none.csv')], `cannot read the households file ${dir}/none.csv`],
      [
        ['report', '--policy', NANNING, '--households', SAMPLE, '--years', '2026-2027', '--projection', join(dir, 'none.yaml')],
        `cannot read the projection file ${dir}/none.yaml`,
      ],
      [
        ['simulate', '--policy', NANNING, '--households', join(dir, 'none.csv'), '--format', 'html'],
        `cannot read the households file ${dir}/none.csv`,
      ],
    ] as const) {
      const r = jiuzhu([...args, '--out', join(dir, 'r.html')]);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, `jiuzhu: ${said}: no such file or directory\n`]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
