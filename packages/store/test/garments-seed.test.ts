import { existsSync, readFileSync } from 'node:fs';
import { GARMENTS, GarmentSchema } from '@micropurse/core';
import { describe, expect, it } from 'vitest';

/** The shared seed data, beside the repository (../shared/data), when this checkout has it. */
const CSV = new URL('../../../../shared/data/garments.csv', import.meta.url);

describe('the built-in garments (core data/garments.ts, seeded into every new store)', () => {
  it('are 30 valid garments with distinct ids', () => {
    expect(GARMENTS).toHaveLength(30);
    for (const g of GARMENTS) expect(GarmentSchema.safeParse(g).success, g.id).toBe(true);
    expect(new Set(GARMENTS.map((g) => g.id)).size).toBe(30);
  });

  it.skipIf(!existsSync(CSV))('match ../shared/data/garments.csv row for row (colours lower-cased)', () => {
    const [header, ...rows] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
    expect(header).toBe('id,category,silhouette,occasion,color_hex,pattern,material');
    // The file has no quoted fields; a comma inside a value would show up as a wrong field count here.
    const fromCsv = rows.map((line) => {
      const cells = line.split(',');
      expect(cells, line).toHaveLength(7);
      const [id, category, silhouette, occasion, color_hex, pattern, material] = cells as [string, string, string, string, string, string, string];
      return { id, category, silhouette, occasion, color_hex: color_hex.toLowerCase(), pattern, material };
    });
    expect(GARMENTS).toEqual(fromCsv);
  });
});
