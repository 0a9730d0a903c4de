/**
 * Proportion contrast: a tiny bag against a voluminous outfit (an oversized blazer, wide-leg
 * trousers) is the micro-bag's signature play on scale.
 *
 * The bag's scale is measured, never read from its name: the side of a square with the area of
 * its front face, sqrt(w x h) of the exterior. Smallness is 1 at 60 mm or less (a charm, a lipstick
 * case), 0 at 220 mm or more (a small bag, no longer micro), and linear in the logarithm between,
 * because the eye judges size by ratios.
 *
 *   raw = 0.5 + volume x (smallness - 0.5)
 *
 * A slim outfit (volume 0) sets no contrast, so every bag rates 0.5; the fuller the outfit, the
 * more a small bag gains and a large one loses. Range [0, 1].
 */
import type { CatalogBag } from '../model/catalog.js';
import type { OutfitProfile } from './outfit-profile.js';
import { clamp01, type Rating } from './weights.js';

export const MICRO_MM = 60;
export const LARGE_MM = 220;

/** sqrt(w x h) of the exterior, mm: the scale the eye reads from the front. */
export function frontSize(bag: Pick<CatalogBag, 'exterior'>): number {
  return Math.sqrt(bag.exterior.w * bag.exterior.h);
}

export function smallness(bag: Pick<CatalogBag, 'exterior'>): number {
  return clamp01(Math.log(LARGE_MM / frontSize(bag)) / Math.log(LARGE_MM / MICRO_MM));
}

/** mm to cm with one decimal. */
const cm = (mm: number) => String(Math.round(mm) / 10);

export function rateProportion(bag: CatalogBag, outfit: OutfitProfile): Rating {
  const small = smallness(bag);
  const raw = clamp01(0.5 + outfit.volume * (small - 0.5));
  const size = `${cm(bag.exterior.w)} x ${cm(bag.exterior.h)} cm`;
  let why: string;
  if (outfit.volume < 0.35) why = `A slim silhouette sets no contrast of scale, so the bag's size (${size}) matters little.`;
  else if (small >= 0.6) why = `At ${size} the bag is tiny against the outfit's volume: the playful contrast in proportion.`;
  else if (small >= 0.35) why = `At ${size} the bag is small beside the outfit's volume: some contrast in proportion.`;
  else why = `At ${size} the bag is too large to read as micro against the outfit's volume.`;
  return { raw, why };
}
