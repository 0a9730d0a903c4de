/**
 * Occasion: the bag's register (its finish and material, style/surfaces.ts) and the way it is
 * worn, against the occasion.
 *
 *   raw = 0.7 x REGISTER_FIT[occasion][register] + 0.3 x carry
 *
 * Register fit, 0-1: sparkle (metallic, glitter, sequin, crystal) and lustre (beads, pearl,
 * satin) belong to the evening; leather to work and day; canvas, denim, raffia and nylon to
 * casual days and hardly ever to the evening.
 *
 * Carry, 0-1: the evening wants a bag carried with some ceremony (in the hand, on the wrist or on
 * a chain: 1; a necklace 0.8; a strap over the body 0.6; a belt 0.2). Day and work want both a
 * closure that keeps things in (zip, flap, clasp or kiss-lock 1, drawstring 0.6, open top 0.3)
 * and hands free (crossbody, shoulder or belt 1, at work a belt 0.6; necklace or wrist 0.7; in
 * the hand only 0.3), half each. Casual days want hands free most (crossbody or belt 1; necklace,
 * wrist or shoulder 0.8; in the hand 0.4), 70%, and a closure 30%. Range [0, 1].
 */
import type { CatalogBag } from '../model/catalog.js';
import type { Occasion } from '../model/style.js';
import type { OutfitProfile } from './outfit-profile.js';
import { bagRegister, REGISTER_WORDS, type Register } from './surfaces.js';
import type { Rating } from './weights.js';

type WearMode = CatalogBag['wear_modes'][number];

export const REGISTER_FIT: Readonly<Record<Occasion, Readonly<Record<Register, number>>>> = {
  day: { sparkle: 0.3, lustre: 0.5, patent: 0.6, leather: 0.8, monogram: 0.8, sporty: 0.75, casual: 0.8 },
  work: { sparkle: 0.1, lustre: 0.3, patent: 0.55, leather: 0.95, monogram: 0.75, sporty: 0.35, casual: 0.2 },
  evening: { sparkle: 1, lustre: 0.85, patent: 0.7, leather: 0.45, monogram: 0.3, sporty: 0.05, casual: 0.05 },
  casual: { sparkle: 0.4, lustre: 0.45, patent: 0.55, leather: 0.65, monogram: 0.65, sporty: 0.9, casual: 1 },
};

const CLOSURE_SECURITY: Readonly<Record<CatalogBag['closure'], number>> = { zip: 1, flap: 1, clasp: 1, 'kiss-lock': 1, drawstring: 0.6, open: 0.3 };

function best(modes: readonly WearMode[], table: Partial<Record<WearMode, number>>, fallback: number): number {
  return modes.reduce((m, w) => Math.max(m, table[w] ?? fallback), 0);
}

export function carryFit(bag: Pick<CatalogBag, 'wear_modes' | 'strap' | 'closure'>, occasion: Occasion): number {
  const modes = bag.wear_modes;
  const closure = CLOSURE_SECURITY[bag.closure];
  switch (occasion) {
    case 'evening':
      return bag.strap === 'chain' ? 1 : best(modes, { hand: 1, wrist: 1, necklace: 0.8, crossbody: 0.6, shoulder: 0.6, belt: 0.2 }, 0);
    case 'day':
      return 0.5 * closure + 0.5 * best(modes, { crossbody: 1, shoulder: 1, belt: 1, necklace: 0.7, wrist: 0.7, hand: 0.3 }, 0);
    case 'work':
      return 0.5 * closure + 0.5 * best(modes, { crossbody: 1, shoulder: 1, belt: 0.6, necklace: 0.7, wrist: 0.7, hand: 0.3 }, 0);
    case 'casual':
      return 0.3 * closure + 0.7 * best(modes, { crossbody: 1, belt: 1, necklace: 0.8, wrist: 0.8, shoulder: 0.8, hand: 0.4 }, 0);
  }
}

const OCCASION_WORDS: Readonly<Record<Occasion, string>> = { day: 'For the day', work: 'For work', evening: 'For the evening', casual: 'For a casual outing' };

function verdict(fit: number): string {
  return fit >= 0.85 ? 'is just right' : fit >= 0.6 ? 'works' : fit >= 0.35 ? 'is a stretch' : 'is out of place';
}

export function rateOccasion(bag: CatalogBag, outfit: OutfitProfile): Rating {
  const register = bagRegister(bag);
  const fit = REGISTER_FIT[outfit.occasion][register];
  const carry = carryFit(bag, outfit.occasion);
  const raw = 0.7 * fit + 0.3 * carry;
  const how = carry >= 0.8 ? 'and it is worn the way the occasion asks' : carry >= 0.5 ? 'and it is worn well enough for it' : 'but it is not worn the way the occasion asks';
  return { raw, why: `${OCCASION_WORDS[outfit.occasion]}, ${REGISTER_WORDS[register]} ${verdict(fit)}, ${how}.` };
}
