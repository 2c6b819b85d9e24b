// Small helpers over the yaml AST: locations and strict key checks, shared by policy and scenario files.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { InputError, type Problem, type Where } from '../errors.js';
import { editDistance } from '../core/edit-distance.js';
import { keyboardSlips } from './yaml-slips.js';

export class YamlFile {
  readonly lines = new LineCounter();
  readonly doc: Document.Parsed;
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    text: string,
  ) {
    // Repeated keys are found in entries() with a set: the parser's own check compares each key with every
    // earlier one (20,000 keys took seconds).
    // A line ended by CR alone (classic Mac, some exporters) is a line break in YAML 1.2, which the parser reads as
    // one long line: made LF, one character for one (every position stays where it was).
    const lf = text.replace(/\r(?!\n)/g, '\n');
    this.doc = parseDocument(lf, { lineCounter: this.lines, uniqueKeys: false, prettyErrors: false });
    const found = [...this.doc.errors, ...this.doc.warnings].map((e) => {
      const pos = e.linePos?.[0] ?? this.lines.linePos(e.pos[0]);
      const message = overIndented(lf, pos.line, e.code) ?? syntaxMessage(e.code, e.message.split('\n')[0]!);
      return { where: { file, line: pos.line, col: pos.col }, message: `YAML: ${message}` };
    });
    if (!this.doc.errors.length) {
      this.problems.push(...found);
      return;
    }
    // A syntax error: what a Chinese keyboard slipped in (io/yaml-slips.ts), then the parser's first error. What it
    // says after that mostly follows from the first (one tab gave 14 errors about columns, at other lines): counted.
    this.problems.push(...keyboardSlips(lf, file), found[0]!);
    if (found.length > 1)
      this.problems.push({
        // (at the first error's line when the next is said before it: "from here on" pointed above the first, a trial)
        where: before(found[1]!.where, found[0]!.where) ? found[0]!.where : found[1]!.where,
        message: `YAML: and ${found.length - 1} more error${found.length > 2 ? 's' : ''} from here on, which may all follow from the first: fix it and run again`,
      });
  }

  /** After a syntax error the structure is unreliable: report only what the parser said. */
  get broken(): boolean {
    return this.doc.errors.length > 0;
  }

  where(node: Node | Pair | null | undefined): Where {
    const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as Node | null)?.range : undefined;
    if (!range) return { file: this.file };
    const pos = this.lines.linePos(range[0]);
    return { file: this.file, line: pos.line, col: pos.col };
  }

  problem(node: Node | Pair | null | undefined, message: string, subject?: string): void {
    this.problems.push({ where: this.where(node), subject, message });
  }

  /** The map's entries as [key text, value node, pair]; reports non-string and repeated keys. */
  entries(map: YAMLMap): Array<[string, Node | null, Pair]> {
    const out: Array<[string, Node | null, Pair]> = [];
    const seen = new Map<string, Node>();
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        this.problem(key, 'a key must be plain text');
        continue;
      }
      const text = String(key.value);
      const first = seen.get(text);
      if (first) {
        // (a policy author wrote a mid-year change as a second `urban:` list: its entries belong in the first one's)
        const dated = isSeq(pair.value) && (pair.value.items as unknown[]).some((i) => isMap(i) && i.has('from'));
        this.problem(
          key,
          `key "${text}" is given twice (first on line ${this.where(first).line}); a key appears once in a mapping` +
            (dated ? ': a value from a later date is another entry in the first one’s list (- {from: YYYY-MM-DD, value: …})' : ''),
        );
        continue;
      }
      seen.set(text, key);
      out.push([text, this.deref(pair.value as Node | null), pair]);
    }
    return out;
  }

  /**
   * Reports keys not in `allowed`, naming the nearest of `shown` (the keys that belong here: `allowed` may hold others,
   * taken to be told where they belong). Returns the known entries.
   */
  known(
    map: YAMLMap,
    allowed: readonly string[],
    context: string,
    shown: readonly string[] = allowed,
    /** What the problems are about (a case: `case "one"`), said before each. */
    subject?: string,
  ): Map<string, [Node | null, Pair]> {
    const out = new Map<string, [Node | null, Pair]>();
    for (const [key, value, pair] of this.entries(map)) {
      if (allowed.includes(key)) out.set(key, [value, pair]);
      else
        this.problem(
          pair.key as Node,
          typedSlip(key, allowed)
            ? `unknown key "${key}" in ${context}: ${typedSlip(key, allowed)}`
            : key === '<<'
              ? `a YAML merge key (<<) in ${context}: it is not read; write out the keys it would bring in`
              : /^\d{3}$/.test(written(pair) ?? key) && value === null
                ? `unknown key "${written(pair)}" in ${context}: a thousands separator? In {…} a comma ends the value (38,000 is 38 and a key "000"): write 38000 without it`
                : `unknown key "${key}" in ${context}${didYouMean(key, shown)}; expected one of ${shown.join(', ')}`,
          subject,
        );
    }
    return out;
  }

  /** Follows a YAML alias (*name) to its anchored node. */
  deref(node: Node | null): Node | null {
    if (!isAlias(node)) return node;
    const target = (node.resolve(this.doc) as Node | undefined) ?? null;
    // (the parser leaves an alias to no anchor unresolved, without an error: its value was then "missing")
    if (!target) this.problem(node, `*${node.source} refers to no anchor: an alias needs &${node.source} on a value before it`);
    return target;
  }

  /** A plain scalar's exact source text (so 0.70 stays "0.70", never a float). */
  text(node: Node | null): string | null {
    if (!isScalar(node)) return null;
    if (typeof node.value === 'string') return node.value;
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return node.source ?? String(node.value);
    return null;
  }

  string(node: Node | null, what: string, subject?: string): string | null {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
    // (YAML reads 000, 2027 or true as a number or a flag: a reform author's `reason: 000` was told "expected … text")
    const read = isScalar(node) && node.value !== null && typeof node.value !== 'string' ? (node.source ?? String(node.value)) : null;
    this.problem(
      node,
      `expected ${what} (text)${read !== null ? `: YAML reads ${read} as a ${typeof node!.toJSON() === 'boolean' ? 'flag' : 'number'}, put it in quotes ("${read}")` : ''}`,
      subject,
    );
    return null;
  }
}

