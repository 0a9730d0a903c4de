/**
 * An independent exact oracle for tiny integer packing instances, for the fit engine's tests.
 *
 * It shares no code with the engine (not even the orientation table or the tolerance): a
 * different algorithm (filling a unit-cell occupancy grid) written from the problem statement.
 *
 * Why integer positions lose nothing: take any packing P with real coordinates and integer
 * extents. On each axis, call "u wholly before v" the pairs with P.pos[u] + ext[u] <= P.pos[v];
 * this relation is acyclic. Move every box to the length of the longest chain of extents that
 * ends just before it in that order (0 with no predecessor). Each new coordinate is a sum of
 * integer extents, hence an integer; it is at most the old coordinate (induction along the
 * chain), so every box stays inside the bag; and every pair that P separated on some axis is
 * still separated there (new pos[v] >= new pos[u] + ext[u] by construction). So a packing
 * exists iff one exists on the integer grid, and an exhaustive search over the grid decides.
 *
 * Search: pieces go in one at a time, biggest first, each at every integer corner and every
 * allowed orientation where it does not meet a piece already placed (cells as bits in 32-bit
 * words). Copies of interchangeable pieces are placed in increasing spot order, which only picks
 * one labelling of each packing. A branch is dropped when some piece left has no free spot at
 * all, or when the free cells that any piece left could still cover are fewer than the volume
 * left; states already shown to fail are remembered. Nothing else is pruned, so it is exact.
 */

export type Code = 'whd' | 'wdh' | 'hwd' | 'hdw' | 'dwh' | 'dhw';
export type TinyRotation = 'all' | 'upright' | 'fixed' | readonly Code[];

export interface TinyItem {
  readonly name: string;
  readonly dims: { readonly w: number; readonly h: number; readonly d: number };
  readonly quantity: number;
  readonly rotation: TinyRotation;
}

export interface TinyBag {
  readonly w: number;
  readonly h: number;
  readonly d: number;
}

export interface TinyPlacement {
  readonly name: string;
  readonly item: number;
  readonly copy: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
  readonly h: number;
  readonly d: number;
}

export type BruteResult = { fits: true; placements: TinyPlacement[]; nodes: number } | { fits: false; nodes: number };

const ALL_CODES: readonly Code[] = ['whd', 'wdh', 'hwd', 'hdw', 'dwh', 'dhw'];

/** The codes a rule allows: 'upright' turns only about the vertical (h) axis. */
export function codesOf(rule: TinyRotation): readonly Code[] {
  switch (rule) {
    case 'all':
      return ALL_CODES;
    case 'upright':
      return ['whd', 'dhw'];
    case 'fixed':
      return ['whd'];
    default:
      return rule;
  }
}

/** Extents along the bag's (w, h, d): letter i names the item axis lying along bag axis i. */
export function extentsOf(dims: TinyItem['dims'], code: Code): [number, number, number] {
  const pick = (letter: string): number => (letter === 'w' ? dims.w : letter === 'h' ? dims.h : dims.d);
  return [pick(code.charAt(0)), pick(code.charAt(1)), pick(code.charAt(2))];
}

export interface BruteOptions {
  /** Give up (throw) after this many nodes, so a test never hangs on a too-big instance. */
  readonly maxNodes?: number;
}

interface Group {
  /** Input items (one entry per copy) whose pieces are interchangeable: same allowed extents. */
  readonly members: number[];
  readonly volume: number;
  /** Every way to put one piece in the empty bag: extents, corner, and its cells as a bit mask. */
  readonly spots: { readonly e: readonly [number, number, number]; readonly at: readonly [number, number, number] }[];
  /** spots' cell masks, NW 32-bit words each. */
  masks: Uint32Array;
}

