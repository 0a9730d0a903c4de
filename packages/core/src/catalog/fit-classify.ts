/**
 * Which bags of a catalog hold this kit? Every bag of a fit index gets a verdict, exact wherever
 * the engine is, with the engine run on as few bags as possible. What settles a bag, cheapest
 * first:
 * 1. the necessary conditions (kit-bounds.ts): the sorted bounding box, the volume, the opening;
 * 2. a layout already known, moved into the bag: the kit's own compact layouts (kitEnvelopes) and
 *    each layout the engine finds, its bounding box put where a single box fits best in the shape
 *    (the closed form familyHoldsBox; turned any way when every item may turn), or, for a shaped
 *    bag, a layout found in a bag of the same family moved anchor to anchor (shape-family.ts) and
 *    tested corner by corner;
 * 3. a proof already made: a bag contained in one the engine proved too small (same family,
 *    every length at most as long) is too small too, since the opening test is already passed;
 * 4. the engine, with a per-bag budget; what it finds feeds 2 and 3 for the bags after it.
 * The engine runs on the open bags largest first, so that its proofs of "no" cover many smaller
 * bags, while the kit's compact layouts already cover most bags that are roomy enough.
 *
 * Counting is sound without building every layout: a box layout inside a box at least as long on
 * each axis is a layout there (translation keeps items apart), and a family layout is accepted
 * only when each of its pieces is inside the bag (boxInside, the verifier's own test). Layouts that
 * are shown are rebuilt by layoutFor and checked by the independent verifier first.
 */
import { fit } from '../fit/fit.js';
import { toProblem } from '../fit/problem.js';
import { aloneFails, volumeFails } from '../fit/shape-proofs.js';
import { verifyLayout } from '../fit/verify.js';
import { AXIS_PERMUTATIONS } from '../geometry/orientation.js';
import { FAMILIES, familyAnchor, familyContains, familyHoldsBox } from '../geometry/shape-family.js';
import { bestSpotAlone, boxInside, effectiveInterior } from '../geometry/shapes.js';
import { EPS, VOLUME_REL_EPS } from '../geometry/tolerance.js';
import type { Placement } from '../model/fit.js';
import type { Item } from '../model/item.js';
import type { FitIndex } from './fit-index.js';
import { kitBounds, openingNeeds, sortDesc } from './kit-bounds.js';
import { envelopeOf, kitEnvelopes, placeEnvelope, type Envelope } from './kit-layouts.js';

export const OUT = 0;
export const FITS = 1;
export const TOO_SMALL = 2;
export const UNDECIDED = 3;

export interface ClassifyOptions {
  /** Only these rows of the index (a filter's result); all rows when absent. */
  readonly rows?: Iterable<number>;
  /** The engine's budget for each bag it has to run on, ms and search nodes. */
  readonly perBagMs: number;
  readonly perBagNodes: number;
  /**
   * The whole query's budget for the engine, ms: once spent, the bags still open are undecided
   * (counted, never shown). Unlimited when absent.
   */
  readonly queryMs?: number;
  readonly now?: () => number;
}

/** A layout found in a shaped bag, kept with the anchor it was found at. */
interface FamilyLayout {
  readonly anchor: readonly [number, number, number];
  readonly placements: readonly Placement[];
}

export interface Classification {
  /** Per index row: OUT (fails a necessary condition, or not asked), FITS, TOO_SMALL or UNDECIDED. */
  readonly verdicts: Uint8Array;
  readonly fits: number;
  readonly undecided: number;
  readonly stats: {
    /** Bags past the necessary conditions. */
    readonly candidates: number;
    readonly engine_calls: number;
    /** Bags proved too small without the engine: by a bag containing them, or by the shape proofs. */
    readonly by_proof: number;
    /** Bags left undecided because the query's budget ran out. */
    readonly by_budget: number;
  };
  /** What was learnt, for layoutFor. */
  readonly envelopes: readonly Envelope[];
  readonly familyLayouts: readonly (readonly FamilyLayout[])[];
  readonly engineLayouts: ReadonlyMap<number, readonly Placement[]>;
}

