// apache-arrow as its single-file build (Arrow.esnext.min.js, the same API): it loads in ~40 ms, where the package's
// ES modules (hundreds of files, resolved and linked one by one) took ~200 ms on the bench's machine, on every run
// that reads an Arrow file. Types still come from the package's own declarations.
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';

export const arrowLib = createRequire(import.meta.url)('apache-arrow/Arrow.esnext.min') as typeof Arrow;
