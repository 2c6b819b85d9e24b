// A damaged Arrow population file: a hardening trial flipped one byte of a file `jiuzhu import` wrote and got a run that
// looped for minutes or exhausted memory, deaf to Ctrl-C (the footer, or a batch's header, parsed by apache-arrow), an
// internal error (a text column's offsets), 0 households with exit 0, or other totals. Here every byte of a small
// imported file of two batches is flipped in turn, and each read — whole, a batch at a time, and --stream — either
// refuses the file (an InputError or UsageError: exit 3 or 2) or reads it: never another error. Where the byte lies in
// what apache-arrow parses (the footer, the dictionaries, a batch's header), a read that is not refused gives the
// undamaged file's totals. In a batch's values a flip that stays in range cannot be told from an edit by another tool
// (which `jiuzhu import`'s fingerprints do not forbid: such a file is checked as that tool's, at its rows).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures, Totals } from '../../src/core/aggregate.js';
import { rulesAt } from '../../src/core/rules.js';
import { simulate } from '../../src/core/simulate.js';
import { simulateArrowBatches } from '../../src/engine/arrow-totals.js';
import { InputError, UsageError } from '../../src/errors.js';
import { populationFromArrow, populationToArrow, streamArrow } from '../../src/io/arrow.js';
import { readArrowLayout } from '../../src/io/arrow-file.js';
import { staleSource } from '../../src/io/arrow-source.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';

const CSV =
  'household_id,person_id,age,area,wage_income,other_income,disability_grade,weight\n' +
  'H1,p1,45,urban,900,120.50,0,1.5\nH1,p2,43,urban,0,0,0,1.5\nH2,p3,70,rural,0,100,0,2\n' +
  'H3,p4,30,urban,2500,0,0,1\nH3,p5,5,urban,0,0,1,1\nH4,p6,81,rural,0,300,2,3\n';

describe('a damaged Arrow file: every byte flipped', () => {
  it('is refused or read, never another error; outside the values, refused or read as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-arrow-damage-'));
    const pop = await parseHouseholdsFast(Readable.from([CSV]), 'h.csv');
    const good = populationToArrow(pop, { source: 'h.csv' }, 2); // two batches of two households
    const runs = [{ id: 'baseline', rules: rulesAt(await loadPolicy('policies/guangxi-nanning.yaml'), '2024-12-31').rules }];
    const totalsOf = (t: Totals[]) => JSON.stringify(t.map(figures));
    const expected = totalsOf(simulate(pop, runs));
    const file = join(dir, 'f.arrow');
    const reads = {
      whole: async () => totalsOf(simulate(await populationFromArrow(file), runs)),
      batches: async () => {
        const t = await simulateArrowBatches(null, file, Promise.resolve(runs));
        return t === null ? reads.whole() : totalsOf(t); // (null: the CLI reads the file whole)
      },
      stream: async () => {
        const t = new Totals();
        await streamArrow(file, async (p) => t.merge(simulate(p, runs)[0]!));
        return totalsOf([t]);
      },
    };
    const seen = { refused: 0, same: 0, other: 0 };
    writeFileSync(file, good);
    for (const read of Object.values(reads)) expect(await read()).toBe(expected);
    // the batches' values: after each header, to the batch's end
    const values = readArrowLayout(file).batches.map((b) => [b.offset + b.meta, b.offset + b.length] as const);
    const inValues = (k: number) => values.some(([from, to]) => k >= from && k < to);
    for (let k = 0; k < good.length; k++) {
      const bad = Uint8Array.from(good);
      bad[k] ^= 0xff;
      writeFileSync(file, bad);
      for (const [name, read] of Object.entries(reads)) {
        const got = await read().catch((e: unknown) => {
          if (e instanceof InputError || e instanceof UsageError) return 'refused';
          throw new Error(`byte ${k} of ${good.length}, ${name}: ${String(e)}`);
        });
        if (got === 'refused') seen.refused++;
        else if (got === expected) seen.same++;
        else {
          expect(inValues(k), `byte ${k} of ${good.length}, ${name}: other totals from a byte outside the values`).toBe(true);
          seen.other++;
        }
      }
    }
    // (most flips are refused: a value out of range, an id made another, a header, the footer)
    expect(seen.refused).toBeGreaterThan(seen.same + seen.other);
  }, 300_000);
});

// A fuzzing trial's --stream run on a file with one footer byte changed (0x24 → 0x7f) grew 180 MB a second until the heap
// ran out, deaf to Ctrl-C: the note of where the file came from, asked before the read that refuses it, had apache-arrow
// parse the damaged footer. Each byte of the footer's end set to 0x7f, 0x25 and flipped: answered at once, never parsed.
describe('where a damaged Arrow file came from', () => {
  it('is not asked of apache-arrow: every footer byte changed, staleSource answers null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-arrow-source-'));
    const pop = await parseHouseholdsFast(Readable.from([CSV]), 'h.csv');
    const good = populationToArrow(pop, { source: join(dir, 'h.csv') }, 2);
    const file = join(dir, 'f.arrow');
    let refused = 0;
    for (let k = Math.max(0, good.length - 1200); k < good.length; k++) {
      for (const v of [0x7f, 0x25, good[k]! ^ 0xff]) {
        const bad = Uint8Array.from(good);
        bad[k] = v;
        writeFileSync(file, bad);
        expect(await staleSource(file)).toBeNull();
        if (
          (() => {
            try {
              readArrowLayout(file);
              return false;
            } catch {
              return true;
            }
          })()
        )
          refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