/** Known layouts tried per bag at most: each open bag tries every one. */
const MAX_ENVELOPES = 32;
const MAX_FAMILY_LAYOUTS = 32;
const MAX_PROOFS = 256;
/**
 * A bag at most this much longer on every side than one the scan could not settle is not tried:
 * it is counted undecided too. A budget, not a proof (it never makes a verdict wrong): in the
 * catalog benchmark (100,000 bags with interiors all different, 24 kits) it cut the engine runs by
 * half and lost 318 of 847,859 fits (0.04%) to undecided.
 */
const UNSETTLED_SLACK = 0.05;

export function classifyKit(index: FitIndex, items: readonly Item[], opts: ClassifyOptions): Classification {
  const verdicts = new Uint8Array(index.size);
  const kit = kitBounds(items);
  const pass = openingNeeds(items);
  const turn = items.every((it) => it.rotation === 'all');
  const envelopes: Envelope[] = kitEnvelopes(items);
  const familyLayouts: FamilyLayout[][] = FAMILIES.map(() => []);
  const proofs: Float64Array[][] = FAMILIES.map(() => []);
  const unsettled: Float64Array[][] = FAMILIES.map(() => []);
  const engineLayouts = new Map<number, readonly Placement[]>();
  const { sides, volume, opening, lengths, family } = index;

  // Each known layout's bounding box, sorted (a pose can only fit where its sorted sides do), with
  // every pose it may take in a bag (all six when every item may turn), flat: 3 numbers a pose.
  const known: { s0: number; s1: number; s2: number; poses: Float64Array }[] = [];
  const addKnown = (ext: readonly [number, number, number]) => {
    const perms = turn ? AXIS_PERMUTATIONS : AXIS_PERMUTATIONS.slice(0, 1);
    const [s0, s1, s2] = sortDesc(ext);
    known.push({ s0, s1, s2, poses: Float64Array.from(perms.flatMap((perm) => [ext[perm[0]]!, ext[perm[1]]!, ext[perm[2]]!])) });
  };
  for (const env of envelopes) addKnown(env.ext);

  const fitsKnown = (i: number, thorough: boolean): boolean => {
    const f = family[i]!;
    const s0 = sides[3 * i]! + EPS;
    const s1 = sides[3 * i + 1]! + EPS;
    const s2 = sides[3 * i + 2]! + EPS;
    for (let k = 0; k < known.length; k++) {
      const env = known[k]!;
      if (env.s0 > s0 || env.s1 > s1 || env.s2 > s2) continue;
      // A box holds a box turned any way iff the sorted sides compare: no pose to try.
      let fits = f === 0 && turn;
      const poses = env.poses;
      for (let p = 0; !fits && p < poses.length; p += 3) fits = familyHoldsBox(f, lengths, 4 * i, poses[p]!, poses[p + 1]!, poses[p + 2]!);
      if (!fits) continue;
      if (k > 0) known.unshift(...known.splice(k, 1)); // the last layout that served is tried first
      return true;
    }
    if (f === 0 || !thorough) return false;
    const interior = effectiveInterior(index.interiors[i]!);
    const at = familyAnchor(interior);
    const list = familyLayouts[f]!;
    for (let l = 0; l < list.length; l++) {
      const layout = list[l]!;
      const dx = at[0] - layout.anchor[0];
      const dy = at[1] - layout.anchor[1];
      const dz = at[2] - layout.anchor[2];
      if (layout.placements.every((p) => boxInside(interior, p.x + dx, p.y + dy, p.z + dz, p.w, p.h, p.d))) {
        if (l > 0) list.unshift(...list.splice(l, 1));
        return true;
      }
    }
    return false;
  };
  // A bag's lengths as containment compares them: a box's sorted when the kit may turn any way.
  const keyOf = (i: number): Float64Array => {
    const key = lengths.slice(4 * i, 4 * i + 4);
    if (turn && family[i] === 0) key.set(sortDesc([key[0]!, key[1]!, key[2]!]));
    return key;
  };
  // Keys of turned boxes are sorted already, so containment compares them side by side.
  const holds = (big: Float64Array, small: Float64Array, slack = 0) => familyContains(big, small, false, slack);
  /** Keeps the list to its largest members: a new one replaces those it contains. */
  const remember = (lists: Float64Array[][], i: number) => {
    const list = lists[family[i]!]!;
    const key = keyOf(i);
    if (list.some((big) => holds(big, key))) return;
    const kept = list.filter((old) => !holds(key, old));
    if (kept.length >= MAX_PROOFS) return;
    list.length = 0;
    list.push(key, ...kept);
  };
  /** Is bag i contained in a bag of the list (grown by `slack`, a fraction of each length)? */
  const within = (lists: Float64Array[][], i: number, slack = 0): boolean => {
    const list = lists[family[i]!]!;
    if (list.length === 0) return false;
    const key = keyOf(i);
    for (let k = 0; k < list.length; k++) {
      if (!holds(list[k]!, key, slack)) continue;
      if (k > 0) list.unshift(...list.splice(k, 1));
      return true;
    }
    return false;
  };

  const open: number[] = [];
  const twins: number[] = [];
  const leader = new Int32Array(index.size).fill(-1);
  let candidates = 0;
  for (const i of opts.rows ?? range(index.size)) {
    const t = index.twin[i]!;
    const first = leader[t]!;
    if (first >= 0) {
      twins.push(i, first);
      continue;
    }
    leader[t] = i;
    const s = 3 * i;
    // meetsBounds, read straight from the index's arrays.
    if (sides[s]! + EPS < kit.s1 || sides[s + 1]! + EPS < kit.s2 || sides[s + 2]! + EPS < kit.s3 || volume[i]! * (1 + VOLUME_REL_EPS) < kit.volume) continue;
    const long = opening[2 * i]!;
    if (!Number.isNaN(long) && (long + EPS < pass.pass_long || opening[2 * i + 1]! + EPS < pass.pass_short)) continue;
    candidates++;
    if (fitsKnown(i, false)) verdicts[i] = FITS;
    else open.push(i);
  }

  open.sort((a, b) => volume[b]! - volume[a]! || a - b);
  let engineCalls = 0;
  let byProof = 0;
  let byBudget = 0;
  const options = { timeLimitMs: opts.perBagMs, nodeLimit: opts.perBagNodes, effort: 'scan' as const };
  const now = opts.now ?? Date.now;
  const deadline = opts.queryMs === undefined ? Infinity : now() + opts.queryMs;
  // One piece per distinct item (copies are alike) for the shape proofs, and the kit's volume as the engine counts it.
  const tight = toProblem(items, [Infinity, Infinity, Infinity], true);
  const distinct = [...new Map(tight.pieces.map((p) => [p.item, p])).values()];
  const piecesVolume = tight.pieces.reduce((sum, p) => sum + p.volume, 0);
  for (const i of spread(open)) {
    if (fitsKnown(i, true)) {
      verdicts[i] = FITS;
      continue;
    }
    if (within(proofs, i)) {
      verdicts[i] = TOO_SMALL;
      byProof++;
      continue;
    }
    if (within(unsettled, i, UNSETTLED_SLACK)) {
      verdicts[i] = UNDECIDED;
      continue;
    }
    if (family[i] !== 0) {
      const e = effectiveInterior(index.interiors[i]!);
      if (volumeFails(e, piecesVolume) || distinct.some((p) => aloneFails(e, p))) {
        verdicts[i] = TOO_SMALL;
        byProof++;
        remember(proofs, i);
        continue;
      }
    }
    if (now() > deadline) {
      verdicts[i] = UNDECIDED;
      byBudget++;
      continue;
    }
    engineCalls++;
    const interior = index.interiors[i]!;
    const r = fit({ bag: interior, items: [...items], options }, opts.now ? { now: opts.now } : {});
    if (r.verdict === 'fits') {
      verdicts[i] = FITS;
      engineLayouts.set(i, r.placements);
      const env = normalized(r.placements);
      // Kept unless a layout already known is as small on every side (turned, for a free kit).
      if (envelopes.length < MAX_ENVELOPES && !envelopes.some((e) => familyContains(env.ext, e.ext, turn))) {
        envelopes.push(env);
        addKnown(env.ext);
      }
      const f = family[i]!;
      if (f !== 0 && familyLayouts[f]!.length < MAX_FAMILY_LAYOUTS) {
        familyLayouts[f]!.push({ anchor: familyAnchor(effectiveInterior(interior)), placements: r.placements });
      }
    } else if (r.verdict === 'does-not-fit') {
      verdicts[i] = TOO_SMALL;
      remember(proofs, i);
    } else {
      verdicts[i] = UNDECIDED;
      remember(unsettled, i);
    }
  }
  for (let k = 0; k < twins.length; k += 2) {
    const v = verdicts[twins[k + 1]!]!;
    verdicts[twins[k]!] = v;
    if (v !== OUT) candidates++;
  }
  let fits = 0;
  let undecided = 0;
  for (const v of verdicts) {
    if (v === FITS) fits++;
    else if (v === UNDECIDED) undecided++;
  }
  return {
    verdicts,
    fits,
    undecided,
    stats: { candidates, engine_calls: engineCalls, by_proof: byProof, by_budget: byBudget },
    envelopes,
    familyLayouts,
    engineLayouts,
  };
}

