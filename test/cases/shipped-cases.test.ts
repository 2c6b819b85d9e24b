// `npm test` runs the shipped case files (policies/cases): one vitest test per case, so a failing case is
// named in the test report with its expected and actual values.
import { describe, expect, it } from 'vitest';
import { showValue } from '../../src/core/cases.js';
import { caseFiles, runCases } from '../../src/cli/run-cases.js';

const run = await runCases(await caseFiles(['policies/cases']));

describe.each([...new Set(run.results.map((r) => r.case.file))])('%s', (file) => {
  it.each(run.results.filter((r) => r.case.file === file).map((r) => [r.case.name, r] as const))('%s', (_, r) => {
    expect(
      r.mismatches.map(
        (m) =>
          `${m.expectation.target}.${m.expectation.field}: expected ${showValue(m.expectation.field, m.expectation.expected)}, got ${showValue(m.expectation.field, m.actual)}`,
      ),
    ).toEqual([]);
  });
});

it('covers every shipped policy, and every sanity rule holds on them', () => {
  expect(run.policies.map((p) => p.replace(/^.*\//, '')).sort()).toEqual([
    'guangdong-guangzhou.yaml',
    'guangxi-nanning.yaml',
    'jiangxi-fuliang.yaml',
  ]);
  expect(run.violations).toEqual([]);
  expect(run.results.length).toBeGreaterThanOrEqual(30);
});
