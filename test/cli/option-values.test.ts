// Option values refused before anything runs: a workbook with nowhere to go.
import { describe, expect, it } from 'vitest';
import { refuseWorkbookNowhere } from '../../src/cli/option-values.js';

describe('--format xlsx', () => {
  it('needs --out, and not a terminal (a QA trial: --out /dev/stdout dumped the zip on the screen)', () => {
    expect(() => refuseWorkbookNowhere('xlsx', undefined, false)).toThrow('--format xlsx writes a workbook: give --out FILE.xlsx');
    expect(() => refuseWorkbookNowhere('xlsx', '/dev/stdout', true)).toThrow('which is not for a terminal: --out /dev/stdout is one');
    // standard output sent to a file or a pipe: written there
    expect(() => refuseWorkbookNowhere('xlsx', '/dev/stdout', false)).not.toThrow();
    expect(() => refuseWorkbookNowhere('xlsx', 'budget.xlsx', true)).not.toThrow();
    expect(() => refuseWorkbookNowhere('json', undefined, true)).not.toThrow();
  });
});
