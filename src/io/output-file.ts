// Writing a command's main output to a file (--out): text, bytes, or an Excel workbook, atomically.
import type ExcelJS from 'exceljs';
import { AtomicFile } from './atomic-file.js';

export async function writeOutput(path: string, content: string | Uint8Array | ExcelJS.Workbook): Promise<void> {
  const bytes = typeof content === 'string' || content instanceof Uint8Array ? content : new Uint8Array(await content.xlsx.writeBuffer());
  const out = await AtomicFile.open(path);
  try {
    await out.write(bytes);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}
