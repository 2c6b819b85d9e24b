// An invalid input's problems as the JUnit a CI job asked for (--junit), then thrown on (exit 3): a job that reads the
// JUnit sees why nothing ran (check wrote none: a CI trial's job found no file, and posted an empty comment).
import { InputError } from '../errors.js';
import { AtomicFile } from '../io/atomic-file.js';
import { refuseOverwrite, type Input } from '../io/outputs.js';
import { problemsJunit } from '../report/cases.js';

export async function junitOfProblems(e: unknown, junit: string | undefined, inputs: readonly Input[], suites: string): Promise<never> {
  if (junit && e instanceof InputError) {
    await refuseOverwrite([{ flag: '--junit', path: junit, format: 'xml' }], inputs);
    const out = await AtomicFile.open(junit);
    await out.write(problemsJunit(e.problems, suites));
    await out.commit();
  }
  throw e;
}
