/**
 * GET /v1/trends/{adoption,onset,lag,prices,forecast}: the query strings (the CLI's options as
 * parameters, the core's option schemas for their ranges) and the answers (the CLI's --json
 * reports, core trends/report.ts, under where the listings came from and how many there were).
 *
 * Bootstraps are capped: the most replicates a request may ask for is the request budget
 * (MICROPURSE_REQUEST_BUDGET_MS) over a replicate's cost, measured on 48 months of the simulated
 * market on the 2-core development machine (lag about 6 ms a replicate after a 0.2 s fit, forecast
 * about 4 ms, onset well under 0.1 ms), with a margin: at the default 1000 ms, lag 100, forecast
 * 166, onset 5000 (the core's own maximum).
 */
import {
  AdoptionReportSchema,
  BootstrapOptionsSchema,
  ForecastOptionsSchema,
  ForecastReportSchema,
  LagReportSchema,
  OnsetOptionsSchema,
  OnsetReportSchema,
  PricePeriodSchema,
  PricesReportSchema,
  parseTrendQuery,
} from '@micropurse/core';
import { z } from 'zod';

export type BootstrapKind = 'onset' | 'lag' | 'forecast';

/** A replicate's cost, ms, with a margin over what was measured (see above). */
export const MS_PER_REPLICATE: Readonly<Record<BootstrapKind, number>> = { onset: 0.2, lag: 10, forecast: 6 };

const CORE_REPLICATES = { min: 20, max: 5000, default: BootstrapOptionsSchema.parse({}).replicates };

/** The most replicates a request may ask for, under a request budget of `budgetMs`. */
export function replicatesCap(kind: BootstrapKind, budgetMs: number): number {
  return Math.min(CORE_REPLICATES.max, Math.max(CORE_REPLICATES.min, Math.floor(budgetMs / MS_PER_REPLICATE[kind])));
}

/** The replicates when the request names none: the CLI's default, or the cap when that is lower. */
export const defaultReplicates = (cap: number): number => Math.min(CORE_REPLICATES.default, cap);

const numberText = (v: unknown): unknown => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);
const flagText = (v: unknown): unknown => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v);
const num = <T extends z.ZodType>(schema: T) => z.preprocess(numberText, schema);

const AttributeSchema = z
  .string()
  .min(1)
  .max(500)
  .superRefine((text, ctx) => {
    try {
      parseTrendQuery(text);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message.replace(/^attribute: /, '') });
    }
  })
  .describe('the attribute, KEY=VALUE ("size=micro"), or a combination that listings must all have ("size=micro,finish=metallic")');

/** Where the listings come from: the store's (default), or the seeded simulator's (demo=1, or source=simulated&sim_seed=N). */
const SOURCE_PARAMS = {
  attribute: AttributeSchema,
  source: z.enum(['store', 'simulated']).optional().describe('store: the listings imports recorded (default); simulated: the simulator\'s market with a planted trend (`trends simulate`)'),
  demo: z.preprocess(flagText, z.boolean().optional()).describe('1 or true: the simulated listings (source=simulated), so that a fresh store has something to show'),
  sim_seed: num(z.number().int().min(0).max(2 ** 31 - 1).optional()).describe('the simulator\'s seed (default 1), as `trends simulate --seed N`; only with the simulated source'),
};

function bootstrapParams<L extends z.ZodType>(kind: BootstrapKind, budgetMs: number, level: L) {
  const cap = replicatesCap(kind, budgetMs);
  return {
    replicates: num(z.number().int().min(CORE_REPLICATES.min).max(cap, { error: `must be at most ${cap}: this server's cap for its request budget` }).optional()).describe(`bootstrap replicates, ${CORE_REPLICATES.min}-${cap} on this server (default ${defaultReplicates(cap)})`),
    seed: num(BootstrapOptionsSchema.shape.seed).describe('bootstrap seed (default 1): the same seed, the same interval'),
    level: num(level).describe('the interval\'s level'),
  };
}

export const trendQuerySchemas = (budgetMs: number) => ({
  adoption: z.strictObject(SOURCE_PARAMS),
  onset: z.strictObject({
    ...SOURCE_PARAMS,
    ...bootstrapParams('onset', budgetMs, OnsetOptionsSchema.shape.level),
    share: num(OnsetOptionsSchema.shape.share).describe('the share to reach, 0-1 (default 0.2)'),
    window: num(OnsetOptionsSchema.shape.window).describe('months pooled around each month (default 3)'),
  }),
  lag: z.strictObject({ ...SOURCE_PARAMS, ...bootstrapParams('lag', budgetMs, BootstrapOptionsSchema.shape.level) }),
  prices: z.strictObject({ ...SOURCE_PARAMS, period: PricePeriodSchema.default('quarter').describe('month, quarter or year (default quarter)') }),
  forecast: z.strictObject({
    ...SOURCE_PARAMS,
    ...bootstrapParams('forecast', budgetMs, ForecastOptionsSchema.shape.level),
    horizon: num(ForecastOptionsSchema.shape.horizon).describe('months to forecast (default 12)'),
    holdout: num(ForecastOptionsSchema.shape.holdout).describe('months held out for the backtest (default 6)'),
  }),
});
export type TrendQuerySchemas = ReturnType<typeof trendQuerySchemas>;

/** What every answer says of its listings. */
const SourceFields = {
  source: z.enum(['store', 'simulated']).describe('where the listings came from'),
  sim_seed: z.number().int().optional().describe('the simulator\'s seed, with the simulated source'),
  listings: z.number().int().describe('the listings analysed (every tier, with the attribute or not)'),
  matching: z.number().int().describe('those of them with the attribute'),
};
const BootstrapFields = { replicates: z.number().int().describe('bootstrap replicates used'), seed: z.number().int().describe('bootstrap seed used') };

export const AdoptionResponseSchema = z.object({ ...SourceFields, ...AdoptionReportSchema.shape });
export const OnsetResponseSchema = z.object({ ...SourceFields, ...BootstrapFields, ...OnsetReportSchema.shape });
export const LagResponseSchema = z.object({
  ...SourceFields,
  ...BootstrapFields,
  attribute: z.string(),
  level: z.number(),
  lags: LagReportSchema.describe('for each pair of tiers, the objects `trends lag --json` prints: {attribute, lead, follower, lag_months, ci}'),
});
export const PricesResponseSchema = z.object({ ...SourceFields, ...PricesReportSchema.shape });
export const ForecastResponseSchema = z.object({ ...SourceFields, ...BootstrapFields, ...ForecastReportSchema.shape });
