// How a report was made, as its last section: the command, the version, when, and every input file with its size and
// SHA-256 (the same files and command give the same figures).
import type { Made } from '../made.js';
import { table } from './page.js';

export function madeSection(m: Made): string[] {
  return [
    table(
      ['', ''],
      [
        ['command 命令', { text: m.command, cls: 'mono' }],
        ['jiuzhu version 版本', { text: m.version, cls: 'mono' }],
        ['made 生成时间', { text: m.generated, cls: 'mono' }],
      ],
    ),
    table(
      ['file 文件', 'role', 'bytes', 'SHA-256'],
      m.files.map((f) => [
        f.path,
        { text: f.role, cls: '' },
        f.bytes === null ? '—' : String(f.bytes),
        f.sha256 === null ? { text: 'not hashed: a pipe or standard input, read once', cls: 'txt' } : { text: f.sha256, cls: 'mono' },
      ]),
      { caption: 'the inputs: the same files and command give the same figures' },
    ),
  ];
}
