/**
 * The sample wardrobe of ../shared/data/garments.csv (30 synthetic garments) for the styling tests:
 * the core's generated copy (data.test.ts checks it against the CSV), and outfits made of it.
 */
import { GARMENTS } from '../src/data/garments.js';
import type { OutfitInput } from '../src/model/style.js';

const byId = new Map(GARMENTS.map((g) => [g.id, g]));

/** An outfit of wardrobe garments ("g01", "g04") for an occasion, in the `style --outfit` shape. */
export function outfitOf(occasion: OutfitInput['occasion'], ids: readonly string[], extra: Partial<OutfitInput> = {}): OutfitInput {
  return {
    occasion,
    garments: ids.map((id) => {
      const g = byId.get(id);
      if (!g) throw new Error(`no garment ${id} in the wardrobe`);
      return { category: g.category, silhouette: g.silhouette, colors: [g.color_hex], pattern: g.pattern, material: g.material };
    }),
    ...extra,
  };
}
