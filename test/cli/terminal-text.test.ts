// An id is data: on a terminal it is shown, never obeyed. A QA trial's household id held an OSC title and a
// clear-screen sequence, which explain and cliff printed raw (stderr already escaped them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

const ID = 'H\u001b]0;PWNED\u0007\u001b[2J1';

describe('an id with control characters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
  const file = join(dir, 'esc.csv');
  writeFileSync(file, `household_id,person_id,age,area\n${ID},p\u001b[31m1,45,urban\n`);
  const args = ['--policy', 'policies/guangxi-nanning.yaml', '--date', '2024-12-31', '--households', file, '--household', ID];
  // (since a data engineer's "H00\n01", a broken export: an id with a control character is refused at its row — told
  // escaped on stderr, never obeyed — where explain and cliff had shown it escaped)
  it('is refused at its row by every command, its characters shown escaped, never raw', () => {
    for (const more of [['explain'], ['explain', '--lang', 'zh'], ['cliff'], ['explain', '--format', 'json']]) {
      const r = jiuzhu([more[0]!, ...args, ...more.slice(1)]);
      expect(r.code, more.join(' ')).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr, more.join(' ')).not.toContain('\u001b');
      // (in 中文 under --lang zh: cli/errors-zh.ts)
      const zh = more.includes('zh');
      expect(r.stderr).toContain(zh ? 'esc.csv:2:1: 列 household_id：' : `esc.csv:2:1: column household_id: `);
      expect(r.stderr).toContain(
        zh
          ? '应为家庭编号，须在一行之内，不含换行、制表符或其他控制字符'
          : 'expected a household id on one line, without a line break, tab or other control character in it',
      );
      expect(r.stderr).toContain(zh ? 'esc.csv:2:2: 列 person_id：' : `esc.csv:2:2: column person_id: `);
    }
  });
});
