/**
 * Each styling rule moves the score the way the trend says: one test a direction, each with a
 * bag or outfit changed in the one respect the rule reads.
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import type { CatalogBag } from '../src/model/catalog.js';
import { parseOutfit, type OutfitInput, type StyleGarment } from '../src/model/style.js';
import { rateColour } from '../src/style/colour.js';
import { pairColours, readColour } from '../src/style/colour-space.js';
import { rateOccasion } from '../src/style/occasion.js';
import { profileOutfit } from '../src/style/outfit-profile.js';
import { ratePracticality } from '../src/style/practicality.js';
import { frontSize, rateProportion } from '../src/style/proportion.js';
import { rateTexture } from '../src/style/texture.js';
import { outfitOf } from './style-wardrobe.js';

const BAGS = builtinCatalogBags('2026-01-01');
const bag = (id: string): CatalogBag => {
  const b = BAGS.find((x) => x.id === id);
  if (!b) throw new Error(`no bag ${id}`);
  return b;
};
const profile = (o: OutfitInput) => profileOutfit(parseOutfit(o));
const garment = (g: Partial<StyleGarment> = {}): StyleGarment => ({ category: 'dress', silhouette: 'regular', colors: ['#5a5a5a'], pattern: 'solid', material: 'wool crepe', ...g });
const outfit = (garments: StyleGarment[], occasion: OutfitInput['occasion'] = 'day'): OutfitInput => ({ occasion, garments });

describe('proportion: micro with oversized', () => {
  const silhouettes = ['bodycon', 'fitted', 'regular', 'relaxed', 'oversized'] as const;

  it('rises for a micro bag as the outfit grows more oversized', () => {
    const micro = bag('b02');
    const raws = silhouettes.map((s) => rateProportion(micro, profile(outfit([garment({ category: 'blazer', silhouette: s }), garment({ category: 'trousers', silhouette: s })]))).raw);
    for (let i = 1; i < raws.length; i++) expect(raws[i]!).toBeGreaterThan(raws[i - 1]!);
    expect(raws[0]).toBeCloseTo(0.5, 9);
  });

  it('favours the smaller of two bags against an oversized outfit, by their dims', () => {
    const big = profile(outfitOf('work', ['g01', 'g04']));
    expect(rateProportion(bag('b02'), big).raw).toBeGreaterThan(rateProportion(bag('b01'), big).raw);
    expect(rateProportion(bag('b01'), big).raw).toBeGreaterThan(rateProportion(bag('b03'), big).raw);
  });

  it('reads scale from the exterior, never from the name', () => {
    const big = profile(outfitOf('casual', ['g26', 'g19']));
    const grand = bag('b03');
    const renamed = { ...grand, model: 'Nano Micro Mini Pico' };
    expect(rateProportion(renamed, big)).toEqual(rateProportion(grand, big));
    const shrunk = { ...grand, exterior: { w: 60, h: 50, d: 30 } };
    expect(frontSize(shrunk)).toBeLessThan(frontSize(grand));
    expect(rateProportion(shrunk, big).raw).toBeGreaterThan(rateProportion(grand, big).raw);
  });

  it('rates every bag alike against a slim outfit (no contrast to play with)', () => {
    const slim = profile(outfit([garment({ silhouette: 'bodycon' })], 'evening'));
    expect(new Set(BAGS.map((b) => rateProportion(b, slim).raw))).toEqual(new Set([0.5]));
  });
});

describe('occasion: finish and carry against the occasion', () => {
  const night = profile(outfitOf('evening', ['g09']));
  const office = profile(outfitOf('work', ['g13', 'g20']));
  const weekend = profile(outfitOf('casual', ['g24', 'g16']));

  it('evening favours sparkle over canvas', () => {
    // f02 rhinestone mini city bag and f15 canvas mini city bag: same maker, same kind of bag.
    expect(rateOccasion(bag('f02'), night).raw).toBeGreaterThan(rateOccasion(bag('f15'), night).raw + 0.4);
    expect(rateOccasion(bag('b30'), night).raw).toBeGreaterThan(rateOccasion(bag('b05'), night).raw);
  });

  it('work favours leather over sparkle, and casual denim over crystal', () => {
    expect(rateOccasion(bag('c02'), office).raw).toBeGreaterThan(rateOccasion(bag('f02'), office).raw);
    expect(rateOccasion(bag('f03'), weekend).raw).toBeGreaterThan(rateOccasion(bag('b30'), weekend).raw);
  });

  it('day and work prefer a closing bag worn hands-free to an open one carried in the hand', () => {
    const leather = bag('c02');
    const open = { ...leather, closure: 'open' as const, wear_modes: ['hand' as const] };
    expect(rateOccasion(leather, office).raw).toBeGreaterThan(rateOccasion(open, office).raw);
  });

  it('the finish is read from the bag, so a sparkling version of a bag gains at night', () => {
    const plain = bag('f01');
    const glitter = { ...plain, texture: 'glitter', finish: ['glitter' as const] };
    expect(rateOccasion(glitter, night).raw).toBeGreaterThan(rateOccasion(plain, night).raw);
    expect(rateOccasion(glitter, office).raw).toBeLessThan(rateOccasion(plain, office).raw);
  });
});

describe('colour: standout and harmony in CIELAB', () => {
  it('a neutral outfit favours a saturated bag', () => {
    const quiet = profile(outfitOf('work', ['g01', 'g04']));
    expect(quiet.neutrality).toBeGreaterThan(0.8);
    // b02 (yellow) and b03 (black) are both smooth Jacquemus calfskin.
    expect(rateColour(bag('b02'), quiet).raw).toBeGreaterThan(rateColour(bag('b03'), quiet).raw + 0.3);
    expect(rateColour(bag('c01'), quiet).raw).toBeGreaterThan(rateColour(bag('c02'), quiet).raw);
  });

  it('the more saturated of two bags in one hue stands out more', () => {
    const quiet = profile(outfit([garment({ colors: ['#2e2e2e'] })]));
    const c01 = bag('c01');
    const muted = { ...c01, color_hex: '#a0707a' };
    expect(readColour(muted.color_hex).c).toBeLessThan(readColour(c01.color_hex).c);
    expect(rateColour(c01, quiet).raw).toBeGreaterThan(rateColour(muted, quiet).raw);
  });

  it('against a coloured outfit, complementary and tonal beat an unrelated hue', () => {
    const red = profile(outfitOf('evening', ['g07']));
    const base = bag('c02');
    const tint = (hex: string) => rateColour({ ...base, color_hex: hex }, red).raw;
    const green = '#2e8b57'; // opposite red on the wheel
    const pink = '#d8a1a4'; // dusty pink: red's hue, lighter and softer
    const yellow = '#f6d32d'; // about 55° of hue from red
    expect(pairColours(readColour(green), readColour('#b3001b')).relation).toBe('complementary');
    expect(pairColours(readColour(pink), readColour('#b3001b')).relation).toBe('tonal');
    expect(pairColours(readColour(yellow), readColour('#b3001b')).relation).toBe('unrelated');
    expect(tint(green)).toBeGreaterThan(tint(yellow));
    expect(tint(pink)).toBeGreaterThan(tint(yellow));
  });

  it('judges colour by hex, never by the colour name', () => {
    const quiet = profile(outfitOf('day', ['g12', 'g05']));
    const b = bag('b11');
    expect(rateColour({ ...b, color_name: 'black' }, quiet)).toEqual(rateColour(b, quiet));
  });

  it('a print reads as less quiet than a solid in the same colours', () => {
    const solid = profile(outfit([garment({ colors: ['#f4d6e0'] })]));
    const floral = profile(outfit([garment({ colors: ['#f4d6e0'], pattern: 'floral' })]));
    expect(floral.neutrality).toBeLessThan(solid.neutrality);
  });
});

describe('texture: contrast with the outfit', () => {
  it('a quilted or beaded bag beats a smooth one against smooth cotton', () => {
    const smooth = profile(outfitOf('day', ['g16', 'g05']));
    expect(rateTexture(bag('b27'), smooth).raw).toBeGreaterThan(rateTexture(bag('f14'), smooth).raw);
    expect(rateTexture(bag('f13'), smooth).raw).toBeGreaterThan(rateTexture(bag('f14'), smooth).raw);
  });

  it('a smooth bag beats a quilted one against textured fleece and tweed', () => {
    const napped = profile(outfit([garment({ category: 'sweater', material: 'cotton fleece' }), garment({ category: 'skirt', material: 'wool tweed' })]));
    expect(rateTexture(bag('f14'), napped).raw).toBeGreaterThan(rateTexture(bag('b27'), napped).raw);
  });

  it('on a print a plain bag wins, where on the same outfit in a solid the textured one does', () => {
    const plain = profile(outfit([garment({ material: 'cotton voile' })]));
    const printed = profile(outfit([garment({ material: 'cotton voile', pattern: 'floral' })]));
    expect(rateTexture(bag('f13'), plain).raw).toBeGreaterThan(rateTexture(bag('f14'), plain).raw);
    expect(rateTexture(bag('f14'), printed).raw).toBeGreaterThan(rateTexture(bag('f13'), printed).raw);
    expect(rateTexture(bag('f13'), printed).raw).toBeLessThan(rateTexture(bag('f13'), plain).raw);
  });
});

describe('practicality: strap, modes, kit', () => {
  it('a detachable strap and more ways to wear it score higher', () => {
    const b = bag('b02');
    expect(ratePracticality(b, 'day').raw).toBeGreaterThan(ratePracticality({ ...b, strap: 'fixed', strap_detachable: false }, 'day').raw);
    expect(ratePracticality(b, 'day').raw).toBeGreaterThan(ratePracticality({ ...b, wear_modes: ['hand', 'crossbody'] }, 'day').raw);
  });

  it('a hand-only bag loses hands-free points by day but not at night', () => {
    const clutch = bag('b17');
    expect(ratePracticality(clutch, 'evening').raw).toBeGreaterThan(ratePracticality(clutch, 'day').raw);
  });

  it('more room around the kit is more practical', () => {
    const b = bag('c01');
    expect(ratePracticality(b, 'day', 0.2).raw).toBeGreaterThan(ratePracticality(b, 'day', 0.7).raw);
    expect(ratePracticality(b, 'day', 0.3).why).toMatch(/70% of the interior to spare/);
  });
});

describe('outfit input', () => {
  it('accepts upper-case hex and stores it lower-case', () => {
    const o = parseOutfit(outfitOf('day', ['g01']));
    expect(o.garments[0]!.colors).toEqual(['#1c1c1c']);
  });

  it.each([
    [{ occasion: 'brunch', garments: [garment()] }, /^occasion: must be one of day, work, evening, casual$/],
    [{ garments: [garment()] }, /^occasion: is required$/],
    [{ occasion: 'day', garments: [] }, /^garments: needs at least one garment$/],
    [{ occasion: 'day', garments: [garment(), { ...garment(), colors: ['#12345'] }] }, /^garments\[1\]\.colors\[0\]: must be a colour #rrggbb$/],
    [{ occasion: 'day', garments: [{ ...garment(), colors: ['red'] }] }, /^garments\[0\]\.colors\[0\]: must be a colour #rrggbb$/],
    [{ occasion: 'day', garments: [{ ...garment(), silhouette: 'baggy' }] }, /^garments\[0\]\.silhouette: must be one of oversized/],
    [{ occasion: 'day', garments: [{ ...garment(), category: 'cape' }] }, /^garments\[0\]\.category: must be one of blazer/],
    [{ occasion: 'day', garments: [{ category: 'top', silhouette: 'fitted', colors: ['#ffffff'] }] }, /^garments\[0\]\.material: is required$/],
    [{ occasion: 'day', garments: [garment()], budget_usd: -5 }, /^budget_usd: must be greater than 0$/],
    [{ occasion: 'day', garments: ['blazer'] }, /^garments\[0\]: must be a garment/],
    [[], /^\(root\): must be an outfit/],
  ])('names the bad field: %j', (raw, message) => {
    expect(() => parseOutfit(raw)).toThrow(message);
  });
});
