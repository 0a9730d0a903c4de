/**
 * `micropurse trends simulate`: writes a synthetic listings file with a planted trend (core
 * simulate), and optionally the planted truth as JSON. The defaults plant size=micro reaching
 * luxury first and the other tiers `--lag` and twice `--lag` months later; --config FILE gives the
 * whole configuration (core SimulationConfigSchema) and the flags override its parts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_PLANTED, InputError, SimulationConfigSchema, parseTrendQuery, simulate, type PlantedAttribute, type SimulationConfigInput } from '@micropurse/core';
import { listingsToCsv } from '@micropurse/store';
import { parseWith } from './flags.js';

export interface SimulateOpts {
  out?: string;
  truth?: string;
  config?: string;
  seed?: number;
  months?: number;
  start?: string;
  scale?: number;
  attribute?: string;
  lag?: number;
  p?: number;
  q?: number;
  json?: boolean;
}

function readConfig(path: string): SimulationConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError('--config', `cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as SimulationConfigInput;
  } catch (e) {
    throw new InputError('--config', `${path} is not JSON: ${(e as Error).message}`);
  }
}

/** The planted attribute the flags describe, from the config's first one (or the default). */
function plantedFrom(o: SimulateOpts, base: PlantedAttribute): PlantedAttribute {
  let { key, value } = base;
  if (o.attribute !== undefined) {
    const q = parseTrendQuery(o.attribute, '--attribute');
    if (q.conditions.length !== 1) throw new InputError('--attribute', 'plants one KEY=VALUE');
    ({ key, value } = q.conditions[0]!);
  }
  const lead = base.tiers.luxury;
  const curve = (c: PlantedAttribute['tiers']['luxury'], steps: number) => ({
    ...c,
    ...(o.p !== undefined ? { p: o.p } : {}),
    ...(o.q !== undefined ? { q: o.q } : {}),
    ...(o.lag !== undefined ? { onset: lead.onset + steps * o.lag } : {}),
  });
  return { key, value, tiers: { luxury: curve(base.tiers.luxury, 0), contemporary: curve(base.tiers.contemporary, 1), 'fast-fashion': curve(base.tiers['fast-fashion'], 2) } };
}

/** The flag behind a configuration field, when a flag set it. */
function flagOf(path: readonly PropertyKey[], touched: boolean): string | undefined {
  const [head, index, , , leaf] = path;
  const top: Record<string, string> = { seed: '--seed', months: '--months', start: '--start', scale: '--scale' };
  if (typeof head === 'string' && top[head] !== undefined) return top[head];
  if (head !== 'planted' || index !== 0 || !touched) return undefined;
  if (path[2] === 'key' || path[2] === 'value') return '--attribute';
  return leaf === 'p' ? '--p' : leaf === 'q' ? '--q' : leaf === 'onset' ? '--lag' : undefined;
}

export function runSimulate(o: SimulateOpts): void {
  if (o.out === undefined) throw new InputError('--out', 'is required: the listings file to write');
  const base = o.config !== undefined ? readConfig(o.config) : {};
  const touched = o.attribute !== undefined || o.lag !== undefined || o.p !== undefined || o.q !== undefined;
  const basePlanted = Array.isArray(base.planted) && base.planted[0] ? base.planted[0] : DEFAULT_PLANTED;
  const input: SimulationConfigInput = {
    ...base,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.months !== undefined ? { months: o.months } : {}),
    ...(o.start !== undefined ? { start: o.start } : {}),
    ...(o.scale !== undefined ? { scale: o.scale } : {}),
    ...(touched ? { planted: [plantedFrom(o, basePlanted), ...(base.planted ?? []).slice(1)] } : {}),
  };
  const config = parseWith(SimulationConfigSchema, input, (path) => flagOf(path, touched), '--config');
  const sim = simulate(config);
  try {
    writeFileSync(o.out, listingsToCsv(sim.listings));
    if (o.truth !== undefined) writeFileSync(o.truth, `${JSON.stringify({ config, truth: sim.truth }, null, 2)}\n`);
  } catch (e) {
    throw new InputError(o.out, `cannot write: ${(e as Error).message}`);
  }
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ out: o.out, listings: sim.listings.length, truth: sim.truth })}\n`);
    return;
  }
  const lines = [`wrote ${sim.listings.length} listings to ${o.out} (${config.months} months from ${config.start}, seed ${config.seed})`];
  for (const t of sim.truth) {
    lines.push(`planted ${t.attribute}:`);
    for (const c of t.tiers) lines.push(`  ${c.tier}: Bass p ${c.p}, q ${c.q}, m ${c.m}; onset month ${c.onset}, half-adopted at month ${c.t_half.toFixed(1)}`);
    for (const l of t.lags) lines.push(`  ${l.follower} follows ${l.lead} by ${l.half_lag.toFixed(1)} months`);
  }
  if (o.truth !== undefined) lines.push(`truth written to ${o.truth}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
