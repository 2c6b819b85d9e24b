// An object's own number, the same each time it is asked for: how a worker thread, handed a copy of a population or
// of a baseline's runs with each job, knows it has seen that one before (engine/parallel.ts popKey; year-kept.ts
// baselineKey). Numbers are never reused within a process.
const keys = new WeakMap<object, number>();
let last = 0;

export function keyOf(o: object): number {
  let k = keys.get(o);
  if (k === undefined) keys.set(o, (k = ++last));
  return k;
}
