// A worksheet's cells and rows may leave out their references (`r="B2"`, `r="2"`): OOXML places such a cell after the
// one before it in its row, such a row after the row before. Writers that stream a sheet do (a QA trial's workbook of
// inline strings); exceljs's reader needs them ("Cannot read properties of undefined (reading 'length')"), so they are
// written in first.

/** The column number (1-based) of a cell reference's letters ("AB12" → 28). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? '') n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A workbook's column letter: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The rows of `xml` (whole rows) with every cell's and row's reference written in; `at.row`: the row before them. */
function refsIn(xml: string, at: { row: number }): string {
  return xml.replace(/<row(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (_, attrs: string, body: string | undefined) => {
    const own = /\sr="(\d+)"/.exec(attrs);
    const row = (at.row = own ? Number(own[1]) : at.row + 1);
    const head = own ? attrs : `${attrs} r="${row}"`;
    if (body === undefined) return `<row${head}/>`;
    let col = 0;
    const cells = body.replace(/<c(?=[\s>/])([^>]*?)(\/?)>/g, (_m, a: string, slash: string) => {
      const ref = /\sr="([A-Z]+)\d*"/.exec(a);
      col = ref ? columnOf(ref[1]!) : col + 1;
      return ref ? `<c${a}${slash}>` : `<c r="${columnLetter(col)}${row}"${a}${slash}>`;
    });
    return `<row${head}>${cells}</row>`;
  });
}

/**
 * A sheet's XML, as it streams, with every cell's and row's reference written in: whole rows at a time (a row cut by a
 * chunk's end waits for the next). A sheet whose first cell and row have theirs is passed on as it is (a writer gives
 * them all, or none).
 */
export async function* withCellRefs(sheet: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  let pending = '';
  let fill: boolean | null = null; // (decided at the first cell)
  const at = { row: 0 };
  for await (const chunk of sheet) {
    const text = pending + chunk.toString();
    if (fill === null) {
      const cell = /<c(?=[\s>/])[^>]*>/.exec(text);
      if (!cell) {
        pending = text;
        continue;
      }
      const row = /<row(?=[\s>/])[^>]*>/.exec(text);
      fill = !/\sr="/.test(cell[0]) || (row !== null && !/\sr="/.test(row[0]));
    }
    if (!fill) {
      pending = '';
      yield text;
      continue;
    }
    const end = text.lastIndexOf('</row>');
    if (end < 0) {
      pending = text;
      continue;
    }
    pending = text.slice(end + 6);
    yield refsIn(text.slice(0, end + 6), at);
  }
  if (pending) yield fill ? refsIn(pending, at) : pending;
}
