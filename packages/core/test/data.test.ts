import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlternativeRecordSchema, BagRecordSchema, EssentialRecordSchema } from '../src/catalog/records.js';
import { ALTERNATIVES } from '../src/data/alternatives.js';
import { BAGS } from '../src/data/bags.js';
import { ESSENTIALS } from '../src/data/essentials.js';
import { interiorFromExterior, WALL_ALLOWANCE_MM } from '../src/catalog/interior.js';

const root = new URL('../../../', import.meta.url);

describe('built-in data', () => {
  it('matches the CSVs it is generated from', async () => {
    // @ts-expect-error: a plain .mjs script without types
    const gen = (await import('../../../scripts/gen-data.mjs')) as { outputs: () => Record<string, string> };
    for (const [path, text] of Object.entries(gen.outputs())) {
      expect(readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run npm run gen:data`).toBe(text);
    }
  });

  it('holds every essential and every bag of the seed data, each valid', () => {
    expect(ESSENTIALS).toHaveLength(55);
    expect(BAGS).toHaveLength(53);
    for (const e of ESSENTIALS) expect(EssentialRecordSchema.safeParse(e).success, e.id).toBe(true);
    for (const b of BAGS) expect(BagRecordSchema.safeParse(b).success, b.id).toBe(true);
    expect(new Set(ESSENTIALS.map((e) => e.id)).size).toBe(55);
    expect(new Set(BAGS.map((b) => b.id)).size).toBe(53);
  });

  it('keeps published figures and source notes', () => {
    const card = ESSENTIALS.find((e) => e.id === 'e24')!;
    expect(card.dims).toEqual({ w: 85.6, h: 53.98, d: 0.76 });
    expect(card.source_note).toContain('ISO/IEC 7810');
    const speedy = BAGS.find((b) => b.id === 'b05')!;
    expect(speedy.exterior).toEqual({ w: 160, h: 100, d: 75 });
    expect(speedy.source_note).toMatch(/approx/);
    expect(BAGS.find((b) => b.id === 'b08')!.price_usd).toBeNull();
    expect(BAGS.find((b) => b.id === 'b02')!.wear_modes).toEqual(['hand', 'crossbody', 'necklace', 'bag-charm']);
  });

  it('derives an interior by the documented wall allowance', () => {
    const inside = interiorFromExterior({ w: 160, h: 100, d: 75 });
    expect(inside).toEqual({ shape: 'box', w: 160 - 2 * WALL_ALLOWANCE_MM, h: 100 - 2 * WALL_ALLOWANCE_MM, d: 75 - 2 * WALL_ALLOWANCE_MM, derived: true });
  });
});

describe('alternatives (data/alternatives.csv)', () => {
  const byId = new Map(ESSENTIALS.map((e) => [e.id, e]));

  it('holds 15 to 25 valid swaps between existing essentials', () => {
    expect(ALTERNATIVES.length).toBeGreaterThanOrEqual(15);
    expect(ALTERNATIVES.length).toBeLessThanOrEqual(25);
    for (const a of ALTERNATIVES) {
      const where = `${a.from_id} -> ${a.to_id}`;
      expect(AlternativeRecordSchema.safeParse(a).success, where).toBe(true);
      expect(byId.has(a.from_id), `${where}: unknown from_id`).toBe(true);
      expect(byId.has(a.to_id), `${where}: unknown to_id`).toBe(true);
      expect(a.to_id, where).not.toBe(a.from_id);
    }
  });

  it('lists each swap once, and never a phone (a phone is only ever swapped out of its case)', () => {
    const pairs = ALTERNATIVES.map((a) => `${a.from_id}>${a.to_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const a of ALTERNATIVES) {
      expect(byId.get(a.from_id)!.category, a.from_id).not.toBe('phone');
      expect(byId.get(a.to_id)!.category, a.to_id).not.toBe('phone');
    }
  });

  it('keeps the swaps the advice relies on', () => {
    const giveUp = (from: string, to: string) => ALTERNATIVES.find((a) => a.from_id === from && a.to_id === to)?.give_up;
    expect(giveUp('e29', 'e27')).toBe(2);
    expect(giveUp('e37', 'e38')).toBe(1);
    expect(giveUp('e33', 'e34')).toBe(1);
  });

  it('rejects rows the schema must refuse', () => {
    const ok = { from_id: 'e29', to_id: 'e27', give_up: 2, note: 'slimmer' };
    expect(AlternativeRecordSchema.safeParse(ok).success).toBe(true);
    expect(AlternativeRecordSchema.safeParse({ ...ok, give_up: 0 }).success).toBe(false);
    expect(AlternativeRecordSchema.safeParse({ ...ok, give_up: 6 }).success).toBe(false);
    expect(AlternativeRecordSchema.safeParse({ ...ok, give_up: 2.5 }).success).toBe(false);
    expect(AlternativeRecordSchema.safeParse({ ...ok, note: '' }).success).toBe(false);
  });
});
