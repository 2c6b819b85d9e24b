// The formatted problems of an InputError thrown by `fn` ([] when it does not throw).
import { formatProblem, InputError } from '../../src/errors.js';

export async function problemsOf(fn: () => unknown): Promise<string[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

export function problemsOfSync(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}
