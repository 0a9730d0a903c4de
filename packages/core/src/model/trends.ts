/**
 * Trend analytics over dated listings (core trends/): what goes in, what comes out. Shares are
 * fractions 0..1 of a tier's new listings in a month; months are "yyyy-mm"; prices stay in their
 * own currency. Every output is plain data, so the CLI, a server and the tests read the same thing.
 */
import { z } from 'zod';
import { TierSchema } from './bag.js';
import { CurrencySchema, IsoDateSchema } from './catalog.js';

export const TREND_TIERS = TierSchema.options;
export type Tier = z.infer<typeof TierSchema>;

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month yyyy-mm' });

/**
 * One listing: a bag seen on sale on a date, in a tier, at a price, with its attributes. Attribute
 * keys and values are lower-case; a key may hold several values (wear modes, finishes).
 */
export const TrendListingSchema = z.object({
  date: IsoDateSchema,
  tier: TierSchema,
  price: z.number().finite().nonnegative(),
  currency: CurrencySchema,
  attributes: z.record(z.string(), z.array(z.string())),
});
export type TrendListing = z.infer<typeof TrendListingSchema>;

/** KEY=VALUE; a query of several conditions matches the listings meeting all of them. */
export const AttributeConditionSchema = z.object({ key: z.string().min(1), value: z.string().min(1) });
export type AttributeCondition = z.infer<typeof AttributeConditionSchema>;
export const TrendQuerySchema = z.object({
  /** The query as the user wrote it, canonical ("size=micro,finish=metallic"): how outputs name it. */
  label: z.string(),
  conditions: z.array(AttributeConditionSchema).min(1),
});
export type TrendQuery = z.infer<typeof TrendQuerySchema>;

const Interval = z.tuple([z.number(), z.number()]);

/** A tier's month: n new listings, k of them with the attribute; share k/n with its 95% Wilson interval (null when n = 0). */
export const AdoptionPointSchema = z.object({
  month: MonthSchema,
  n: z.number().int().nonnegative(),
  k: z.number().int().nonnegative(),
  share: z.number().min(0).max(1).nullable(),
  ci: Interval.nullable(),
});
export type AdoptionPoint = z.infer<typeof AdoptionPointSchema>;
/** One tier's curve over the common month axis (every tier has the same months, first to last listing). */
export const AdoptionCurveSchema = z.object({ tier: TierSchema, points: z.array(AdoptionPointSchema) });
export type AdoptionCurve = z.infer<typeof AdoptionCurveSchema>;

/** The bootstrap shared by onset, lag and forecast: replicates, seed, two-sided level. */
export const BootstrapOptionsSchema = z.object({
  replicates: z.number().int().min(20).max(5000).default(200),
  seed: z.number().int().default(1),
  level: z.number().gt(0.5).lt(1).default(0.95),
});
export type BootstrapOptions = z.infer<typeof BootstrapOptionsSchema>;

export const OnsetOptionsSchema = BootstrapOptionsSchema.extend({
  /** The share a tier must reach. */
  share: z.number().gt(0).lt(1).default(0.2),
  /** Months pooled (centred) before comparing with the share, so one lucky month is not an onset. */
  window: z.number().int().min(1).max(12).default(3),
});
export type OnsetOptions = z.infer<typeof OnsetOptionsSchema>;
export type OnsetOptionsInput = z.input<typeof OnsetOptionsSchema>;

/**
 * When a tier's pooled share first reached the threshold: `month` (null if never), `at` the same
 * as fractional months since the axis' first month, `ci` the bootstrap interval (null bounds when
 * too many replicates never crossed), `crossed` the fraction of replicates that crossed at all.
 */
export const OnsetSchema = z.object({
  tier: TierSchema,
  month: MonthSchema.nullable(),
  at: z.number().nullable(),
  ci: z.tuple([MonthSchema.nullable(), MonthSchema.nullable()]),
  crossed: z.number().min(0).max(1),
});
export type Onset = z.infer<typeof OnsetSchema>;

/**
 * A fitted Bass curve: share(t) = m F(t - t0; p, q) (1 + a cos w + b sin w), t in months since the
 * axis' first month, w = 2 pi (calendar month - 1) / 12; `seasonal` = [a, b], [0, 0] without a season.
 */
