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
export { parseKit, parseKitEntry } from './catalog/kit.js';
export { ESSENTIALS } from './data/essentials.js';
export { BAGS } from './data/bags.js';
export { GARMENTS } from './data/garments.js';
export { renderViews, PIECE_LABELS, type AsciiOptions } from './render/ascii-views.js';
export { describeReason, describeMethod } from './fit/explain.js';
export * from './model/why-not.js';
export * from './model/swaps.js';
export { whyNot, describeAdvice, describeWhyNot, reasonsForPeople, adviceBudget, DEFAULT_ADVICE_TIME_LIMIT_MS, type AdviceInput, type AdviceOptions, type AdviceBudget } from './advice/why-not.js';
export { swaps, MAX_PAIRS, type SwapsInput } from './advice/swaps.js';
export { ALTERNATIVES } from './data/alternatives.js';
export * from './model/leave-behind.js';
export * from './model/stack.js';
export * from './model/design.js';
export { leaveBehind, MAX_SUBKITS } from './advice/leave-behind.js';
export { stackKit, MAX_SPLITS } from './advice/stack.js';
export { designInterior, MAX_SIDE_CANDIDATES } from './advice/design.js';
export * from './model/fit-report.js';
export { adviseOnMiss, fitReport, type MissAdvice, type FitReportInput } from './advice/fit-report.js';
export * from './model/bag-summary.js';
export { bagSummary, placedBox } from './catalog/bag-summary.js';
export * from './model/catalog.js';
export * from './model/bag-draft.js';
export { COLOUR_HEX, COLOUR_FAMILIES, colourHex, colourFamily, bagColourFamily, isBold, isMulticolourName, lchOf, type ColourFamily, type Lch } from './catalog/colours.js';
export { deriveFinish } from './catalog/finish.js';
export { USD_PER_UNIT, toUsd } from './catalog/currency.js';
export { catalogBagFromDraft, draftFromRecord, builtinCatalogBags, draftId, slugId } from './catalog/bag-from-draft.js';
export { kitBounds, interiorBounds, openingNeeds, meetsBounds, type KitBounds } from './catalog/kit-bounds.js';
export { kitEnvelopes, envelopeOf, placeEnvelope, type Envelope } from './catalog/kit-layouts.js';
export { buildFitIndex, type FitIndex, type FitIndexEntry } from './catalog/fit-index.js';
export { classifyKit, layoutFor, OUT, FITS, TOO_SMALL, UNDECIDED, type Classification, type ClassifyOptions } from './catalog/fit-classify.js';
export { FAMILIES, familyOf, familyLengths, familyAnchor, familyContains, familyHoldsBox, type Family } from './geometry/shape-family.js';
export * from './model/badge.js';
export * from './badges/index.js';
export { searchFits, PER_BAG_NODES, type SearchFitsOptions, type SearchHit, type SearchFitsResult } from './catalog/search.js';
export * from './model/style.js';
export { scoreOutfit } from './style/score-outfit.js';
export * from './model/style-contract.js';
export { styleContract, styleContractRow, DEFAULT_STYLE_TOP } from './style/contract.js';
export { WEIGHTS, MAX_SCORE } from './style/weights.js';
export { readColour, pairColours, hueGap, RELATION_SCORE, type ColourReading, type Pair, type PairRelation } from './style/colour-space.js';
export { profileOutfit, CATEGORY_COVERAGE, SILHOUETTE_VOLUME, type OutfitProfile } from './style/outfit-profile.js';
export { frontSize, smallness } from './style/proportion.js';
export { bagRegister, bagSurface, garmentSurface, type Register } from './style/surfaces.js';
export { chooseStack, assignWearModes } from './style/stacking.js';
export * from './model/trends.js';
export { adoption } from './trends/adoption.js';
export { onset, crossing, pooledShares } from './trends/onset.js';
export { lag, TIER_PAIRS, MIN_VISIBLE_RISE } from './trends/lag.js';
export { prices } from './trends/prices.js';
export { forecast } from './trends/forecast.js';
export { backtest } from './trends/backtest.js';
export { simulate, plantedTruth, BACKGROUND, type Simulation } from './trends/simulate.js';
export { fitBass, MIN_FIT_MONTHS, MIN_FIT_MATCHES, SEASONAL_MONTHS, type BassFitOptions, type BassFitOutcome } from './trends/bass-fit.js';
export { fitShift, type ShiftFit } from './trends/shift-fit.js';
export { bassF, bassTimeTo, bassShare, bassHalfTime } from './trends/bass.js';
export { seasonFactor, seasonPeak } from './trends/bass-linear.js';
export { predictShare } from './trends/forecast-curve.js';
export { tally, seriesOf, cellsOf, type CellGrid, type TierCells, type Series } from './trends/cells.js';
export { parseTrendQuery, matchesQuery, unknownKeys, canonicalKey, canonicalValue } from './trends/query.js';
export * from './model/trend-reports.js';
export { adoptionReport, onsetReport, lagReport, pricesReport, forecastReport, attributeKeys, assertKnownAttributes } from './trends/report.js';
export { bagTrendAttributes, bagCategory, sizeClass, SIZE_CLASS_CM3, type SizeClass } from './trends/bag-attributes.js';
export { monthIndex, monthLabel, calendarMonth, periodLabel } from './trends/months.js';
export { createRng, childSeed, normal, gamma, beta, poisson, type Rng } from './trends/random.js';
export { resampleGrid, quantileSorted, percentileInterval } from './trends/resample.js';
export { wilsonInterval, Z95 } from './trends/wilson.js';
export { nelderMead, type NelderMeadOptions, type Minimum } from './trends/nelder-mead.js';
