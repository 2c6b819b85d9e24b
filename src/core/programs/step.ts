// A step of DOMAIN "The rules, step by step", declared: which parameters it reads, whose findings it uses, and how
// it compiles its own rules from a parameter snapshot. The declaration is the one place those facts are written:
// explain's parameter lists, the estimate flags of each program (dependsOn), the order the engine runs the steps in
// and the key under which runs share steps 1–2 all derive from it. A step compiles its rules through Params, which
// refuses a parameter the step did not declare, so a declaration cannot fall behind its code.
import { toRatio, type Dec, type Ratio, type Rounding } from '../money.js';
import { bool, dec, optionalDec, str, tiers, type Snapshot, type Tier } from '../parameters/tree.js';
import { AREAS, type Area } from '../columns.js';
import { PARAMS } from '../parameters/schema.js';
import type { Ctx } from './context.js';
import type { Reach } from './screen.js';

export interface Step<R> {
  /** The step's id: a program id, or the name of a step that decides no program of its own ("rest"). */
  readonly id: string;
  /** DOMAIN's step number ("1" … "11"; take-up, which DOMAIN gives none, "8.5"). */
  readonly number: string;
  /** Parameter paths it reads, or prefixes ending in "." (every path under them), in the order explain lists them. */
  readonly reads: readonly string[];
  /** The reads that decide its findings (when they are equal, another run's findings can be taken over); all when absent. */
  readonly decides?: readonly string[];
  /** Earlier steps whose findings it uses (it runs after them; what they read moves its result too). */
  readonly uses: readonly string[];
  /**
   * 'rest': only when the household has members who are not tekun (steps 3–7); 'household': every household; 'engine':
   * run by the engine itself (steps 1 and 2).
   */
  readonly scope: 'rest' | 'household' | 'engine';
  /** The step's rules for households of one area (p.area), from the parameters it reads. */
  readonly compile: (p: Params) => R;
  /** Evaluates the step for the household in c (undefined for the steps the engine runs itself: 1 and 2). */
  readonly run?: (c: Ctx, r: R) => void;
  /**
   * Where the step may act (screen.ts): its own condition, loosened to what the engine's screen reads. Absent, or
   * null: any household (a step with a `run` and no reach turns the screen off).
   */
  readonly reach?: (r: R) => Reach;
  /**
   * A program whose households the step leaves out (it acts only where that one does not), and the rule that says so:
   * where that program stops, this step's may start, and a jump up there is the rules' (report/cliff.ts says why).
   */
  readonly notWhere?: { readonly program: string; readonly why: string; readonly zh: string };
}

/** Whether a declared read (a path, or a prefix ending in ".") covers a parameter path. */
export function covers(read: string, path: string): boolean {
  return read.endsWith('.') ? path.startsWith(read) : path === read;
}

/**
 * A step's view of a snapshot: it reads only what the step declares (anything else is a bug, thrown at once), and
 * learns where its programs' results go (their slots in HouseholdResult).
 */
export class Params {
  constructor(
    private readonly s: Snapshot,
    private readonly step: string,
    private readonly reads: readonly string[],
    private readonly slots: ReadonlyMap<string, number> = new Map(),
    /** The area the rules are compiled for. */
    readonly area: Area = 'urban',
    /** Where each path read is recorded (rules.ts unreadPaths: what a scenario changes that no rule reads). */
    private readonly read?: Set<string>,
  ) {}

  /** A per-area parameter of this area: `here('dibao.standard.')` is the household's S. */
  here(prefix: string): string {
    return `${prefix}${this.area}`;
  }

  /** The slot of a program the step decides (its program-table entry names the step). */
  slot(program: string): number {
    const at = this.slots.get(program);
    if (at === undefined) throw new Error(`step ${this.step} writes ${program}, whose program-table entry does not name the step`);
    return at;
  }

  private checked(path: string): string {
    if (!this.reads.some((r) => covers(r, path))) throw new Error(`step ${this.step} reads ${path}, which it does not declare`);
    this.read?.add(path);
    return path;
  }

  /** The view restricted to some of the step's reads (what decides its findings). */
  only(reads: readonly string[]): Params {
    for (const r of reads)
      if (!this.reads.some((d) => covers(d, r))) throw new Error(`step ${this.step} decides by ${r}, which it does not read`);
    return new Params(this.s, this.step, reads, this.slots, this.area, this.read);
  }

  dec(path: string): Dec {
    return dec(this.s, this.checked(path));
  }
  str(path: string): string {
    return str(this.s, this.checked(path));
  }
  bool(path: string): boolean {
    return bool(this.s, this.checked(path));
  }
  tiers(path: string): readonly Tier[] {
    return tiers(this.s, this.checked(path));
  }
  optionalDec(path: string): Dec | null {
    return optionalDec(this.s, this.checked(path));
  }
  /** Money as integer fen. */
  fen(path: string): number {
    return this.dec(path).times(100).toNumber();
  }
  int(path: string): number {
    return this.dec(path).toNumber();
  }
  ratio(path: string): Ratio {
    return toRatio(this.dec(path));
  }
  rounding(): Rounding {
    return this.str('rounding') as Rounding;
  }
}

/**
 * A step's reads as explain lists them for one household (`only`: those of them a trace is about; each must be a
 * declared read): a prefix of a per-area pair narrowed to the household's area, a prefix given in `pick` narrowed to
 * the suffixes picked, any other prefix expanded to every path under it. (Optional parameters a mode does not use are
 * left out where explain has the snapshot.)
 */
export function traceParams(
  step: Pick<Step<unknown>, 'id' | 'reads'>,
  area: number,
  opts: { readonly only?: readonly string[]; readonly pick?: Readonly<Record<string, string | readonly string[]>> } = {},
): string[] {
  const reads = opts.only ?? step.reads;
  return reads.flatMap((r) => {
    if (!step.reads.some((d) => covers(d, r))) throw new Error(`step ${step.id} traces ${r}, which it does not declare`);
    if (!r.endsWith('.')) return [r];
    const picked = opts.pick?.[r];
    if (picked !== undefined) return (typeof picked === 'string' ? [picked] : picked).map((s) => r + s);
    const under = PARAMS.filter((p) => p.path.startsWith(r)).map((p) => p.path);
    return under.length === 2 && under.includes(`${r}urban`) && under.includes(`${r}rural`) ? [`${r}${AREAS[area]}`] : under;
  });
}