export const BassParamsSchema = z.object({
  p: z.number().positive(),
  q: z.number().nonnegative(),
  m: z.number().gt(0).max(1),
  t0: z.number(),
  seasonal: z.tuple([z.number(), z.number()]),
});
export type BassParams = z.infer<typeof BassParamsSchema>;

export const BassFitSchema = BassParamsSchema.extend({
  /** When the curve reaches half its saturation m/2 (months since the axis' first month). */
  t_half: z.number(),
  /** Root of the n-weighted mean squared residual of the share. */
  rmse: z.number().nonnegative(),
  /** Months with listings the fit used, and the listings in them. */
  months: z.number().int(),
  listings: z.number().int(),
});
export type BassFit = z.infer<typeof BassFitSchema>;

export const LagOptionsSchema = BootstrapOptionsSchema;
export type LagOptionsInput = z.input<typeof LagOptionsSchema>;

/**
 * The machine contract's object: the follower tier runs `lag_months` behind the lead; `ci` its
 * bootstrap interval. Null lag (and ci) when a tier's curve could not be fitted; `note` says why.
 */
export const TierLagSchema = z.object({
  attribute: z.string(),
  lead: TierSchema,
  follower: TierSchema,
  lag_months: z.number().nullable(),
  ci: Interval.nullable(),
  note: z.string().optional(),
});
export type TierLag = z.infer<typeof TierLagSchema>;

export const PricePeriodSchema = z.enum(['month', 'quarter', 'year']);
export type PricePeriod = z.infer<typeof PricePeriodSchema>;
/** Quartiles of the prices of one period's matching listings (type-7 interpolation), in `currency`. */
export const PricePointSchema = z.object({
  period: z.string(),
  n: z.number().int().positive(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
});
export const PriceBandSchema = z.object({ tier: TierSchema, currency: CurrencySchema, points: z.array(PricePointSchema) });
export type PriceBand = z.infer<typeof PriceBandSchema>;

export const ForecastOptionsSchema = BootstrapOptionsSchema.extend({
  /** Months forecast past the last month. */
  horizon: z.number().int().min(1).max(60).default(12),
  /** Months held out at the end for the backtest. */
  holdout: z.number().int().min(1).max(36).default(6),
  /** The seasonal-naive baseline's season, months. */
  season: z.number().int().min(1).max(24).default(12),
  level: z.number().gt(0.5).lt(1).default(0.9),
});
export type ForecastOptions = z.infer<typeof ForecastOptionsSchema>;
export type ForecastOptionsInput = z.input<typeof ForecastOptionsSchema>;

export const ForecastPointSchema = z.object({ month: MonthSchema, share: z.number(), lo: z.number(), hi: z.number() });
export type ForecastPoint = z.infer<typeof ForecastPointSchema>;

/** Errors over the held-out months: MAE in share (0..1), MAPE in percent over months with a non-zero share. */
export const ForecastErrorSchema = z.object({ mae: z.number().nullable(), mape: z.number().nullable(), months: z.number().int() });
export const BacktestSchema = z.object({
  holdout: z.number().int(),
  bass: ForecastErrorSchema,
  seasonal_naive: ForecastErrorSchema,
});
export type Backtest = z.infer<typeof BacktestSchema>;

export const TierForecastSchema = z.object({
  tier: TierSchema,
  fit: BassFitSchema.nullable(),
  /** The month the fitted curve reaches half its saturation. */
  half_month: MonthSchema.nullable(),
  /** Bootstrap intervals (at the forecast's level) of the fitted parameters, from the residual-bootstrap refits. */
  intervals: z.object({ p: Interval, q: Interval, m: Interval }).nullable(),
  forecast: z.array(ForecastPointSchema),
  backtest: BacktestSchema.nullable(),
  note: z.string().optional(),
});
export type TierForecast = z.infer<typeof TierForecastSchema>;

/** A planted Bass curve: share(t) = m F(t - onset; p, q), onset in months since the simulation's start. */
export const PlantedCurveSchema = z.object({
  p: z.number().gt(0).max(1),
  q: z.number().min(0).max(3),
  m: z.number().gt(0).max(1),
  onset: z.number().min(-120).max(240),
});
export type PlantedCurve = z.infer<typeof PlantedCurveSchema>;

export const PlantedAttributeSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]*$/, { error: 'must be a lower-case attribute name' }),
  value: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'must be a lower-case value' }),
  tiers: z.object({ luxury: PlantedCurveSchema, contemporary: PlantedCurveSchema, 'fast-fashion': PlantedCurveSchema }),
});
export type PlantedAttribute = z.infer<typeof PlantedAttributeSchema>;

