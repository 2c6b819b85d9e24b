// ISO calendar dates (YYYY-MM-DD). A dated value holds from its date until the next one.
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why text written YYYY-MM-DD is no date, for a message (a reform author's 2027-02-30 was told "must be a date
 * YYYY-MM-DD", which it is written as): " (February 2027 has 28 days)", " (there is no month 13)"; '' otherwise.
 */
export function notADay(text: string): string {
  const m = ISO_RE.exec(text);
  if (!m) return otherwiseWritten(text);
  if (isIsoDate(text)) return '';
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return ` (there is no month ${m[2]})`;
  if (Number(m[3]) < 1) return ' (there is no day 00)';
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return ` (${MONTHS[mo - 1]} ${y} has ${days} days)`;
}

/** A day written another way (2026/12/01, 2026-12-1, 2026年12月1日, 2026.12.01): " (write 2026-12-01)"; '' otherwise. */
function otherwiseWritten(text: string): string {
  // (a year alone, as YAML reads `from: 2021`: it was told "got nothing", an onboarding trial)
  if (/^\d{4}$/.test(text.trim())) return ` (a year alone: write the day it took effect, e.g. ${text.trim()}-01-01)`;
  // a span (a policy author's `from: 2024-07-01 ~ 2025-06-30`): a value holds until the next entry's date
  const span = /^(\d{4}-\d{2}-\d{2})\s*(?:~|～|to|至|到|—|–|--?)\s*(\d{4}-\d{2}-\d{2})$/.exec(text.normalize('NFKC').trim());
  if (span && isIsoDate(span[1]!))
    return ` (one day, the first: write ${span[1]}; a value holds until the next entry's "from", so a value that ends on ${span[2]} is followed by one from the day after)`;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return '';
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? ` (write ${iso})` : notADay(iso);
}

/** A date not after the one before it (a policy's or a scenario's dated values): said, with a year no document has. */
export const notIncreasing = (from: string, prev: string): string =>
  // (a policy author's 0024-07-01 after 2023-01-01 was told to reorder: a year before any document is a typo)
  `dates must increase: ${from} comes after ${prev}${from < EARLIEST ? ` (${from.slice(0, 4)}: a typo in its year?)` : ''}`;

export function isIsoDate(text: string): boolean {
  const m = ISO_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/**
 * The earliest date a value may start (the People's Republic's first day, before any document a policy cites), and the
 * start of a scenario's value for a parameter the policy leaves to its default.
 */
export const EARLIEST = '1949-10-01';

/**
 * Today's date where the user is (the machine's time zone), as the default simulation date: in UTC, a run in Beijing
 * before 08:00 on 1 July simulated 30 June, the day before a standard’s rise. `now` is the caller’s clock (core reads none).
 */
export function today(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** Index of the entry in force at `date` in entries sorted by `from`, or -1 when none has started. */
export function indexInForce(entries: ReadonlyArray<{ readonly from: string }>, date: string): number {
  let found = -1;
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]!.from <= date) found = i;
    else break;
  }
  return found;
}
