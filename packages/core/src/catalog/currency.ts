/**
 * Approximate rates to US dollars, for filtering and sorting across currencies only (prices are
 * kept in their own currency). They are round figures of 2023-2026, the years of the seed data's
 * prices (the data converts GBP at about 1.28-1.30, EUR 1.10-1.12, INR 83 per USD); a currency not
 * listed gets no USD figure rather than a guess.
 */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.1,
  GBP: 1.28,
  CHF: 1.13,
  CAD: 0.74,
  AUD: 0.66,
  JPY: 1 / 150,
  CNY: 0.14,
  HKD: 0.128,
  KRW: 1 / 1350,
  INR: 1 / 83,
  SGD: 0.74,
  SEK: 0.095,
  DKK: 0.147,
  AED: 0.272,
};

export function toUsd(price: number | null, currency: string | null): number | null {
  if (price === null || currency === null) return null;
  const rate = USD_PER_UNIT[currency];
  return rate === undefined ? null : Math.round(price * rate * 100) / 100;
}
