/**
 * scoreOutfit(input): which micro-bags go with this outfit, and why. One entry, plain data in
 * and out, for the CLI, the server and the tests alike.
 *
 * 1. The outfit is read once (style/outfit-profile.ts).
 * 2. The constraints (budget, tiers, wear modes, the kit through the fit engine) leave bags out,
 *    each listed with the constraint it failed (style/constraints.ts).
 * 3. Each remaining bag is rated by five rules, one file each (proportion, occasion, colour,
 *    texture, practicality); a rule's points are its weight (style/weights.ts) times its rating
 *    in [0, 1], and the score is the sum of the points, 0-100.
 * 4. Bags are ranked by score, ties by bag id, so the same input always gives the same ranking
 *    (the order of the garments or of the candidate bags does not matter).
 * 5. A stack of two or three bags to wear together is chosen from the best (style/stacking.ts).
 */
import { bagIdentity } from '../catalog/bag-summary.js';
import { InputError } from '../errors.js';
import type { CatalogBag } from '../model/catalog.js';
import { COMPONENTS, parseStyleInput, type ComponentName, type ComponentScore, type Recommendation, type StyleExclusion, type StyleInputRaw, type StyleResult } from '../model/style.js';
import { rateColour } from './colour.js';
import { admit } from './constraints.js';
import { rateOccasion } from './occasion.js';
import { profileOutfit, type OutfitProfile } from './outfit-profile.js';
import { ratePracticality } from './practicality.js';
import { rateProportion } from './proportion.js';
import { chooseStack } from './stacking.js';
import { rateTexture } from './texture.js';
import { roundPoints, WEIGHTS, type Rating } from './weights.js';

export function scoreOutfit(raw: StyleInputRaw): StyleResult {
  const input = parseStyleInput(raw);
  const seen = new Set<string>();
  input.bags.forEach((b, i) => {
    // Ties are broken by id, so two bags with one id would rank by input order.
    if (seen.has(b.id)) throw new InputError(`bags[${i}].id`, `bag id "${b.id}" appears more than once`);
    seen.add(b.id);
  });
  const profile = profileOutfit(input.outfit);
  const budget = { nodeLimit: input.options.kit_node_limit, timeLimitMs: input.options.kit_time_limit_ms };
  const excluded: StyleExclusion[] = [];
  const recommendations: Recommendation[] = [];
  for (const bag of input.bags) {
    const admission = admit(bag, input.outfit, input.kit, budget);
    if (!admission.ok) excluded.push({ bag_id: bag.id, code: admission.code });
    else recommendations.push(recommend(bag, profile, admission.fill));
  }
  recommendations.sort((a, b) => b.score - a.score || (a.bag_id < b.bag_id ? -1 : a.bag_id > b.bag_id ? 1 : 0));
  excluded.sort((a, b) => (a.bag_id < b.bag_id ? -1 : a.bag_id > b.bag_id ? 1 : 0));
  const byId = new Map(input.bags.map((b) => [b.id, b]));
  const stack = chooseStack(recommendations.map((r) => ({ bag: byId.get(r.bag_id)!, score: r.score })));
  return {
    outfit: {
      volume: roundPoints(profile.volume),
      neutrality: roundPoints(profile.neutrality),
      surface: roundPoints(profile.surface),
      busy: roundPoints(profile.busy),
    },
    recommendations,
    excluded,
    stack,
  };
}

function recommend(bag: CatalogBag, profile: OutfitProfile, fill: number | undefined): Recommendation {
  const ratings: Record<ComponentName, Rating> = {
    proportion: rateProportion(bag, profile),
    occasion: rateOccasion(bag, profile),
    colour: rateColour(bag, profile),
    texture: rateTexture(bag, profile),
    practicality: ratePracticality(bag, profile.occasion, fill),
  };
  const scored = (name: ComponentName): ComponentScore => {
    const r = ratings[name];
    return { raw: Math.round(r.raw * 1000) / 1000, weight: WEIGHTS[name], points: roundPoints(WEIGHTS[name] * r.raw), why: r.why };
  };
  const components = {
    proportion: scored('proportion'),
    occasion: scored('occasion'),
    colour: scored('colour'),
    texture: scored('texture'),
    practicality: scored('practicality'),
  };
  const score = roundPoints(COMPONENTS.reduce((s, n) => s + components[n].points, 0));
  // The reasons that moved the score most come first; equal ones keep the components' order.
  const why = [...COMPONENTS].sort((a, b) => components[b].points - components[a].points).map((n) => components[n].why);
  return {
    ...bagIdentity(bag),
    exterior_mm: { w: bag.exterior.w, h: bag.exterior.h, d: bag.exterior.d },
    finish: [...bag.finish],
    color_hex: bag.color_hex,
    wear_modes: [...bag.wear_modes],
    score,
    components,
    why,
  };
}
