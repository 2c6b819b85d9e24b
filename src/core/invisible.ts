// Characters that show nothing: a zero-width space, a direction mark, a soft hyphen (Unicode's format characters, Cf).
// In an id they make another id that looks the same on screen — a household split in two, its rows apart, its figures
// wrong without a word (a QA trial: "\u200bH1" beside "H1" cost 3.7 times as much). trim() does not take them off.

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

/** parseCell's answer for an id with one in it: which, and why. */
export const invisibleId = (c: { readonly expected: string }, text: string) => ({
  ok: false as const,
  expected: `${c.expected} without the invisible character ${codePoint(invisibleIn(text)!)} in it (it would make another id that looks the same)`,
});

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
