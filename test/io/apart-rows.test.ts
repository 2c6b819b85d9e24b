// A household's rows may lie anywhere in the file (README), and are joined; but a family listed twice, or two files
// concatenated, join the same way. A data engineer's H0002, appended again with new person ids, became one household of
// four with twice the dibao, exit 0, no word: now a note names it with both lines — from every reader, on any number of
// threads, and never for a household the parallel reader's parts split between them (its rows together in the file).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-apart-'));
const run = (file: string, env: Record<string, string>) =>
  jiuzhu(['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', file, '--format', 'json'], { env });
const READERS: Array<Record<string, string>> = [
  { JIUZHU_CSV_READER: 'reference' },
  { JIUZHU_THREADS: '1' },
  ...['2', '3', '4'].map((t) => ({ JIUZHU_THREADS: t, JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' })),
];

describe('households whose rows lie apart', () => {
  it('are said with the first one’s lines, by every reader', () => {
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const again = lines.filter((l) => l.startsWith('H0002,')).map((l) => l.replace(/^H0002,H0002-/, 'H0002,H0002-again-'));
    const file = join(dir, 'twice.csv');
    writeFileSync(file, [...lines, ...again].join('\n') + '\n');
    const first = lines.findIndex((l) => l.startsWith('H0002,')) + 1;
    for (const env of READERS) {
      const r = run(file, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, JSON.stringify(env)).toContain(
        `note: ${file}: 1 household's rows lie apart in the file (household H0002: line ${first}, and again from line ${lines.length + 1}): each read as one household of all its rows — if they are two families, or one listed twice, give each its own household_id\n`,
      );
    }
  });

  it('count each household once, and are not said of a file whose households are together', () => {
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    // H0001 and H0003's rows again, each twice more, after the others
    const rows = (id: string, tag: string) =>
      lines.filter((l) => l.startsWith(`${id},`)).map((l) => l.replace(`${id},${id}-`, `${id},${id}-${tag}-`));
    const file = join(dir, 'thrice.csv');
    writeFileSync(file, [...lines, ...rows('H0001', 'a'), ...rows('H0003', 'a'), ...rows('H0001', 'b')].join('\n') + '\n');
    for (const env of READERS) {
      expect(run(file, env).stderr, JSON.stringify(env)).toMatch(/: 2 households' rows lie apart in the file \(household H0001: line 2,/);
      expect(run(SAMPLE, env).stderr, JSON.stringify(env)).not.toContain('lie apart');
    }
  });

  // The parallel reader cuts between households, but looks 1 MB ahead at most (io/ranges.ts): a household of 25,000
  // rows is cut between parts, its rows together in the file — never said to lie apart. H0102's rows, around it, are.
  it('a household the parts split between them is not one whose rows lie apart', () => {
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const row = lines.find((l) => l.startsWith('H0003,'))!;
    const big = Array.from({ length: 25_000 }, (_, i) => row.replace(/^H0003,H0003-\d+/, `HBIG,HBIG-${i}`));
    const file = join(dir, 'big.csv');
    writeFileSync(file, [...lines.slice(0, 301), ...big, ...lines.slice(301)].join('\n') + '\n');
    expect(lines[300]!.startsWith('H0102,') && lines[301]!.startsWith('H0102,')).toBe(true); // (split by HBIG)
    for (const env of READERS)
      expect(run(file, env).stderr, JSON.stringify(env)).toContain(
        `note: ${file}: 1 household's rows lie apart in the file (household H0102: line 299, and again from line 25302)`,
      );
  });
});
