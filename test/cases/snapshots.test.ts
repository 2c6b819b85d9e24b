// The committed snapshots of the shipped policies (policies/snapshots/) are checked on every test run, as a
// policy repository's CI would: editing a policy that moves a figure fails here until the snapshot is updated
// with `jiuzhu check … --update` (see README "For CI pipelines").
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

describe.each(['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'])('%s', (p) => {
  it('matches its committed snapshot exactly', () => {
    const r = jiuzhu([
      'check',
      '--policy',
      `policies/${p}.yaml`,
      '--households',
      'policies/samples/households.csv',
      '--scenario',
      'scenarios/tekun-basic-1.6x.yaml',
      '--scenario',
      'scenarios/low-income-2x.yaml',
      '--snapshot',
      `policies/snapshots/${p}.json`,
    ]);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('Nothing moved beyond the tolerance.');
    expect(r.code).toBe(0);
  });
});