/** A tier's volume and prices: listings a month on average, and log-normal prices around each currency's median. */
export const SimTierSchema = z.object({
  listings_per_month: z.number().positive().max(100_000),
  prices: z.array(z.object({ currency: CurrencySchema, median: z.number().positive(), weight: z.number().positive() })).min(1),
  /** Standard deviation of log price. */
  spread: z.number().min(0).max(2),
});
export type SimTier = z.infer<typeof SimTierSchema>;

/**
 * Default volumes, new listings a month: what a handful of retailers' feeds give for micro-bags
 * (a few luxury houses, a dozen contemporary labels, the fast-fashion chains). At these the planted
 * lag is recovered within a month (trends-simulate.test.ts); the benchmark shows smaller samples.
 */
const DEFAULT_SIM_TIERS = {
  luxury: { listings_per_month: 100, prices: [{ currency: 'EUR', median: 1700, weight: 2 }, { currency: 'USD', median: 1900, weight: 3 }], spread: 0.35 },
  contemporary: { listings_per_month: 200, prices: [{ currency: 'USD', median: 260, weight: 1 }], spread: 0.3 },
  'fast-fashion': { listings_per_month: 400, prices: [{ currency: 'USD', median: 35, weight: 1 }], spread: 0.3 },
};

/** The default planted trend: micro size classes reach luxury first, contemporary 6 months and fast fashion 12 months later. */
export const DEFAULT_PLANTED: PlantedAttribute = {
  key: 'size',
  value: 'micro',
  tiers: {
    luxury: { p: 0.03, q: 0.4, m: 0.55, onset: 6 },
    contemporary: { p: 0.03, q: 0.4, m: 0.45, onset: 12 },
    'fast-fashion': { p: 0.03, q: 0.4, m: 0.6, onset: 18 },
  },
};

export const SimulationConfigSchema = z
  .object({
    seed: z.number().int().default(1),
    start: MonthSchema.default('2021-01'),
    months: z.number().int().min(6).max(240).default(48),
    /** Multiplies every tier's listings a month: how the benchmark shrinks the samples. */
    scale: z.number().positive().max(100).default(1),
    tiers: z.object({ luxury: SimTierSchema, contemporary: SimTierSchema, 'fast-fashion': SimTierSchema }).default(DEFAULT_SIM_TIERS),
    seasonality: z
      .object({
        /** Relative amplitude of the monthly listing volume's yearly cycle. */
        volume: z.number().min(0).max(0.9),
        /** Relative amplitude of the share's yearly cycle (a party-season lift). */
        share: z.number().min(0).max(0.9),
        /** Calendar month (1-12) of the peak. */
        peak: z.number().int().min(1).max(12),
      })
      .default({ volume: 0.25, share: 0.1, peak: 11 }),
    /** Beta-binomial concentration of the monthly share (smaller: noisier months); null: plain binomial. */
    concentration: z.number().positive().nullable().default(400),
    planted: z.array(PlantedAttributeSchema).min(1).max(8).default([DEFAULT_PLANTED]),
  })
  .refine((c) => new Set(c.planted.map((a) => a.key)).size === c.planted.length, {
    path: ['planted'],
    error: 'each planted attribute needs a key of its own',
  });
export type SimulationConfig = z.infer<typeof SimulationConfigSchema>;
export type SimulationConfigInput = z.input<typeof SimulationConfigSchema>;

/** What the simulator planted, to score an analysis against: per attribute and tier, the curve and its half-saturation month. */
export const PlantedTruthSchema = z.object({
  attribute: z.string(),
  tiers: z.array(PlantedCurveSchema.extend({ tier: TierSchema, t_half: z.number() })),
  lags: z.array(z.object({ lead: TierSchema, follower: TierSchema, onset_lag: z.number(), half_lag: z.number() })),
});
export type PlantedTruth = z.infer<typeof PlantedTruthSchema>;
