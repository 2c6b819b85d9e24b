// Characters that show nothing: a zero-width space, a direction mark, a soft hyphen (Unicode's format characters, Cf).
// In an id they make another id that looks the same on screen — a household split in two, its rows apart, its figures
// wrong without a word (a QA trial: "\u200bH1" beside "H1" cost 3.7 times as much). trim() does not take them off.
// Here too what else an id may not be (idProblem): spaces around it, a control character, Excel's 4.50102E+17.

const FORMAT = /\p{Cf}/gu;
const PICTURE = /\p{Extended_Pictographic}/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;

/**
 * The first invisible character of an id, or null: a format character anywhere, but for those that make one emoji of
 * several — a zero-width joiner between two pictographs (👨‍👩‍👧), the tags after a flag (🏴 of England).
 */
export function invisibleIn(text: string): string | null {
  for (const m of text.matchAll(FORMAT)) {
    const c = m[0];
    const before = [...text.slice(0, m.index)].at(-1) ?? '';
    const after = [...text.slice(m.index + c.length)][0] ?? '';
    if (c === '\u200d' && PICTURE.test(before.replace('\ufe0f', '')) && PICTURE.test(after)) continue;
    if (TAG.test(c) && (TAG.test(before) || before === '\u{1F3F4}')) continue;
    return c;
  }
  return null;
}

/** A character as U+XXXX, for a message. */
export const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * An id as Excel shows a number of 12 digits or more (4.50102E+17): its digits are lost, so families whose ids shared
 * the first six would be one household (a data engineer's register: four families read as one of 11 persons, exit 0).
 * No id is written so; refused, whatever the reader (the fast reader sends any id with a "+" to parseCell).
 */
export const EXCEL_ROUNDED_ID = /^[0-9](\.[0-9]+)?E\+[0-9]+$/i;

/**
 * What is wrong with an id's text (parseCell's answer: `expected`, what a valid one is, and why), or null when nothing
 * is: spaces around it, an invisible character, a control character ("H00\n01" in quotes, a broken export read as an
 * ordinary id), Excel's scientific notation.
 */
export function idProblem(expected: string, text: string): string | null {
  // (spaces inside quotes, or a Unicode space or BOM before an id, are kept: "F1 " would be another household than F1,
  // its rows split off unseen)
  if (text.trim() !== text) return `${expected} without spaces or invisible characters around it (kept, they would make another id)`;
  const invisible = invisibleIn(text);
  if (invisible !== null)
    return `${expected} without the invisible character ${codePoint(invisible)} in it (it would make another id that looks the same)`;
  if (CONTROL.test(text)) return `${expected} on one line, without a line break, tab or other control character in it`;
  if (EXCEL_ROUNDED_ID.test(text))
    return `${expected} as written, not a number in scientific notation: ${text} is how Excel shows an id of 12 digits or more, its digits lost (ids that shared the first ones now name one household); format the column as Text (文本) in Excel before the ids are entered or imported, or export them as text`;
  return null;
}

/**
 * Text as a terminal shows it: control characters as escapes (\r, \n, \t, else \x1b), so that an id cannot clear the
 * screen or set the window's title (a QA trial's explain printed a household id's escape sequences raw). Messages
 * (io/text-checks.ts showText) and text outputs alike; JSON escapes them itself, and CSV keeps the data as it is.
 */
export const shownId = (id: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  id.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\r' ? '\\r' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
