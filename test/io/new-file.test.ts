// The TUI's `w` (io/new-file.ts): a new file, its folder made when missing (it threw ENOENT, a stack trace, and
// the session was lost: a TUI trial), never one written over, nothing left behind, a failure returned.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveNewScenario } from '../../src/io/new-file.js';

const yaml = (id: string) => `scenario: ${id}\n`;

describe('saveNewScenario', () => {
  it('makes the folder, takes the first free name, writes over nothing and leaves no temporary file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-save-')), 'scenarios');
    expect(saveNewScenario(dir, 'tui-20261202', yaml)).toEqual({ path: join(dir, 'tui-20261202-1.yaml') });
    writeFileSync(join(dir, 'tui-20261202-2.yaml'), 'mine\n');
    expect(saveNewScenario(dir, 'tui-20261202', yaml)).toEqual({ path: join(dir, 'tui-20261202-3.yaml') });
    expect(readFileSync(join(dir, 'tui-20261202-2.yaml'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(dir, 'tui-20261202-3.yaml'), 'utf8')).toBe('scenario: tui-20261202-3\n');
    expect(readdirSync(dir).sort()).toEqual(['tui-20261202-1.yaml', 'tui-20261202-2.yaml', 'tui-20261202-3.yaml']);
  });

  it('returns why it could not (a file where the folder goes: even root cannot), and leaves nothing', () => {
    const parent = mkdtempSync(join(tmpdir(), 'jiuzhu-save-'));
    writeFileSync(join(parent, 'scenarios'), 'a file\n');
    const r = saveNewScenario(join(parent, 'scenarios'), 'tui-20261202', yaml);
    // (in words: it gave Node's "EEXIST: file already exists, mkdir 'scenarios'", an interactive QA trial found)
    expect(r).toEqual({ error: `cannot make the folder ${join(parent, 'scenarios')}: a file has that name` });
    expect(readdirSync(parent)).toEqual(['scenarios']);
  });
});
