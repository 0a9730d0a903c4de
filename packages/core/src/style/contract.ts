/** From scoreOutfit's result to the machine contract (model/style-contract.ts): the CLI's --json and the server's answer. */
import type { Recommendation, StyleResult } from '../model/style.js';
import type { StyleContract, StyleContractRow } from '../model/style-contract.js';

/** The number of bags `style` lists when not told otherwise. */
export const DEFAULT_STYLE_TOP = 10;

/** One recommendation in the contract's shape, components in the contract's order (model/style.ts COMPONENTS). */
export function styleContractRow(r: Recommendation): StyleContractRow {
  return {
    bag_id: r.bag_id,
    brand: r.brand,
    model: r.model,
    exterior_mm: r.exterior_mm,
    finish: r.finish,
    color_hex: r.color_hex,
    wear_modes: r.wear_modes,
    score: r.score,
    components: {
      proportion: r.components.proportion.points,
      occasion: r.components.occasion.points,
      colour: r.components.colour.points,
      texture: r.components.texture.points,
      practicality: r.components.practicality.points,
    },
    why: r.why,
  };
}

/** The best `top` recommendations; the stack's bag ids when `stack` is asked for (empty otherwise, or when there is none). */
export function styleContract(result: StyleResult, top: number, stack: boolean): StyleContract {
  return {
    recommendations: result.recommendations.slice(0, top).map(styleContractRow),
    stack: stack ? (result.stack?.bags.map((b) => b.bag_id) ?? []) : [],
  };
}
