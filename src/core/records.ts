// Objects the hot loops read (a population, a part's columns) must keep V8's fast properties. Built one computed key at
// a time, an object of twenty-odd properties falls into dictionary mode, and every `pop.age[p]` becomes a hash lookup
// (measured: evaluation 70 % slower once a 22nd column was added). A record built by one object literal, compiled once
// per key list, stays fast.
const makers = new Map<string, (values: readonly unknown[]) => object>();

/**
 * The first value of a number field that will hold fractions or values past 2^31 (sums, incomes, amounts). V8 gives a
 * field first set to a small integer (0) a small-integer representation; the first larger value then changes the
 * shape of every object that has the field (each migrates when next touched), and the optimized code that relied on
 * the old shape is thrown away and compiled again. -0 is stored as a double, so the field is one from the start. Use
 * it where -0 reads as 0: arithmetic, comparisons, JSON and BigInt() do; a field that is reset before it is read.
 * Measured on the plain 1M file (--trace-migration): 1,034 ExactSums migrated, with `small: 0`.
 */
export const DOUBLE_ZERO = -0;

/** An object with the given keys and values (in that order) that V8 keeps in fast mode. */
export function fastRecord<T extends object>(keys: readonly string[], values: readonly unknown[]): T {
  const signature = keys.join(',');
  let make = makers.get(signature);
  if (!make) {
    for (const k of keys) if (!/^[A-Za-z_$][\w$]*$/.test(k)) throw new Error(`not a plain property name: ${k}`);
    make = new Function('v', `return { ${keys.map((k, i) => `${k}: v[${i}]`).join(', ')} };`) as (values: readonly unknown[]) => object;
    makers.set(signature, make);
  }
  return make(values) as T;
}

/** A copy of a plain object (own enumerable properties, in order) in fast mode: for objects that arrive by postMessage. */
export function fastCopy<T extends object>(o: T): T {
  const keys = Object.keys(o);
  return fastRecord<T>(
    keys,
    keys.map((k) => (o as Record<string, unknown>)[k]),
  );
}
