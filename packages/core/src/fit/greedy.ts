/**
 * A quick constructive packer: extreme points (Crainic, Perboli & Tadei 2008).
 *
 * Pieces go in one at a time, each at the best (point, orientation) among the "extreme points"
 * that the boxes already placed create: each new box offers its three far corners, each also
 * slid back along the other two axes until it meets a wall or a box. A few item orders and
 * scoring rules are tried in turn. It proves nothing when it fails: it only saves the complete
 * search most of its work on kits that fit with room to spare. Whatever it returns is checked
 * by the verifier like any other layout.
 */
import { EPS } from '../geometry/tolerance.js';
import type { Packing, Piece } from './problem.js';

type Rule = 0 | 1 | 2;
const RULES: readonly Rule[] = [0, 1, 2];

export interface GreedyOptions {
  /** Extra containment test for shaped interiors (the box test is always applied). */
  readonly inside?: (x: number, y: number, z: number, w: number, h: number, d: number) => boolean;
  /** Starting points besides the origin (inside a curved shape the origin corner is outside). */
  readonly anchors?: readonly (readonly [number, number, number])[];
  /**
   * Where a box of these extents sits best on its own (centred in a curved shape). Each extreme
   * point is then also tried with some of its coordinates replaced by this spot's, which lets
   * boxes move off the walls into the wider middle of a round or slanted interior.
   */
  readonly spot?: (w: number, h: number, d: number) => readonly [number, number, number] | null;
  /** Only the first scoring rule with each item order (a catalog scan: most layouts come from these). */
  readonly firstRuleOnly?: boolean;
}

export function greedyPack(L: readonly number[], pieces: readonly Piece[], opts: GreedyOptions = {}): Packing | null {
  const n = pieces.length;
  const byVolume = pieces.map((_, i) => i).sort((a, b) => pieces[b]!.volume - pieces[a]!.volume || a - b);
  const longest = (p: Piece): number => Math.max(...(p.orients[0]?.ext ?? [0]));
  const byLength = pieces.map((_, i) => i).sort((a, b) => longest(pieces[b]!) - longest(pieces[a]!) || a - b);
  const packer = new ExtremePointPacker(L, n, opts);
  for (const order of [byVolume, byLength]) {
    for (const rule of opts.firstRuleOnly ? RULES.slice(0, 1) : RULES) {
      const packing = packer.run(pieces, order, rule);
      if (packing) return packing;
    }
  }
  return null;
}

class ExtremePointPacker {
  private readonly X: Float64Array;
  private readonly E: Float64Array; // placed boxes' extents, 3 per box
  private readonly ep: Float64Array; // extreme points, 3 per point
  private readonly env = new Float64Array(3); // the envelope of the boxes placed so far
  private readonly pt = new Float64Array(3);
  private readonly best = new Float64Array(3);
  private m = 0;
  private e = 0;

  constructor(
    private readonly L: readonly number[],
    n: number,
    private readonly opts: GreedyOptions,
  ) {
    this.X = new Float64Array(3 * n);
    this.E = new Float64Array(3 * n);
    this.ep = new Float64Array(3 * (1 + (opts.anchors?.length ?? 0) + 9 * n));
  }

  run(pieces: readonly Piece[], order: readonly number[], rule: Rule): Packing | null {
    const n = pieces.length;
    const L = this.L;
    this.m = 0;
    this.e = 1;
    this.ep.fill(0, 0, 3);
    this.env.fill(0);
    for (const a of this.opts.anchors ?? []) this.addPoint(a[0], a[1], a[2]);
    const inside = this.opts.inside;
    const orient = new Array<number>(n).fill(-1);
    const pos = new Array<[number, number, number]>(n);
    for (const idx of order) {
      const p = pieces[idx]!;
      let bestScore = Infinity;
      let bestO = -1;
      const best = this.best;
      // Where each orientation sits best alone depends on the piece only, not on the point.
      const spots = this.opts.spot ? p.orients.map((o) => this.opts.spot!(o.ext[0], o.ext[1], o.ext[2])) : null;
      for (let q = 0; q < this.e; q++) {
        const x = this.ep[3 * q]!;
        const y = this.ep[3 * q + 1]!;
        const z = this.ep[3 * q + 2]!;
        for (let o = 0; o < p.orients.length; o++) {
          const [w, h, d] = p.orients[o]!.ext;
          const spot = spots?.[o] ?? null;
          for (let mask = 0; mask < (spot ? 8 : 1); mask++) {
            const cx = spot && mask & 1 ? spot[0] : x;
            const cy = spot && mask & 2 ? spot[1] : y;
            const cz = spot && mask & 4 ? spot[2] : z;
            if (mask > 0 && cx === x && cy === y && cz === z) continue;
            if (cx + w > L[0]! + EPS || cy + h > L[1]! + EPS || cz + d > L[2]! + EPS) continue;
            if (this.collides(cx, cy, cz, w, h, d)) continue;
            if (inside && !inside(cx, cy, cz, w, h, d)) continue;
            const score = this.score(rule, cx + w, cy + h, cz + d);
            if (score < bestScore) {
              bestScore = score;
              bestO = o;
              best[0] = cx;
              best[1] = cy;
              best[2] = cz;
            }
          }
        }
      }
      if (bestO < 0) return null;
      const [w, h, d] = p.orients[bestO]!.ext;
      const [x, y, z] = [best[0]!, best[1]!, best[2]!];
      this.place(x, y, z, w, h, d);
      orient[idx] = bestO;
      pos[idx] = [x, y, z];
    }
    return { orient, pos };
  }

