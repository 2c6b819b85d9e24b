// A full garbage collection, asked for where a thread has just let go of much memory and will not allocate enough to
// make V8 collect on its own: a reading worker's part handed over, or this thread's population built from the parts
// the workers handed it. `gc` exposed as Jest's leak detector does (the flag set at run time, the function taken from a
// new context), once, when first asked for.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

export function collect(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
