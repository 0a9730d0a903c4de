/**
 * A catalog bag as schema.org Product JSON-LD, for a retailer to put on its product page. The
 * outside as schema.org has it (width, height, depth as QuantitativeValue in mm, UN/CEFACT code
 * MMT; the offer when the price is known); the inside and what it holds as additionalProperty.
 * The store's JSON-LD importer reads it back (tested), so the format is one both ways.
 */
import type { CatalogBag } from '@micropurse/core';
import { z } from 'zod';
import type { WhatFits } from './what-fits.js';

const Quantity = z.object({ '@type': z.literal('QuantitativeValue'), value: z.number(), unitCode: z.literal('MMT') });
const mm = (value: number) => ({ '@type': 'QuantitativeValue' as const, value, unitCode: 'MMT' as const });

export const ProductJsonLdSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('Product'),
  name: z.string(),
  brand: z.object({ '@type': z.literal('Brand'), name: z.string() }),
  model: z.string(),
  sku: z.string().optional(),
  gtin: z.string().optional(),
  mpn: z.string().optional(),
  color: z.string(),
  material: z.string(),
  width: Quantity,
  height: Quantity,
  depth: Quantity,
  offers: z.object({ '@type': z.literal('Offer'), price: z.number(), priceCurrency: z.string() }).optional(),
  additionalProperty: z.array(
    z.object({ '@type': z.literal('PropertyValue'), name: z.string(), value: z.union([z.number(), z.string()]), unitCode: z.literal('MMT').optional() }),
  ),
});
export type ProductJsonLd = z.infer<typeof ProductJsonLdSchema>;

export function productJsonLd(bag: CatalogBag, fits: WhatFits): ProductJsonLd {
  const holds = fits.items.filter((i) => i.verdict === 'fits').map((i) => i.name);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: `${bag.brand} ${bag.model}`,
    brand: { '@type': 'Brand', name: bag.brand },
    model: bag.model,
    ...(bag.sku ? { sku: bag.sku } : {}),
    ...(bag.gtin ? { gtin: bag.gtin } : {}),
    ...(bag.mpn ? { mpn: bag.mpn } : {}),
    color: bag.color_name,
    material: bag.material,
    width: mm(bag.exterior.w),
    height: mm(bag.exterior.h),
    depth: mm(bag.exterior.d),
    ...(bag.price !== null && bag.currency !== null ? { offers: { '@type': 'Offer' as const, price: bag.price, priceCurrency: bag.currency } } : {}),
    additionalProperty: [
      { '@type': 'PropertyValue', name: 'interior width', value: bag.interior.w, unitCode: 'MMT' },
      { '@type': 'PropertyValue', name: 'interior height', value: bag.interior.h, unitCode: 'MMT' },
      { '@type': 'PropertyValue', name: 'interior depth', value: bag.interior.d, unitCode: 'MMT' },
      { '@type': 'PropertyValue', name: 'interior shape', value: bag.interior.shape },
      { '@type': 'PropertyValue', name: 'holds', value: holds.join(', ') },
    ],
  };
}
