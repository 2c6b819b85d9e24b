// Plain-text tables, width-aware for Chinese (a CJK character takes two columns) and ANSI colour.
import { D, fixed } from '../core/money.js';
/** ANSI colour codes (ESC [ … m). */
const ANSI_RE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Text without its colour codes. */
export const stripAnsi = (s: string): string => s.replace(ANSI_RE, '');

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI_RE, '')) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}

export type Align = 'left' | 'right';

/** Cuts s to at most `width` display columns (a CJK character counts two), ending with … when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Cuts s to at most `width` display columns in its middle, keeping its start and its end (an id's number is at its
 * end: 欧阳修远家庭户31 and …户32 were both cut to 欧阳修远家庭户3…, a terminal QA trial).
 */
export function truncateMiddle(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  const chars = [...s];
  let [head, tail, w] = ['', '', 1]; // (the … takes one column)
  for (let i = 0, j = chars.length - 1; i <= j;) {
    const fromEnd = displayWidth(tail) < displayWidth(head);
    const ch = fromEnd ? chars[j]! : chars[i]!;
    if (w + displayWidth(ch) > width) break;
    w += displayWidth(ch);
    if (fromEnd) [tail, j] = [ch + tail, j - 1];
    else [head, i] = [head + ch, i + 1];
  }
  return `${head}…${tail}`;
}

export function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

/** Renders rows under a header; `rules` are the indexes of rows preceded by a separator line. */
export function textTable(header: string[], rows: string[][], align: Align[], rules: number[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const sep = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [line(header), sep];
  rows.forEach((r, i) => {
    if (rules.includes(i)) out.push(sep);
    out.push(line(r));
  });
  return out.join('\n');
}

/** "1234567.8" → "1,234,567.8" for people; machine outputs never group digits. */
export function groupDigits(decimal: string): string {
  const [int, frac] = decimal.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** The money unit of people-facing tables: 元, 万元 or 亿元 (JSON and CSV stay in yuan). */
export type Unit = 'yuan' | 'wan' | 'yi';
export const UNIT_LABEL: Readonly<Record<Unit, string>> = { yuan: 'yuan 元', wan: '万元 10k yuan', yi: '亿元 100M yuan' };

/** Yuan (a decimal string) in the unit, digits grouped: two decimals, four for 亿元. */
export function inUnit(yuan: string, unit: Unit = 'yuan'): string {
  const d = D(yuan);
  return groupDigits(unit === 'yuan' ? fixed(d) : unit === 'wan' ? fixed(d.dividedBy(10_000)) : fixed(d.dividedBy(100_000_000), 4));
}

/** A weighted count for people: whole households and persons (half up), digits grouped; JSON keeps the exact figure. */
export function groupCount(decimal: string): string {
  const [int, frac] = decimal.split('.');
  // (a year's average of 0.25 households — one for 3 months — is not "0" beside its cost: a rules auditor's trial; nor
  // are its 0.5 persons "1" beside "<1" households: a 科长's — anything between 0 and 1 is "<1")
  if (int === '0' && /[1-9]/.test(frac ?? '')) return '<1';
  const up = frac !== undefined && frac[0]! >= '5';
  return groupDigits(up ? (BigInt(int!) + 1n).toString() : int!);
}

export function markdownTable(header: string[], rows: string[][], align: Align[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** Parts rounded each on its own may miss their total by a fen (the `*_exact` JSON fields reconcile). */
// (and a Δ: an analyst's 1,681 − 664 households read −1,016, the difference of the unrounded figures; a level's Δ in
// who pays is its two shares' difference, each share to the fen: an auditor's three levels added to 206,025,564.75
// beside a Δ of 206,025,564.74)
export const ROUNDING_NOTE =
  '分项数因四舍五入，与合计可能略有出入 parts are rounded each on its own and may not add to the total exactly; a Δ or a swing is of the unrounded figures; each level’s Δ in who pays is of its shares, each to the fen (the three may miss the Δ by a fen)';

/** Where a line may break: after these, else after a colon. */
const BREAK_AFTER: ReadonlySet<string> = new Set([' ', '，', '；', '、', '。']);
const COLON: ReadonlySet<string> = new Set(['：']);

/**
 * A line in lines of at most `width` display columns, broken after a space (or ，；、。, else ：) where one is (an explain trace's list of
 * values ran off the screen, cut, with no way to read the rest); the lines after it indented two past the first's.
 */
export function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = ' '.repeat(Math.min(width >> 2, /^ */.exec(line)![0].length + 2));
  const out: string[] = [];
  let rest = [...line];
  let lead = '';
  while (rest.length) {
    const room = width - lead.length;
    let w = 0;
    let i = 0;
    while (i < rest.length && w + displayWidth(rest[i]!) <= room) w += displayWidth(rest[i++]!);
    if (i < rest.length && rest[i] !== ' ') {
      // (after a space, or after Chinese punctuation: a 中文 list has no spaces, and was cut inside its code names; a
      // colon only where nothing else will do, as a 中文 name may hold one — 分类施保：老年人)
      const last = (breaks: ReadonlySet<string>) => {
        let at = i - 1;
        while (at > 0 && !breaks.has(rest[at]!)) at--;
        return at;
      };
      const [soft, colon] = [last(BREAK_AFTER), last(COLON)];
      // (the colon where the other break would leave the line less than half full: "* 标 * " of a 中文 footnote)
      const short = displayWidth(rest.slice(0, soft + 1).join('')) < room / 2;
      const at = soft > 0 && !(short && colon > soft) ? soft : colon;
      if (at > 0) i = at + 1;
    }
    i = Math.max(1, i); // (a character wider than the room: it goes alone)
    out.push(lead + rest.slice(0, i).join('').trimEnd());
    rest = rest.slice(i);
    while (rest[0] === ' ') rest.shift();
    lead = indent;
  }
  return out;
}

/** A signed amount in the unit: "+1,234.50", "−3.00", "0". */
export function signedIn(yuan: string, unit: Unit): string {
  return D(yuan).isZero() ? '0' : `${D(yuan).isNegative() ? '−' : '+'}${inUnit(yuan.replace(/^-/, ''), unit)}`;
}
