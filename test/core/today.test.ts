// The default simulation date (core/dates.ts today): the calendar day where the user is, not UTC's.
import { afterEach, describe, expect, it } from 'vitest';
import { today } from '../../src/core/dates.js';

const was = process.env.TZ;
afterEach(() => {
  if (was === undefined) delete process.env.TZ;
  else process.env.TZ = was;
});

describe('today', () => {
  it("is the machine's day: 23:30 UTC on 30 June is 1 July in Beijing, the day a standard rises", () => {
    const at = new Date('2026-06-30T23:30:00Z');
    process.env.TZ = 'Asia/Shanghai';
    expect(today(at)).toBe('2026-07-01');
    process.env.TZ = 'UTC';
    expect(today(at)).toBe('2026-06-30');
    process.env.TZ = 'America/Los_Angeles';
    expect(today(new Date('2027-01-01T05:00:00Z'))).toBe('2026-12-31');
  });
});