/**
 * A key that is an allowed one with a full-width colon or space typed into it, or its value after a colon with no space
 * ({set:1.5}: one key "set:1.5", a county officer's trial): in {…}, a keyboard slip parses.
 */
function typedSlip(key: string, allowed: readonly string[]): string | null {
  const tight = /^(\w+):(\S.*)$/.exec(key);
  if (tight && allowed.includes(tight[1]!))
    return `no space after the colon of "${tight[1]}": YAML needs ":" and a space (${tight[1]}: ${tight[2]})`;
  const colon = key.indexOf('：');
  if (colon > 0 && allowed.includes(key.slice(0, colon).trim()))
    return `a full-width colon "：" (U+FF1A) after "${key.slice(0, colon).trim()}": YAML needs ":" and a space`;
  if (/^[\u3000\s]*\u3000/.test(key) && allowed.includes(key.trim()))
    return `a full-width space (U+3000 全角空格) before "${key.trim()}": YAML needs an ordinary space`;
  return null;
}

/** A key as written (000, where its value is the number 0). */
const written = (pair: Pair): string | undefined => (isScalar(pair.key) ? pair.key.source : undefined);

/** The parser's message, or ours where its words are for programmers or say nothing of the likely cause. */
const before = (a: Where, b: Where) => (a.line ?? 0) < (b.line ?? 0) || (a.line === b.line && (a.col ?? 0) < (b.col ?? 0));

/**
 * A key indented past its sibling on the line above (a county officer's `value:` two spaces deeper than `- from:`): YAML
 * reads it inside the line's value, and says "Nested mappings are not allowed in compact mappings" — whose usual hint,
 * quoting a value with ": ", led the wrong way. Null where that is not it.
 */
function overIndented(text: string, line: number, code: string): string | null {
  if (code !== 'BLOCK_AS_IMPLICIT_KEY') return null;
  const lines = text.split('\n');
  const here = /^( *(?:- +)?)([\w.\-\p{Script=Han}]+):[ \t]+\S/u.exec(lines[line - 1] ?? '');
  if (!here) return null;
  let next = line;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  const below = /^( +)([\w.\-\p{Script=Han}]+):/u.exec(lines[next] ?? '');
  if (!below || below[1]!.length <= here[1]!.length) return null;
  return `line ${next + 1}'s "${below[2]}" is indented ${below[1]!.length} spaces, more than "${here[2]}" on this line (${here[1]!.length}): YAML reads it inside this line's value; indent "${below[2]}" as "${here[2]}" is`;
}

function syntaxMessage(code: string, message: string): string {
  // (an author's trial: "Tabs are not allowed as indentation", and no word of what to do)
  if (code === 'TAB_AS_INDENT') return 'a tab indents this line: YAML indents with spaces only (replace each tab with spaces)';
  if (code === 'MULTIPLE_DOCS') return 'a second YAML document starts here (after ---): the file is one document; remove the --- line';
  // (a list item outdented under no key is not a value with ": ": a county officer's trial was told to quote one)
  if (code === 'BLOCK_AS_IMPLICIT_KEY')
    return /^A block sequence/.test(message)
      ? `${message} (a list item "- …" indented as no key's value: indent it as the other items of its list are)`
      : `${message} (a value with ": " in it goes in quotes: title: "…: …")`;
  // (a policy author's trial: `{…, estimate: effective 2024-10-01 to 2025-04-01: the date assumed}` read as YAML's words)
  if (code === 'BLOCK_IN_FLOW')
    return `${message} (inside {…} a value with ": " in it goes in quotes: {estimate: "…: …"}, or the "{" or "[" of a value is not closed)`;
  // (the parser's own recursion ran out: JavaScript's words, a fuzzing trial found)
  if (/call stack/i.test(message)) return 'nested too deeply to read (thousands of levels): no jiuzhu file nests more than a few';
  return message;
}