/** Decide exactly whether the items pack into the bag. All lengths must be positive integers. */
export function bruteForceFit(bag: TinyBag, items: readonly TinyItem[], opts: BruteOptions = {}): BruteResult {
  const W = bag.w;
  const H = bag.h;
  const D = bag.d;
  for (const v of [W, H, D, ...items.flatMap((it) => [it.dims.w, it.dims.h, it.dims.d])]) {
    if (!Number.isInteger(v) || v <= 0) throw new RangeError(`brute force needs positive integer lengths, got ${v}`);
  }
  const maxNodes = opts.maxNodes ?? 20_000_000;
  const cells = W * H * D;
  const NW = Math.ceil(cells / 32);

  // Group interchangeable pieces by the set of extents they may take.
  const byKey = new Map<string, Group>();
  items.forEach((it, index) => {
    const shapes: [number, number, number][] = [];
    for (const c of codesOf(it.rotation)) {
      const e = extentsOf(it.dims, c);
      if (e[0] > W || e[1] > H || e[2] > D) continue;
      if (!shapes.some((s) => s[0] === e[0] && s[1] === e[1] && s[2] === e[2])) shapes.push(e);
    }
    shapes.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const key = shapes.map((s) => s.join('x')).join('|') + `#${it.dims.w * it.dims.h * it.dims.d}`;
    let g = byKey.get(key);
    if (!g) {
      const spots: Group['spots'] = [];
      for (const e of shapes) {
        for (let z = 0; z + e[2] <= D; z++) for (let y = 0; y + e[1] <= H; y++) for (let x = 0; x + e[0] <= W; x++) spots.push({ e, at: [x, y, z] });
      }
      const masks = new Uint32Array(spots.length * NW);
      spots.forEach(({ e, at: [x, y, z] }, s) => {
        for (let k = z; k < z + e[2]; k++) {
          for (let j = y; j < y + e[1]; j++) {
            for (let i = x; i < x + e[0]; i++) {
              const cell = (k * H + j) * W + i;
              masks[s * NW + (cell >>> 5)]! |= 1 << (cell & 31);
            }
          }
        }
      });
      g = { members: [], volume: it.dims.w * it.dims.h * it.dims.d, spots, masks };
      byKey.set(key, g);
    }
    for (let c = 0; c < it.quantity; c++) g.members.push(index);
  });
  // Biggest pieces first: they run out of room soonest.
  const groups = [...byKey.values()].sort((a, b) => b.volume - a.volume);
  const total = groups.reduce((s, g) => s + g.members.length * g.volume, 0);
  if (groups.some((g) => g.spots.length === 0)) return { fits: false, nodes: 0 };
  if (total > cells) return { fits: false, nodes: 0 };

  const occ = new Uint32Array(NW);
  const cover = new Uint32Array(NW);
  const chosen: number[][] = groups.map(() => []);
  const failed = new Set<string>();
  let nodes = 0;

  const free = (g: Group, s: number): boolean => {
    for (let w = 0; w < NW; w++) if ((g.masks[s * NW + w]! & occ[w]!) !== 0) return false;
    return true;
  };
  const toggle = (g: Group, s: number): void => {
    for (let w = 0; w < NW; w++) occ[w]! ^= g.masks[s * NW + w]!;
  };
  const popcount = (v: number): number => {
    let c = 0;
    for (let x = v >>> 0; x !== 0; x &= x - 1) c++;
    return c;
  };

  /**
   * True when no completion can exist: a piece still to place has no free spot, or the free
   * cells that some piece still to place could cover are fewer than the volume still to place.
   */
  function hopeless(gi: number, after: number, remainingVolume: number): boolean {
    cover.fill(0);
    for (let h = gi; h < groups.length; h++) {
      const g = groups[h]!;
      const need = g.members.length - chosen[h]!.length;
      if (need === 0) continue;
      let any = false;
      for (let s = h === gi ? after + 1 : 0; s < g.spots.length; s++) {
        if (!free(g, s)) continue;
        any = true;
        for (let w = 0; w < NW; w++) cover[w]! |= g.masks[s * NW + w]!;
      }
      if (!any) return true;
    }
    let coverable = 0;
    for (let w = 0; w < NW; w++) coverable += popcount(cover[w]!);
    return coverable < remainingVolume;
  }

  /** Place the next piece of group gi at a spot after `after` (copies of a group in spot order). */
  function solve(gi: number, after: number, remainingVolume: number): boolean {
    if (gi === groups.length) return true;
    const g = groups[gi]!;
    if (chosen[gi]!.length === g.members.length) return solve(gi + 1, -1, remainingVolume);
    if (++nodes > maxNodes) throw new Error(`brute force gave up after ${maxNodes} nodes`);
    const key = `${gi}:${chosen[gi]!.length}:${after}:${occ.join(',')}`;
    if (failed.has(key)) return false;
    if (!hopeless(gi, after, remainingVolume)) {
      for (let s = after + 1; s < g.spots.length; s++) {
        if (!free(g, s)) continue;
        toggle(g, s);
        chosen[gi]!.push(s);
        if (solve(gi, s, remainingVolume - g.volume)) return true;
        chosen[gi]!.pop();
        toggle(g, s);
      }
    }
    failed.add(key);
    return false;
  }

  if (!solve(0, -1, total)) return { fits: false, nodes };

  const copies = items.map(() => 0);
  const placements: TinyPlacement[] = [];
  groups.forEach((g, gi) => {
    chosen[gi]!.forEach((s, m) => {
      const item = g.members[m]!;
      const { e, at } = g.spots[s]!;
      placements.push({ name: items[item]!.name, item, copy: copies[item]!++, x: at[0], y: at[1], z: at[2], w: e[0], h: e[1], d: e[2] });
    });
  });
  return { fits: true, placements, nodes };
}

/**
 * The oracle's own check of its layouts (again no engine code): inside, allowed pose, no overlap,
 * every copy exactly once.
 */
export function checkTinyLayout(bag: TinyBag, items: readonly TinyItem[], placements: readonly TinyPlacement[]): string | null {
  const need = items.reduce((s, it) => s + it.quantity, 0);
  if (placements.length !== need) return `${placements.length} placements for ${need} pieces`;
  const seen = new Set<string>();
  for (const p of placements) {
    const it = items[p.item];
    if (!it || it.name !== p.name || p.copy >= it.quantity) return `bad piece ${JSON.stringify(p)}`;
    if (seen.has(`${p.item}/${p.copy}`)) return `piece ${p.item}/${p.copy} twice`;
    seen.add(`${p.item}/${p.copy}`);
    if (!codesOf(it.rotation).some((c) => extentsOf(it.dims, c).join() === [p.w, p.h, p.d].join())) return `bad pose ${JSON.stringify(p)}`;
    if (p.x < 0 || p.y < 0 || p.z < 0 || p.x + p.w > bag.w || p.y + p.h > bag.h || p.z + p.d > bag.d) return `outside ${JSON.stringify(p)}`;
  }
  for (let i = 0; i < placements.length; i++) {
    for (let j = i + 1; j < placements.length; j++) {
      const a = placements[i]!;
      const b = placements[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h && a.z < b.z + b.d && b.z < a.z + a.d) return `overlap ${i} ${j}`;
    }
  }
  return null;
}
