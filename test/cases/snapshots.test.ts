// The committed snapshots of the shipped policies (policies/snapshots/) are checked on every test run, as a
// policy repository's CI would: editing a policy that moves a figure fails here until the snapshot is updated
// with `jiuzhu check … --update` (see README "For CI pipelines").
import { resolve } from 'node:path';
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

  // README: a snapshot keeps its paths relative to its own folder, so a check runs from any folder (an integrator's
  // cron job from /tmp was refused: the shipped snapshots held paths relative to the repository's root)
  it('is checked from another folder, the files named from there', () => {
    const at = resolve('policies/snapshots');
    const r = jiuzhu(
      [
        'check',
        ...['--policy', `../${p}.yaml`, '--households', '../samples/households.csv'],
        ...['--scenario', resolve('scenarios/tekun-basic-1.6x.yaml'), '--scenario', resolve('scenarios/low-income-2x.yaml')],
        ...['--snapshot', `${p}.json`],
      ],
      { cwd: at },
    );
    expect([r.code, r.stdout.trim().split('\n').at(-1)], r.stderr).toEqual([0, 'Nothing moved beyond the tolerance.']);
  });
});
