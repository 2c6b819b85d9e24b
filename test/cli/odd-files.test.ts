// Files that are not what a households option expects, through the CLI as a user meets them: each named for what it
// is, with what to do, by every command that reads households (a hardening trial's gzip, xz and UTF-16 files were
// "neither UTF-8 nor GB18030" at 0x8b, and a zip of CSVs "not a readable .xlsx workbook").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { zipOf } from '../helpers/zip.js';

const NANNING = 'policies/guangxi-nanning.yaml';

describe('a households file that is not a CSV is named for what it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-odd-'));
  const csv = readFileSync(SAMPLE);
  const files = {
    gzip: ['h.csv.gz', gzipSync(csv), /^ {2}\S+h\.csv\.gz:1: the file is a gzip-compressed file: decompress it first \(gunzip -k FILE/m],
    // xz's and bzip2's magic bytes, then anything (the reader stops at them)
    xz: ['h.csv.xz', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), csv]), /the file is an xz-compressed file/],
    bzip2: ['h.csv.bz2', Buffer.concat([Buffer.from('BZh91AY&SY'), csv]), /the file is a bzip2-compressed file/],
    utf16: ['h16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.toString('utf8'), 'utf16le')]), /the file is UTF-16 text: save it as UTF-8/],
    zip: ['h.zip', zipOf({ 'households.csv': csv, 'readme.txt': 'x' }), /a ZIP archive with no xl\/workbook\.xml; it holds households\.csv, readme\.txt: extract the CSV/],
  } as const;

  for (const [kind, [name, bytes, said]] of Object.entries(files))
    it(`${kind}: simulate, import and compare say so (exit 3), with no note of garbled columns`, () => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      for (const args of [
        ['simulate', '--policy', NANNING, '--households', path],
        ['import', path, '--out', join(dir, `${kind}.arrow`)],
        ['compare', '--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', path],
      ]) {
        const r = jiuzhu(args);
        expect([r.code, r.stderr], args.join(' ')).toEqual([3, expect.stringMatching(said)]);
        expect(r.stderr).not.toContain('reads no column named'); // the header of a file that is not text
        expect(r.stderr).not.toContain('GB18030');
      }
    });
});
