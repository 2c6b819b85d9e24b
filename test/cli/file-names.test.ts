// The built CLI must work on a case-insensitive file system (macOS and Windows by default): no two source files may
// compile to names that differ only by case (src/ui/knobs.ts and src/ui/Knobs.tsx both became dist/ui/knobs.js
// there, one over the other).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('file names', () => {
  it('no two sources build to names that differ only by case', () => {
    const built = new Map<string, string[]>();
    for (const f of [...sources('src'), ...sources('bin')]) {
      const key = f.replace(/\.tsx?$/, '.js').toLowerCase();
      built.set(key, [...(built.get(key) ?? []), f]);
    }
    expect([...built.values()].filter((fs) => fs.length > 1)).toEqual([]);
  });
});