/**
 * A verified layout for a bag the classification says holds the kit: the engine's own, or a
 * known layout moved into it. Null only if no known layout passes the verifier and the engine
 * then fails too (never expected; the caller leaves the bag out rather than show it unproven).
 */
export function layoutFor(index: FitIndex, row: number, items: readonly Item[], c: Classification, budget: { perBagMs: number; perBagNodes: number }): Placement[] | null {
  const interior = index.interiors[row]!;
  const own = c.engineLayouts.get(row);
  if (own) return [...own];
  const e = effectiveInterior(interior);
  const turn = items.every((it) => it.rotation === 'all');
  const ok = (p: Placement[]) => verifyLayout(interior, items, p).ok;
  for (const env of c.envelopes) {
    for (const perm of turn ? AXIS_PERMUTATIONS : AXIS_PERMUTATIONS.slice(0, 1)) {
      const spot = bestSpotAlone(e, env.ext[perm[0]]!, env.ext[perm[1]]!, env.ext[perm[2]]!);
      if (!spot) continue;
      const placements = placeEnvelope(env, perm, spot, items);
      if (ok(placements)) return placements;
    }
  }
  const f = index.family[row]!;
  const at = familyAnchor(e);
  for (const layout of c.familyLayouts[f] ?? []) {
    const d = [at[0] - layout.anchor[0], at[1] - layout.anchor[1], at[2] - layout.anchor[2]];
    const placements = layout.placements.map((p) => ({ ...p, x: p.x + d[0]!, y: p.y + d[1]!, z: p.z + d[2]! }));
    if (ok(placements)) return placements;
  }
  const r = fit({ bag: interior, items: [...items], options: { timeLimitMs: budget.perBagMs, nodeLimit: budget.perBagNodes } });
  return r.verdict === 'fits' ? r.placements : null;
}

/**
 * The list's entries in an order that visits it coarse to fine (bit-reversed positions: the
 * middle, the quarters, the eighths...), so that what the engine learns early, both proofs for
 * large bags and compact layouts from small ones, spreads over the whole range of sizes.
 */
function* spread(list: readonly number[]): Generator<number> {
  let bits = 0;
  while (1 << bits < list.length) bits++;
  for (let k = 0; k < 1 << bits; k++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (k & (1 << b)) r |= 1 << (bits - 1 - b);
    if (r < list.length) yield list[r]!;
  }
}

function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

/** The layout moved so that its bounding box starts at the origin. */
function normalized(placements: readonly Placement[]): Envelope {
  let x = Infinity;
  let y = Infinity;
  let z = Infinity;
  for (const p of placements) {
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
    z = Math.min(z, p.z);
  }
  return envelopeOf(placements.map((p) => ({ ...p, x: p.x - x, y: p.y - y, z: p.z - z })));
}
