export * from './geometry/tolerance.js';
export * from './geometry/orientation.js';
export * from './model/dims.js';
export * from './model/item.js';
export * from './model/bag.js';
export * from './model/fit.js';
export { fit, type FitEnv } from './fit/fit.js';
export { verifyLayout, type VerifyResult } from './fit/verify.js';
export { parseBatchInstance, BatchInstanceSchema, type BatchParse } from './fit/batch.js';
export { formatIssuePath } from './model/issues.js';
export { InputError, isInputError } from './errors.js';
export * from './catalog/records.js';
export {
  interiorFromExterior,
  interiorDims,
  exteriorDims,
  bagInterior,
  constructionOf,
  openingFor,
  WALL_MM,
  WALL_ALLOWANCE_MM,
  RIGID_FRAME_MM,
  TRAPEZOID_NARROW_RATIO,
} from './catalog/interior.js';
export { itemFromEssential, DEFAULT_SQUEEZE, type ItemChoice } from './catalog/items.js';
export { boxInside, pointInside, shapeVolume, bestSpotAlone, innerBoxes, effectiveInterior, type InnerBox } from './geometry/shapes.js';
export { openingOvershoot } from './fit/opening.js';
export { resolveName, normalizeName, editDistance, describeResolution, type Named, type Resolution } from './catalog/resolve.js';
export { findEssential, findBag, bagDisplayName } from './catalog/builtin.js';
export { parseKit } from './catalog/kit.js';
export { ESSENTIALS } from './data/essentials.js';
export { BAGS } from './data/bags.js';
export { renderViews, PIECE_LABELS, type AsciiOptions } from './render/ascii-views.js';
export { describeReason, describeMethod } from './fit/explain.js';
export * from './model/why-not.js';
export * from './model/swaps.js';
export { whyNot, describeAdvice, describeWhyNot, adviceBudget, DEFAULT_ADVICE_TIME_LIMIT_MS, type AdviceInput, type AdviceOptions, type AdviceBudget } from './advice/why-not.js';
export { swaps, MAX_PAIRS, type SwapsInput } from './advice/swaps.js';
export { ALTERNATIVES } from './data/alternatives.js';
export * from './model/leave-behind.js';
export * from './model/stack.js';
export * from './model/design.js';
export { leaveBehind, MAX_SUBKITS } from './advice/leave-behind.js';
export { stackKit, MAX_SPLITS } from './advice/stack.js';
export { designInterior, MAX_SIDE_CANDIDATES } from './advice/design.js';
export * from './model/catalog.js';
export * from './model/bag-draft.js';
export { COLOUR_HEX, COLOUR_FAMILIES, colourHex, colourFamily, bagColourFamily, isBold, isMulticolourName, lchOf, type ColourFamily, type Lch } from './catalog/colours.js';
export { deriveFinish } from './catalog/finish.js';
export { USD_PER_UNIT, toUsd } from './catalog/currency.js';
export { catalogBagFromDraft, draftFromRecord, builtinCatalogBags, draftId, slugId } from './catalog/bag-from-draft.js';
export { INDEXED_BOXES, kitBounds, kitEnvelopes, interiorBounds, inscribedBounds, openingNeeds, sureBounds, meetsBounds, searchFits, type Envelope, type SureBounds, type KitBounds, type SearchFitsOptions, type SearchHit, type SearchFitsResult } from './catalog/search.js';
