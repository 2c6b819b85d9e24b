// jiuzhu test [PATH…] [--junit FILE]  — declarative cases + parameter sanity rules; exit 1 on any failure.
// jiuzhu validate --policy FILE…      — load and run the sanity rules only.
import { checkPolicy } from '../../core/sanity.js';
import { CheckFailedError } from '../../errors.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { loadPolicy } from '../../io/policy-file.js';
import { casesJunit, casesText, failed, violationLines } from '../../report/cases.js';
import type { Ctx } from '../context.js';
import { caseFiles, runCases } from '../run-cases.js';

export async function testCommand(ctx: Ctx, paths: readonly string[], o: { junit?: string }): Promise<void> {
  const files = await caseFiles(paths.length ? paths : ['policies/cases']);
  const run = await runCases(files);
  ctx.stdout.write(casesText(run));
  if (o.junit) {
    const out = await AtomicFile.open(o.junit);
    await out.write(casesJunit(run));
    await out.commit();
  }
  if (failed(run)) throw new CheckFailedError('some cases or parameter rules failed (see above)');
}

export async function validateCommand(ctx: Ctx, o: { policy: readonly string[] }): Promise<void> {
  let errors = 0;
  for (const file of o.policy) {
    const violations = checkPolicy(await loadPolicy(file));
    errors += violations.filter((v) => v.rule.severity === 'error').length;
    ctx.stdout.write(
      `${file}: ${violations.length ? `${violations.length} finding${violations.length > 1 ? 's' : ''}` : 'valid; every parameter rule holds'}\n`,
    );
    if (violations.length) ctx.stdout.write(violationLines(violations).join('\n') + '\n');
  }
  if (errors) throw new CheckFailedError(`${errors} parameter rule error${errors > 1 ? 's' : ''}`);
}