  private score(rule: Rule, ex: number, ey: number, ez: number): number {
    const L = this.L;
    if (rule === 0) return ex / L[0]! + ey / L[1]! + ez / L[2]!;
    if (rule === 1) return Math.max(this.env[0]!, ex) * Math.max(this.env[1]!, ey) * Math.max(this.env[2]!, ez);
    return ez / L[2]! + 1e-3 * (ex / L[0]!) + 1e-6 * (ey / L[1]!);
  }

  private collides(x: number, y: number, z: number, w: number, h: number, d: number): boolean {
    const X = this.X;
    const E = this.E;
    for (let i = 0; i < this.m; i++) {
      const bx = X[3 * i]!;
      const by = X[3 * i + 1]!;
      const bz = X[3 * i + 2]!;
      if (
        x < bx + E[3 * i]! - EPS &&
        bx < x + w - EPS &&
        y < by + E[3 * i + 1]! - EPS &&
        by < y + h - EPS &&
        z < bz + E[3 * i + 2]! - EPS &&
        bz < z + d - EPS
      ) {
        return true;
      }
    }
    return false;
  }

  private place(x: number, y: number, z: number, w: number, h: number, d: number): void {
    const i = this.m++;
    const X = this.X;
    const E = this.E;
    X[3 * i] = x;
    X[3 * i + 1] = y;
    X[3 * i + 2] = z;
    E[3 * i] = w;
    E[3 * i + 1] = h;
    E[3 * i + 2] = d;
    this.env[0] = Math.max(this.env[0]!, x + w);
    this.env[1] = Math.max(this.env[1]!, y + h);
    this.env[2] = Math.max(this.env[2]!, z + d);
    // The three far corners, each as is and slid back along the other two axes.
    for (let c = 0; c < 3; c++) {
      const pt = this.pt;
      pt[0] = x;
      pt[1] = y;
      pt[2] = z;
      pt[c] = X[3 * i + c]! + E[3 * i + c]!;
      this.addPoint(pt[0], pt[1], pt[2]);
      for (let ax = 0; ax < 3; ax++) {
        if (ax === c) continue;
        const keep = pt[ax]!;
        pt[ax] = this.slideBack(pt, ax);
        this.addPoint(pt[0], pt[1], pt[2]);
        pt[ax] = keep;
      }
    }
  }

  /** How far back along `ax` the point can slide before meeting a wall (0) or a box face. */
  private slideBack(pt: Float64Array, ax: number): number {
    const a1 = (ax + 1) % 3;
    const a2 = (ax + 2) % 3;
    let best = 0;
    for (let i = 0; i < this.m; i++) {
      const far = this.X[3 * i + ax]! + this.E[3 * i + ax]!;
      if (far > pt[ax]! + EPS || far <= best) continue;
      const lo1 = this.X[3 * i + a1]!;
      const lo2 = this.X[3 * i + a2]!;
      if (pt[a1]! >= lo1 - EPS && pt[a1]! < lo1 + this.E[3 * i + a1]! - EPS && pt[a2]! >= lo2 - EPS && pt[a2]! < lo2 + this.E[3 * i + a2]! - EPS) {
        best = far;
      }
    }
    return best;
  }

  private addPoint(x: number, y: number, z: number): void {
    const L = this.L;
    if (x >= L[0]! - EPS || y >= L[1]! - EPS || z >= L[2]! - EPS) return;
    for (let q = 0; q < this.e; q++) {
      if (this.ep[3 * q] === x && this.ep[3 * q + 1] === y && this.ep[3 * q + 2] === z) return;
    }
    if (3 * this.e >= this.ep.length) return;
    const q = this.e++;
    this.ep[3 * q] = x;
    this.ep[3 * q + 1] = y;
    this.ep[3 * q + 2] = z;
  }
}
