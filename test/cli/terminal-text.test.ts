// An id is data: on a terminal it is shown, never obeyed. A QA trial's household id held an OSC title and a
// clear-screen sequence, which explain and cliff printed raw (stderr already escaped them). JSON escapes them itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

const ID = 'H\u001b]0;PWNED\u0007\u001b[2J1';
const SHOWN = 'H\\x1b]0;PWNED\\x07\\x1b[2J1';

describe('an id with control characters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
  const file = join(dir, 'esc.csv');
  writeFileSync(file, `household_id,person_id,age,area\n${ID},p\u001b[31m1,45,urban\n`);
  const args = ['--policy', 'policies/guangxi-nanning.yaml', '--date', '2024-12-31', '--households', file, '--household', ID];
  it('explain and cliff show it escaped, in English and Chinese, in every line', () => {
    for (const more of [['explain'], ['explain', '--lang', 'zh'], ['cliff'], ['cliff', '--format', 'markdown']]) {
      const r = jiuzhu([more[0]!, ...args, ...more.slice(1)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, more.join(' ')).not.toContain('\u001b');
      expect(r.stdout, more.join(' ')).toContain(SHOWN);
    }
    expect(jiuzhu(['explain', ...args]).stdout).toContain('person p\\x1b[31m1');
  });
  it('JSON keeps the id as it is', () => {
    const r = jiuzhu(['explain', ...args, '--format', 'json']);
    expect(JSON.parse(r.stdout).household_id).toBe(ID);
  });
});
