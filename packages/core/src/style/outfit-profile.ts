/**
 * What the scoring rules read of an outfit, computed once: how voluminous it is, its colours
 * weighted by how much of the body they cover, how quiet it is, how textured and how busy.
 *
 * Coverage: a garment counts by the share of the body it covers (a coat 1.5, a top 0.7, shorts
 * 0.4); its first colour takes 60% of that when it has several (the ground of a print), the
 * others share the rest.
 * Volume, 0-1: silhouettes from bodycon 0 to oversized 1, half the coverage-weighted mean and
 * half the largest, because one oversized piece sets the proportions of the whole look.
 * Busy, 0-1: prints (floral, check, stripe, animal...) 1, quiet weaves (pinstripe, herringbone)
 * 0.5, solids and surfaces named as patterns (denim wash, sequin, metallic) 0, other words 0.5.
 * Neutrality, 0-1: the coverage-weighted quietness of the colours (style/colour-space.ts), each
 * garment's taken down by half its busyness: a print in pale colours already carries the
 * interest, so it is not the quiet outfit a standout bag is for.
 *
 * The garments are put in one canonical order first, so that the order a person lists them in
 * changes nothing, down to the last bit of a floating-point sum.
 */
import type { Outfit, Silhouette, StyleGarment } from '../model/style.js';
import { readColour, type ColourReading } from './colour-space.js';
import { garmentSurface } from './surfaces.js';

export const CATEGORY_COVERAGE: Readonly<Record<StyleGarment['category'], number>> = {
  coat: 1.5,
  dress: 1.3,
  jumpsuit: 1.3,
  blazer: 1.1,
  jacket: 1,
  trousers: 1,
  jeans: 1,
  sweater: 0.9,
  top: 0.7,
  shirt: 0.7,
  skirt: 0.7,
  shorts: 0.4,
};

export const SILHOUETTE_VOLUME: Readonly<Record<Silhouette, number>> = {
  bodycon: 0,
  fitted: 0.25,
  regular: 0.5,
  relaxed: 0.75,
  oversized: 1,
};

const MAIN_COLOUR_SHARE = 0.6;

export interface WeightedColour extends ColourReading {
  /** Share of the outfit's coverage, summing to 1 over the outfit. */
  readonly weight: number;
}

export interface OutfitProfile {
  readonly occasion: Outfit['occasion'];
  readonly volume: number;
  readonly colours: readonly WeightedColour[];
  /** Coverage-weighted quietness of the colours, less for prints: 1 for an all-neutral solid outfit. */
  readonly neutrality: number;
  /** Coverage-weighted surface of the materials (style/surfaces.ts). */
  readonly surface: number;
  readonly busy: number;
}

export function patternBusy(pattern: string): number {
  const p = pattern.trim().toLowerCase();
  if (/^(solid|plain|none|block|colou?r ?block)$|denim|wash|sequin|metallic|lam[eé]|sheen|glitter/.test(p)) return 0;
  if (/pinstripe|herringbone|pin ?dot|texture|rib/.test(p)) return 0.5;
  if (/stripe|check|plaid|tartan|gingham|floral|flower|print|dot|spot|houndstooth|paisley|camo|geometric|graphic|argyle|ikat|abstract|animal|leopard|zebra|tie-?dye|logo/.test(p)) return 1;
  return 0.5;
}

function canonical(garments: readonly StyleGarment[]): StyleGarment[] {
  const key = (g: StyleGarment) => JSON.stringify([g.category, g.silhouette, g.colors, g.pattern, g.material]);
  return [...garments].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function profileOutfit(outfit: Outfit): OutfitProfile {
  const garments = canonical(outfit.garments);
  const coverage = garments.map((g) => CATEGORY_COVERAGE[g.category]);
  const total = coverage.reduce((a, b) => a + b, 0);
  const share = coverage.map((c) => c / total);

  let meanVolume = 0;
  let maxVolume = 0;
  let surface = 0;
  let busy = 0;
  const colours: WeightedColour[] = [];
  let neutrality = 0;
  garments.forEach((g, i) => {
    const s = share[i]!;
    const v = SILHOUETTE_VOLUME[g.silhouette];
    const b = patternBusy(g.pattern);
    meanVolume += s * v;
    maxVolume = Math.max(maxVolume, v);
    surface += s * garmentSurface(g.material);
    busy += s * b;
    g.colors.forEach((hex, k) => {
      const part = g.colors.length === 1 ? 1 : k === 0 ? MAIN_COLOUR_SHARE : (1 - MAIN_COLOUR_SHARE) / (g.colors.length - 1);
      const colour = { ...readColour(hex), weight: s * part };
      colours.push(colour);
      neutrality += colour.weight * colour.quiet * (1 - b / 2);
    });
  });
  return { occasion: outfit.occasion, volume: (meanVolume + maxVolume) / 2, colours, neutrality, surface, busy };
}
