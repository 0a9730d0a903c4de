/**
 * The trend attributes of a catalog bag, as lower-case KEY -> values (query.ts matches them):
 * size (class from interior volume, below), novelty (true/false), finish, colour (family, measured
 * from the hex), wear (modes), shape, category (below), closure, strap, material, brand.
 *
 * Size classes from the interior's volume (shapeVolume, mm³; thresholds in cm³, i.e. millilitres):
 *   micro  < 250 cm³   holds cards, a lipstick, earbuds, but no phone (a Petit Chiquito, 29 cm³;
 *                      a Micro Lady Dior, 433 cm³, is already mini);
 *   mini   < 1000 cm³  a phone and a few small things (a Nano Speedy, 736 cm³);
 *   small  < 4000 cm³  a day's essentials (a Nano Luggage, 3294 cm³);
 *   regular            anything larger.
 * Category, from the model's name (the catalog has no category field): "micro-wallet" for a
 * wallet, card holder, coin purse or Multipass; "bag-charm" for a charm; "pouch" for a pouch,
 * pochette or case; "belt-bag" for a belt bag or bumbag; otherwise "bag".
 */
import { bagColourFamily } from '../catalog/colours.js';
import { shapeVolume } from '../geometry/shapes.js';
import type { CatalogBag } from '../model/catalog.js';

/** Upper bounds (exclusive) of the size classes, cm³. */
export const SIZE_CLASS_CM3 = { micro: 250, mini: 1000, small: 4000 } as const;
export type SizeClass = keyof typeof SIZE_CLASS_CM3 | 'regular';

export function sizeClass(volumeMm3: number): SizeClass {
  const cm3 = volumeMm3 / 1000;
  if (cm3 < SIZE_CLASS_CM3.micro) return 'micro';
  if (cm3 < SIZE_CLASS_CM3.mini) return 'mini';
  if (cm3 < SIZE_CLASS_CM3.small) return 'small';
  return 'regular';
}

const CATEGORY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\b(wallet|card ?(holder|case)|cardholder|coin ?(purse|pouch)|multipass)\b/i, 'micro-wallet'],
  [/\bcharm\b/i, 'bag-charm'],
  [/\b(pouch|pochette|case)\b/i, 'pouch'],
  [/\b(belt ?bag|bumbag|bum bag)\b/i, 'belt-bag'],
];

export function bagCategory(model: string): string {
  return CATEGORY_WORDS.find(([re]) => re.test(model))?.[1] ?? 'bag';
}

const lower = (s: string): string => s.trim().toLowerCase();

export function bagTrendAttributes(bag: CatalogBag): Record<string, string[]> {
  return {
    size: [sizeClass(shapeVolume(bag.interior))],
    novelty: [String(bag.novelty)],
    finish: [...bag.finish],
    colour: [bagColourFamily(bag.color_name, bag.color_hex)],
    wear: [...bag.wear_modes],
    shape: [bag.shape],
    category: [bagCategory(bag.model)],
    closure: [bag.closure],
    strap: [bag.strap],
    material: bag.material.trim() === '' ? [] : [lower(bag.material)],
    brand: [lower(bag.brand)],
  };
}
