/** fast-check generators of catalog data, valid by the core's schemas. */
import {
  BagShapeSchema,
  ClosureSchema,
  FinishSchema,
  StrapSchema,
  TierSchema,
  WearModeSchema,
  type CatalogBag,
  type Interior,
} from '@micropurse/core';
import fc from 'fast-check';

/** Any text PostgreSQL can hold: it refuses NUL in text (feeds must not carry one through). */
export const text = (minLength = 0) => fc.string({ unit: 'grapheme', minLength, maxLength: 24 }).filter((s) => !s.includes('\0'));
/** Millimetres with every bit of the double in play. */
export const mm = fc.double({ min: 0.01, max: 2000, noNaN: true, noDefaultInfinity: true });
const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
export const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const hex = fc.stringMatching(/^#[0-9a-f]{6}$/);

const commonOf = (mm: fc.Arbitrary<number>) => ({
  w: mm,
  h: mm,
  d: mm,
  derived: fc.boolean(),
  give: fc.double({ min: 0, max: 50, noNaN: true }),
  opening: fc.record({ length: mm, gape: mm }),
});
const optionalKeys = { requiredKeys: ['shape', 'w', 'h', 'd'] as ('shape' | 'w' | 'h' | 'd')[] };

// fast-check may build records on a null prototype; the store gives plain objects back, and
// toStrictEqual compares prototypes. A structured clone is plain and keeps every number's bits.
const plain = <T extends object>(o: T): T => structuredClone(o);

export function interiorArb(side: fc.Arbitrary<number> = mm): fc.Arbitrary<Interior> {
  const common = commonOf(side);
  return fc.oneof(
    fc.record({ shape: fc.constant('box' as const), ...common }, optionalKeys).map(plain),
    fc.record({ shape: fc.constant('half-moon' as const), ...common }, optionalKeys).map(plain),
    fc.record({ shape: fc.constant('round' as const), ...common }, optionalKeys).map(plain),
    fc.record({ shape: fc.constant('cylinder' as const), ...common }, optionalKeys).map(plain),
    fc
      .tuple(fc.record({ shape: fc.constant('trapezoid' as const), ...common }, optionalKeys), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.constantFrom('top' as const, 'bottom' as const))
      .map(([i, ratio, narrow_at]) => plain({ ...i, w_narrow: Math.max(i.w * ratio, 0.001), narrow_at })),
  );
}

export interface BagArbOptions {
  /** Ids to draw from; by default any text. */
  readonly id?: fc.Arbitrary<string>;
  /** A few brands, textures and colour names, so that filters on them match more than one bag. */
  readonly smallVocabulary?: boolean;
  /** Interior and exterior sides, mm; by default anything from 0.01 to 2000. */
  readonly side?: fc.Arbitrary<number>;
}

export function catalogBagArb(opts: BagArbOptions = {}): fc.Arbitrary<CatalogBag> {
  const small = opts.smallVocabulary === true;
  const brand = small ? fc.constantFrom('Jacquemus', 'jacquemus', 'Dior', 'Zara', 'Hermès') : text(1);
  const texture = small ? fc.constantFrom('smooth', 'Quilted', 'quilted', 'woven', 'sequinned', '') : text();
  const priced = fc.oneof(
    fc.constant({ price: null, currency: null, price_usd: null }),
    fc.record({ price: money, currency: fc.stringMatching(/^[A-Z]{3}$/), price_usd: fc.option(money, { nil: null }) }),
  );
  return fc
    .record({
      id: opts.id ?? text(1),
      brand,
      model: text(1),
      tier: fc.constantFrom(...TierSchema.options),
      priced,
      exterior: fc.record({ w: opts.side ?? mm, h: opts.side ?? mm, d: opts.side ?? mm }),
      interior: interiorArb(opts.side),
      shape: fc.constantFrom(...BagShapeSchema.options),
      closure: fc.constantFrom(...ClosureSchema.options),
      strap: fc.constantFrom(...StrapSchema.options),
      strap_detachable: fc.boolean(),
      wear_modes: fc.array(fc.constantFrom(...WearModeSchema.options), { maxLength: 5 }),
      material: text(),
      color_name: small ? fc.constantFrom('black', 'red/black', 'pink', 'multicolor', '') : text(),
      color_hex: hex,
      texture,
      finish: fc.array(fc.constantFrom(...FinishSchema.options), { maxLength: 3 }),
      novelty: fc.boolean(),
      source: text(1),
      source_note: text(),
      sku: fc.option(text(), { nil: null }),
      gtin: fc.option(text(), { nil: null }),
      mpn: fc.option(text(), { nil: null }),
      item_group_id: fc.option(text(), { nil: null }),
      first_seen: isoDate,
      last_seen: isoDate,
    })
    .map(({ priced, ...rest }) => plain({ ...rest, ...priced }));
}
