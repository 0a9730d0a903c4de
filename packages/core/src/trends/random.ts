/**
 * A seeded pseudo-random source and the few distributions the trends need. Every random draw in
 * the trends (bootstraps, the simulator) comes from here, so the same seed gives the same output.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, as in PractRand), seeded
 * through splitmix32 and warmed up: 128 bits of state, passes BigCrush, 32-bit arithmetic only.
 * Normal: Box-Muller. Gamma: Marsaglia and Tsang (2000), with the alpha < 1 boost; Beta from two
 * gammas. Poisson: Knuth's product method below mean 30, a rounded normal above (the simulator's
 * monthly volumes, where the difference is far below the noise it models).
 */

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const mix = splitmix32(seed | 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/** An independent stream for sub-task `k` of a seeded job (a replicate, a tier). */
export function childSeed(seed: number, k: number): number {
  return splitmix32((seed ^ Math.imul(k + 1, 0x85ebca6b)) | 0)();
}

export function normal(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x + y === 0 ? a / (a + b) : x / (x + y);
}

export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rng.next();
  while (prod > limit) {
    k++;
    prod *= rng.next();
  }
  return k;
}

/** An index drawn with probability proportional to `weights` (all >= 0, some > 0). */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
}
