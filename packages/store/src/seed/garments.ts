/**
 * The sample wardrobe (30 synthetic garments, not real products) for the styling rules, from the
 * shared seed data ../shared/data/garments.csv (id,category,silhouette,occasion,color_hex,pattern,
 * material), written out once as code because the store is compiled and ships no data files.
 * Colours are lower-cased to the schema form #rrggbb. test/garments-seed.test.ts checks this list
 * against the CSV whenever the CSV is at hand.
 */
import type { Garment } from '@micropurse/core';

export const GARMENTS: readonly Garment[] = [
  { id: 'g01', category: 'blazer', silhouette: 'oversized', occasion: 'work', color_hex: '#1c1c1c', pattern: 'solid', material: 'wool' },
  { id: 'g02', category: 'blazer', silhouette: 'fitted', occasion: 'work', color_hex: '#f2efe6', pattern: 'solid', material: 'linen blend' },
  { id: 'g03', category: 'blazer', silhouette: 'relaxed', occasion: 'casual', color_hex: '#8a9a5b', pattern: 'check', material: 'wool blend' },
  { id: 'g04', category: 'trousers', silhouette: 'relaxed', occasion: 'work', color_hex: '#3b3b3b', pattern: 'pinstripe', material: 'wool' },
  { id: 'g05', category: 'trousers', silhouette: 'regular', occasion: 'day', color_hex: '#c8b89a', pattern: 'solid', material: 'cotton twill' },
  { id: 'g06', category: 'trousers', silhouette: 'fitted', occasion: 'evening', color_hex: '#000000', pattern: 'solid', material: 'satin' },
  { id: 'g07', category: 'dress', silhouette: 'bodycon', occasion: 'evening', color_hex: '#b3001b', pattern: 'solid', material: 'stretch jersey' },
  { id: 'g08', category: 'dress', silhouette: 'relaxed', occasion: 'day', color_hex: '#f4d6e0', pattern: 'floral', material: 'cotton voile' },
  { id: 'g09', category: 'dress', silhouette: 'fitted', occasion: 'evening', color_hex: '#0b1f3a', pattern: 'solid', material: 'silk' },
  { id: 'g10', category: 'dress', silhouette: 'regular', occasion: 'work', color_hex: '#5a5a5a', pattern: 'houndstooth', material: 'wool crepe' },
  { id: 'g11', category: 'dress', silhouette: 'oversized', occasion: 'casual', color_hex: '#ffffff', pattern: 'stripe', material: 'cotton poplin' },
  { id: 'g12', category: 'coat', silhouette: 'oversized', occasion: 'day', color_hex: '#c19a6b', pattern: 'solid', material: 'wool' },
  { id: 'g13', category: 'coat', silhouette: 'regular', occasion: 'work', color_hex: '#2e2e2e', pattern: 'herringbone', material: 'wool' },
  { id: 'g14', category: 'coat', silhouette: 'fitted', occasion: 'evening', color_hex: '#e8e1d5', pattern: 'solid', material: 'cashmere blend' },
  { id: 'g15', category: 'top', silhouette: 'fitted', occasion: 'evening', color_hex: '#d4af37', pattern: 'sequin', material: 'polyester sequin mesh' },
  { id: 'g16', category: 'top', silhouette: 'relaxed', occasion: 'casual', color_hex: '#ffffff', pattern: 'solid', material: 'cotton jersey' },
  { id: 'g17', category: 'top', silhouette: 'regular', occasion: 'work', color_hex: '#a7c7e7', pattern: 'stripe', material: 'cotton poplin' },
  { id: 'g18', category: 'top', silhouette: 'bodycon', occasion: 'evening', color_hex: '#000000', pattern: 'solid', material: 'ribbed knit' },
  { id: 'g19', category: 'top', silhouette: 'oversized', occasion: 'casual', color_hex: '#6b8e23', pattern: 'solid', material: 'cotton fleece' },
  { id: 'g20', category: 'skirt', silhouette: 'fitted', occasion: 'work', color_hex: '#1c1c1c', pattern: 'solid', material: 'wool' },
  { id: 'g21', category: 'skirt', silhouette: 'relaxed', occasion: 'day', color_hex: '#ffd1dc', pattern: 'polka dot', material: 'viscose' },
  { id: 'g22', category: 'skirt', silhouette: 'bodycon', occasion: 'evening', color_hex: '#c0c0c0', pattern: 'metallic', material: 'lamé knit' },
  { id: 'g23', category: 'skirt', silhouette: 'regular', occasion: 'casual', color_hex: '#4f6d7a', pattern: 'denim wash', material: 'denim' },
  { id: 'g24', category: 'jeans', silhouette: 'relaxed', occasion: 'casual', color_hex: '#5d7fa3', pattern: 'denim wash', material: 'denim' },
  { id: 'g25', category: 'jeans', silhouette: 'fitted', occasion: 'day', color_hex: '#1b2a41', pattern: 'denim wash', material: 'stretch denim' },
  { id: 'g26', category: 'jeans', silhouette: 'oversized', occasion: 'casual', color_hex: '#a9c1d9', pattern: 'denim wash', material: 'denim' },
  { id: 'g27', category: 'jumpsuit', silhouette: 'relaxed', occasion: 'day', color_hex: '#b5651d', pattern: 'solid', material: 'linen' },
  { id: 'g28', category: 'jumpsuit', silhouette: 'fitted', occasion: 'evening', color_hex: '#000000', pattern: 'solid', material: 'crepe' },
  { id: 'g29', category: 'jumpsuit', silhouette: 'regular', occasion: 'work', color_hex: '#2f4f4f', pattern: 'solid', material: 'cotton twill' },
  { id: 'g30', category: 'dress', silhouette: 'regular', occasion: 'evening', color_hex: '#e6007e', pattern: 'animal print', material: 'satin' },
];
