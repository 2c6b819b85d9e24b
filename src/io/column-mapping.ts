// A column mapping file (--columns mapping.yaml): how a bureau's export becomes the households file jiuzhu reads,
// without editing it — its headers → canonical columns, its words → canonical values per column, and columns it lacks
// given one value for every row (a county's rural roll: `area: rural`). Validated like a policy: every problem located,
// unknown names with the nearest one.
//
//   columns: {户主身份证号: household_id, 成员身份证号: person_id, 实足年龄: age}
//   values: {self_care: {能自理: full, 半护理: partial, 全护理: none}}
//   constants: {area: rural}
import type { Node } from 'yaml';
import { COLUMN_BY_ALIAS, COLUMN_BY_NAME, COLUMN_NAMES, parseCell, wordValue } from '../core/columns.js';
import { InputError, type Problem } from '../errors.js';
import { readInputText } from './files.js';
import { didYouMean, isMap, openMapping, type YamlFile } from './yaml-nodes.js';

export interface ColumnMapping {
  readonly file: string;
  /** Canonical records (header first) from the file's records: renamed, mapped, constants appended. */
  apply(records: readonly (readonly string[])[], dataFile: string): string[][];
}

export async function loadColumnMapping(path: string): Promise<ColumnMapping> {
  return parseColumnMapping(await readInputText(path, 'column mapping file'), path);
}

export function parseColumnMapping(text: string, file: string): ColumnMapping {
  const { y, top } = openMapping(text, file, 'column mapping', ['columns', 'values', 'constants']);
  const renames = new Map<string, string>();
  const values = new Map<string, Map<string, string>>();
  const constants = new Map<string, string>();
  const column = (node: Node | null, text: string | null, what: string): string | null => {
    if (text === null) return null;
    if (COLUMN_BY_NAME.has(text)) return text;
    y.problem(
      node,
      `${what} "${text}" is not a column jiuzhu reads${didYouMean(text, COLUMN_NAMES)}; the columns are ${COLUMN_NAMES.join(', ')}`,
    );
    return null;
  };
  const mapOf = (key: string, each: (k: string, v: Node | null, keyNode: Node) => void) => {
    const node = top.get(key)?.[0] ?? null;
    if (!top.has(key)) return;
    if (!isMap(node)) return y.problem(node ?? top.get(key)![1], `"${key}" is a mapping`, key);
    for (const [k, v, pair] of y.entries(node)) each(k, v, pair.key as Node);
  };
  mapOf('columns', (header, v) => {
    const c = column(v, y.text(v), `the column for header "${header}"`);
    if (c && [...renames.values()].includes(c)) y.problem(v, `${c} is given to two headers`, 'columns');
    if (c) renames.set(header, c);
  });
  mapOf('values', (name, v, keyNode) => {
    const c = column(keyNode, name, 'values: column');
    if (!c) return;
    if (!isMap(v)) return y.problem(v ?? keyNode, `${c}: a mapping of the file's word → ${c}'s value`, 'values');
    const words = new Map<string, string>();
    for (const [word, to, pair] of y.entries(v)) {
      const t = y.text(to) ?? (typeof (to as { value?: unknown })?.value === 'boolean' ? String((to as { value: boolean }).value) : null);
      if (t === null) y.problem(to ?? (pair.key as Node), `${c}: expected the value "${word}" stands for`, 'values');
      else if (!readable(c, t))
        y.problem(to, `${c}: "${t}" is not valid: expected ${COLUMN_BY_NAME.get(c)!.expected}${hint(c, t)}`, 'values');
      else words.set(word, t);
    }
    values.set(c, words);
  });
  mapOf('constants', (name, v, keyNode) => {
    const c = column(keyNode, name, 'constants: column');
    const t = y.text(v);
    if (!c) return;
    if (t === null || !readable(c, t))
      y.problem(
        v ?? keyNode,
        `${c} "${t ?? ''}" is not valid: expected ${COLUMN_BY_NAME.get(c)!.expected}${t ? hint(c, t) : ''}`,
        'constants',
      );
    else constants.set(c, t);
  });
  if (y.problems.length) throw new InputError(y.problems, 'fix the column mapping file; every problem found is listed');
  return { file, apply: (records, dataFile) => apply(y, records, dataFile, { renames, values, constants }) };
}

/** "did you mean" among a code column's values. */
const hint = (c: string, text: string) => {
  const k = COLUMN_BY_NAME.get(c)!.kind;
  return k.type === 'code' ? didYouMean(text, k.codes) : '';
};

const readable = (c: string, text: string) => {
  const def = COLUMN_BY_NAME.get(c)!;
  return def.kind.type === 'id' ? text !== '' : parseCell(def, text).ok || wordValue(def, text) !== undefined;
};

function apply(
  y: YamlFile,
  records: readonly (readonly string[])[],
  dataFile: string,
  m: { renames: Map<string, string>; values: Map<string, Map<string, string>>; constants: Map<string, string> },
): string[][] {
  const problems: Problem[] = [];
  const header = (records[0] ?? []).map((h) => h.trim());
  for (const h of m.renames.keys())
    if (!header.includes(h))
      problems.push({
        where: { file: y.file },
        message: `columns: the header "${h}" is not in ${dataFile} (its headers: ${header.join(', ')})`,
      });
  const named = header.map((h) => m.renames.get(h) ?? h);
  // Each header's column: renamed here, else its name or 中文 header (core/columns.ts).
  const canonical = named.map((h) => (COLUMN_BY_NAME.get(h) ?? COLUMN_BY_ALIAS.get(h))?.name ?? h);
  for (const c of m.constants.keys())
    if (canonical.includes(c))
      problems.push({
        where: { file: y.file },
        message: `constants: ${dataFile} has a column ${c} already: give it as a constant or in the file, not both`,
      });
  if (problems.length) throw new InputError(problems, 'fix the column mapping file');
  const maps = canonical.map((c) => m.values.get(c) ?? null);
  const extra = [...m.constants.values()];
  // A blank line stays blank (the readers skip it); every other record gets the constants after its own fields.
  return records.map((r, i) =>
    i === 0
      ? [...named, ...m.constants.keys()]
      : r.every((v) => v === '')
        ? []
        : [...r.map((v, k) => maps[k]?.get(v.trim()) ?? v), ...extra],
  );
}
