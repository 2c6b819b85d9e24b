// What a YAML file's syntax errors most often come from when it is typed on a Chinese keyboard (an author's trial): a
// full-width colon after a key (assets：), a full-width comma between a flow mapping's entries ({from: 2024-01-01，
// value: 620}) and full-width spaces (全角空格) in the indentation or after a colon. The parser's own words for these are about implicit
// keys, block collections and columns; these name the character, where it is, and what YAML needs instead. Only a file
// the parser refused is scanned, and only outside quotes and comments: a value may hold any of them.
import type { Problem } from '../errors.js';

// (a key may be 中文: a households file's headers are, and so are --describe's and a case file's keys: a 科长's
// {城乡：城镇，成员：[{年龄：70}]} was told "Missing , or : between flow map items")
const KEY = String.raw`[A-Za-z_\p{Script=Han}][\w.\-\p{Script=Han}]*`;

/** Each full-width slip in the text, by its line and column (1-based, as the parser's positions). */
export function keyboardSlips(text: string, file: string): Problem[] {
  const out: Problem[] = [];
  const at = (line: number, col: number, message: string) => out.push({ where: { file, line, col }, message: `YAML: ${message}` });
  // A block scalar's lines (after `note: |` or `>`, more indented than its key) are text: "说明：这是…" is no key there
  // (a review's scenario with a Chinese note was told of two full-width colons beside its real error).
  let block = -1; // the key's indentation while in a block scalar
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const lead = /^[ \t\u3000]*/.exec(raw)![0];
    if (block >= 0 && (raw.trim() === '' || lead.length > block)) return;
    block = /:\s+[|>][+-]?\d*\s*(#.*)?$/.test(plain(raw)) ? lead.length : -1;
    const space = lead.indexOf('\u3000');
    if (space >= 0) at(line, space + 1, 'a full-width space (U+3000 全角空格) in the indentation: indent with ordinary spaces');
    const code = plain(raw);
    const key = new RegExp(String.raw`^[ \t\u3000]*(?:-\s+)?${KEY}\s*(：)`, 'u').exec(code);
    const flow = code.includes('{') || code.includes('[');
    const colons = flow ? [...code.matchAll(new RegExp(String.raw`[{,，]\s*${KEY}\s*(：)`, 'gu'))] : [];
    for (const m of [key, ...colons]) {
      if (m) at(line, m.index + m[0].length, `a full-width colon "：" (U+FF1A) after a key: YAML needs ":" and a space`);
    }
    // value:[U+3000]870 — the colon's space typed full-width: YAML sees one plain scalar "value:[U+3000]870", no key
    const spaced = new RegExp(String.raw`(?:^[ \t\u3000]*(?:-\s+)?|[{,，]\s*)${KEY}[:：](\u3000)`, 'gu');
    for (const m of code.matchAll(spaced))
      at(line, m.index + m[0].length, 'a full-width space (U+3000 全角空格) after a colon: YAML needs ":" and an ordinary space');
    // source:my-2025 — no space after a key's colon: one plain scalar, and the parser's "implicit keys need to be on a
    // single line" at the next key (a county officer's trial)
    const tight = new RegExp(String.raw`^[ \t]*(?:-\s+)?(${KEY}):(?=[^\s:/])`, 'u').exec(code);
    if (tight) at(line, tight[0].length, `no space after the colon of "${tight[1]}": YAML needs ":" and a space (${tight[1]}: …)`);
    if (flow)
      for (const m of code.matchAll(new RegExp(String.raw`，(?=\s*${KEY}\s*[:：])`, 'gu')))
        at(line, m.index + 1, `a full-width comma "，" (U+FF0C) between entries: YAML needs ","`);
  });
  return out.sort((a, b) => a.where!.line! - b.where!.line! || a.where!.col! - b.where!.col!);
}

/** The line with quoted text blanked and a comment cut (every other character where it was). */
function plain(line: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      out += ' ';
      const escaped = (quote === "'" && c === "'" && line[i + 1] === "'") || (quote === '"' && c === '\\');
      if (escaped) {
        out += ' ';
        i++;
      } else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if (c === '"' || c === "'") {
      quote = c;
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}
