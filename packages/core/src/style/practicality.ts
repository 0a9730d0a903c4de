/**
 * Practicality: a bag worn several ways (belt bag, necklace purse, crossbody) on a strap that
 * comes off, with its wearer's hands free, and, when a kit is given, with room for it.
 *
 *   detachable = 1 when the strap detaches, else 0
 *   modes      = ways to wear it, counted up to 4, over 4
 *   hands-free = 1 if it can be worn across the body, on the shoulder, the belt or the neck;
 *                0.6 on the wrist only; 0 in the hand only. In the evening a clutch in the hand
 *                is what is expected, so there every bag counts 1.
 *   room       = 1 when the kit fills 20% of the interior or less, 0 at 80% or more (a bag packed
 *                to the brim will not close on a day's extras), linear between
 *   raw = 0.3 detachable + 0.4 modes + 0.3 hands-free            (no kit given)
 *   raw = 0.2 detachable + 0.3 modes + 0.2 hands-free + 0.3 room  (with a kit the bag holds)
 *
 * Bags that do not hold the kit never get here: that constraint leaves them out
 * (style/constraints.ts). Range [0, 1].
 */
import type { CatalogBag } from '../model/catalog.js';
import type { Occasion } from '../model/style.js';
import { clamp01, type Rating } from './weights.js';

const HANDS_FREE = new Set<string>(['crossbody', 'shoulder', 'belt', 'necklace']);

export function handsFree(bag: Pick<CatalogBag, 'wear_modes'>, occasion: Occasion): number {
  if (occasion === 'evening' || bag.wear_modes.some((m) => HANDS_FREE.has(m))) return 1;
  return bag.wear_modes.includes('wrist') ? 0.6 : 0;
}

/** Kit volume over the interior's: what share of the bag the kit takes. */
export function roomFor(fill: number): number {
  return clamp01((0.8 - fill) / 0.6);
}

const MODE_WORDS: Readonly<Record<CatalogBag['wear_modes'][number], string>> = {
  crossbody: 'crossbody',
  shoulder: 'on the shoulder',
  hand: 'in the hand',
  belt: 'on a belt',
  necklace: 'as a necklace',
  wrist: 'on the wrist',
  'bag-charm': 'as a bag charm',
};

export function ratePracticality(bag: CatalogBag, occasion: Occasion, fill?: number): Rating {
  const detachable = bag.strap_detachable ? 1 : 0;
  const count = new Set(bag.wear_modes).size;
  const modes = Math.min(count, 4) / 4;
  const free = handsFree(bag, occasion);
  const raw = fill === undefined ? 0.3 * detachable + 0.4 * modes + 0.3 * free : 0.2 * detachable + 0.3 * modes + 0.2 * free + 0.3 * roomFor(fill);
  const ways = count === 1 ? `worn one way (${MODE_WORDS[bag.wear_modes[0]!]})` : `worn ${count} ways (${bag.wear_modes.map((m) => MODE_WORDS[m]).join(', ')})`;
  const strap = bag.strap_detachable ? 'a detachable strap' : bag.strap === 'none' ? 'no strap' : `a ${bag.strap} strap that stays on`;
  const kit = fill === undefined ? '' : `; holds your kit with ${Math.round(Math.max(0, 1 - fill) * 100)}% of the interior to spare`;
  const sentence = `${strap.charAt(0).toUpperCase()}${strap.slice(1)}, ${ways}${free === 0 ? ', never hands-free' : ''}${kit}.`;
  return { raw, why: sentence };
}
