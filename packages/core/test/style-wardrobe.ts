/**
 * The sample wardrobe of ../shared/data/garments.csv (30 synthetic garments), copied for the
 * styling tests because core tests may not import the store. Colours as the CSV writes them
 * (upper case), which the outfit schema lower-cases. style-cases.test.ts checks this copy
 * against the CSV whenever the CSV is at hand.
 */
import type { OutfitInput } from '../src/model/style.js';

export interface WardrobeGarment {
  readonly id: string;
  readonly category: 'blazer' | 'trousers' | 'dress' | 'coat' | 'top' | 'skirt' | 'jeans' | 'jumpsuit';
  readonly silhouette: 'oversized' | 'relaxed' | 'regular' | 'fitted' | 'bodycon';
  readonly occasion: 'day' | 'work' | 'evening' | 'casual';
  readonly color_hex: string;
  readonly pattern: string;
  readonly material: string;
}

export const WARDROBE: readonly WardrobeGarment[] = [
  { id: 'g01', category: 'blazer', silhouette: 'oversized', occasion: 'work', color_hex: '#1C1C1C', pattern: 'solid', material: 'wool' },
  { id: 'g02', category: 'blazer', silhouette: 'fitted', occasion: 'work', color_hex: '#F2EFE6', pattern: 'solid', material: 'linen blend' },
  { id: 'g03', category: 'blazer', silhouette: 'relaxed', occasion: 'casual', color_hex: '#8A9A5B', pattern: 'check', material: 'wool blend' },
  { id: 'g04', category: 'trousers', silhouette: 'relaxed', occasion: 'work', color_hex: '#3B3B3B', pattern: 'pinstripe', material: 'wool' },
  { id: 'g05', category: 'trousers', silhouette: 'regular', occasion: 'day', color_hex: '#C8B89A', pattern: 'solid', material: 'cotton twill' },
  { id: 'g06', category: 'trousers', silhouette: 'fitted', occasion: 'evening', color_hex: '#000000', pattern: 'solid', material: 'satin' },
  { id: 'g07', category: 'dress', silhouette: 'bodycon', occasion: 'evening', color_hex: '#B3001B', pattern: 'solid', material: 'stretch jersey' },
  { id: 'g08', category: 'dress', silhouette: 'relaxed', occasion: 'day', color_hex: '#F4D6E0', pattern: 'floral', material: 'cotton voile' },
  { id: 'g09', category: 'dress', silhouette: 'fitted', occasion: 'evening', color_hex: '#0B1F3A', pattern: 'solid', material: 'silk' },
  { id: 'g10', category: 'dress', silhouette: 'regular', occasion: 'work', color_hex: '#5A5A5A', pattern: 'houndstooth', material: 'wool crepe' },
  { id: 'g11', category: 'dress', silhouette: 'oversized', occasion: 'casual', color_hex: '#FFFFFF', pattern: 'stripe', material: 'cotton poplin' },
  { id: 'g12', category: 'coat', silhouette: 'oversized', occasion: 'day', color_hex: '#C19A6B', pattern: 'solid', material: 'wool' },
  { id: 'g13', category: 'coat', silhouette: 'regular', occasion: 'work', color_hex: '#2E2E2E', pattern: 'herringbone', material: 'wool' },
  { id: 'g14', category: 'coat', silhouette: 'fitted', occasion: 'evening', color_hex: '#E8E1D5', pattern: 'solid', material: 'cashmere blend' },
  { id: 'g15', category: 'top', silhouette: 'fitted', occasion: 'evening', color_hex: '#D4AF37', pattern: 'sequin', material: 'polyester sequin mesh' },
  { id: 'g16', category: 'top', silhouette: 'relaxed', occasion: 'casual', color_hex: '#FFFFFF', pattern: 'solid', material: 'cotton jersey' },
  { id: 'g17', category: 'top', silhouette: 'regular', occasion: 'work', color_hex: '#A7C7E7', pattern: 'stripe', material: 'cotton poplin' },
  { id: 'g18', category: 'top', silhouette: 'bodycon', occasion: 'evening', color_hex: '#000000', pattern: 'solid', material: 'ribbed knit' },
  { id: 'g19', category: 'top', silhouette: 'oversized', occasion: 'casual', color_hex: '#6B8E23', pattern: 'solid', material: 'cotton fleece' },
  { id: 'g20', category: 'skirt', silhouette: 'fitted', occasion: 'work', color_hex: '#1C1C1C', pattern: 'solid', material: 'wool' },
  { id: 'g21', category: 'skirt', silhouette: 'relaxed', occasion: 'day', color_hex: '#FFD1DC', pattern: 'polka dot', material: 'viscose' },
  { id: 'g22', category: 'skirt', silhouette: 'bodycon', occasion: 'evening', color_hex: '#C0C0C0', pattern: 'metallic', material: 'lamé knit' },
  { id: 'g23', category: 'skirt', silhouette: 'regular', occasion: 'casual', color_hex: '#4F6D7A', pattern: 'denim wash', material: 'denim' },
  { id: 'g24', category: 'jeans', silhouette: 'relaxed', occasion: 'casual', color_hex: '#5D7FA3', pattern: 'denim wash', material: 'denim' },
  { id: 'g25', category: 'jeans', silhouette: 'fitted', occasion: 'day', color_hex: '#1B2A41', pattern: 'denim wash', material: 'stretch denim' },
  { id: 'g26', category: 'jeans', silhouette: 'oversized', occasion: 'casual', color_hex: '#A9C1D9', pattern: 'denim wash', material: 'denim' },
  { id: 'g27', category: 'jumpsuit', silhouette: 'relaxed', occasion: 'day', color_hex: '#B5651D', pattern: 'solid', material: 'linen' },
  { id: 'g28', category: 'jumpsuit', silhouette: 'fitted', occasion: 'evening', color_hex: '#000000', pattern: 'solid', material: 'crepe' },
  { id: 'g29', category: 'jumpsuit', silhouette: 'regular', occasion: 'work', color_hex: '#2F4F4F', pattern: 'solid', material: 'cotton twill' },
  { id: 'g30', category: 'dress', silhouette: 'regular', occasion: 'evening', color_hex: '#E6007E', pattern: 'animal print', material: 'satin' },
];

const byId = new Map(WARDROBE.map((g) => [g.id, g]));

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