/**
 * Opens a YAML file whose root is a mapping with the given keys: syntax errors, a non-mapping root and
 * unknown top-level keys are reported (the first two at once, as nothing else can be trusted then).
 */
export function openMapping(
  text: string,
  file: string,
  what: string,
  keys: readonly string[],
): { y: YamlFile; root: YAMLMap; top: Map<string, [Node | null, Pair]> } {
  const y = new YamlFile(file, text.replace(/^\uFEFF/, ''));
  if (y.broken) throw new InputError(y.problems, 'the file is not valid YAML');
  const root = y.doc.contents as Node | null;
  if (!isMap(root)) {
    y.problem(root, `a ${what} file is a mapping with keys ${keys.join(', ')}`);
    throw new InputError(y.problems);
  }
  otherKind(y, root, what);
  return { y, root, top: y.known(root, keys, `the ${what} file`) };
}

/**
 * jiuzhu's YAML files, each known by a key only it has (a profile and a cases file also name a policy), and where each
 * is given: a file of one kind given for another is told as such (a policy given as a projection listed a dozen
 * unknown and missing keys).
 */
const KINDS: ReadonlyArray<readonly [kind: string, key: string, given: string]> = [
  ['scenario', 'scenario', '--scenario'],
  ['projection', 'projection', '--projection, with --year or --years'],
  ['profile', 'profile', 'generate --profile'],
  ['cases', 'cases', 'jiuzhu test'],
  ['policy', 'parameters', '--policy'],
];

function otherKind(y: YamlFile, root: YAMLMap, what: string): void {
  const keys = root.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  const own = KINDS.find(([kind]) => kind === what);
  if (own && keys.includes(own[1])) return;
  const other = KINDS.find(([kind, key]) => kind !== what && keys.includes(key));
  if (!other) return;
  // (told at its id's key where it has one: `policy: guangxi-nanning`, else at the key that says what it is)
  const idKey = other[0] === 'policy' ? 'policy' : other[0];
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === idKey) ?? root.items[keys.indexOf(other[1])]!;
  const named = pair.key && isScalar(pair.key) && pair.key.value === idKey && isScalar(pair.value) ? ` (${String(pair.value.value)})` : '';
  y.problem(pair.key as Node, `this is a ${other[0]} file${named}, not a ${what} file: give it as ${other[2]}`);
  throw new InputError(y.problems);
}

export function didYouMean(key: string, candidates: Iterable<string>): string {
  // a key that is the first word of one name: that name (a researcher's "wage" was offered "age", not "wage_income")
  const all = [...candidates];
  const word = all.filter((c) => c.startsWith(`${key}_`) || c.startsWith(`${key}.`));
  if (word.length === 1) return ` (did you mean "${word[0]}"?)`;
  // …or its last word (an economist's "id" in a person was offered 年龄, two edits away, not person_id)
  const last = all.filter((c) => c.endsWith(`_${key}`));
  if (last.length === 1) return ` (did you mean "${last[0]}"?)`;
  // a 中文 key that is a part of one name, or holds one, two characters at least: that name (a caseworker's 工资 was
  // offered 年龄, two edits away, not 工资收入)
  if (/\p{Script=Han}/u.test(key) && key.length >= 2) {
    const part = all.find((c) => /\p{Script=Han}/u.test(c) && (c.includes(key) || key.includes(c)));
    if (part) return ` (did you mean "${part}"?)`;
  }
  let best: string | undefined;
  let score = Infinity;
  // (by edits only among names of the key's own script: any two-letter key is two edits from any two-character 中文 one)
  const han = /\p{Script=Han}/u.test(key);
  for (const c of all.filter((x) => /\p{Script=Han}/u.test(x) === han)) {
    const d = editDistance(key, c);
    if (d < score) [best, score] = [c, d];
  }
  return best !== undefined && score <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

export { isMap, isScalar, isSeq };

/** What a scalar node's text was, for a message: `, got "2021"` (a number or a date too), or `, got nothing`. */
export function got(node: Node | null): string {
  const t = isScalar(node) ? (node.source ?? (node.value === null ? null : String(node.value))) : null;
  return t === null || t === undefined ? ', got nothing' : `, got "${t}"`;
}
