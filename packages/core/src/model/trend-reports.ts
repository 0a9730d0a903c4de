/**
 * The trend analyses as `micropurse trends ... --json` prints them and `GET /v1/trends/...`
 * answers them (trends/report.ts makes them): the core results with their figures rounded for
 * reading (shares to 4 decimals, months to 2), under the attribute's label.
 */
import { z } from 'zod';
import { AdoptionCurveSchema, OnsetSchema, PriceBandSchema, PricePeriodSchema, TierForecastSchema, TierLagSchema } from './trends.js';

export const AdoptionReportSchema = z.object({ attribute: z.string(), curves: z.array(AdoptionCurveSchema) });
export type AdoptionReport = z.infer<typeof AdoptionReportSchema>;

export const OnsetReportSchema = z.object({ attribute: z.string(), share: z.number(), level: z.number(), onsets: z.array(OnsetSchema) });
export type OnsetReport = z.infer<typeof OnsetReportSchema>;

/** The machine contract of `trends lag --json`: one object a pair of tiers. */
export const LagReportSchema = z.array(TierLagSchema);
export type LagReport = z.infer<typeof LagReportSchema>;

export const PricesReportSchema = z.object({ attribute: z.string(), period: PricePeriodSchema, bands: z.array(PriceBandSchema) });
export type PricesReport = z.infer<typeof PricesReportSchema>;

export const ForecastReportSchema = z.object({ attribute: z.string(), level: z.number(), tiers: z.array(TierForecastSchema) });
export type ForecastReport = z.infer<typeof ForecastReportSchema>;
