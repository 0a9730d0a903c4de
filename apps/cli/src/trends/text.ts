/** The readable (non --json) output of `micropurse trends`: tables and sparklines. */
import { seasonPeak, type AdoptionCurve, type Onset, type PriceBand, type TierForecast, type TierLag } from '@micropurse/core';
import { pct, sparkline, table } from './sparkline.js';

const round = (v: number, digits: number): string => (Math.round(v * 10 ** digits) / 10 ** digits).toFixed(digits);

export function adoptionText(label: string, curves: readonly AdoptionCurve[]): string[] {
  const months = curves[0]?.points.map((p) => p.month) ?? [];
  const out = [`${label}: share of each tier's new listings, ${months[0] ?? ''} to ${months[months.length - 1] ?? ''} (one character a month, 0-100%)`, ''];
  const named = table(curves.map((c) => [c.tier, sparkline(c.points.map((p) => p.share), 0, 1)]));
  out.push(...named.map((l) => `  ${l}`), '');
  const rows: string[][] = [['month', ...curves.map((c) => `${c.tier} share (k/n) [95% CI]`)]];
  months.forEach((month, i) => {
    rows.push([
      month,
      ...curves.map((c) => {
        const p = c.points[i]!;
        return p.share === null || p.ci === null ? '-  (0 listings)' : `${pct(p.share)}  (${p.k}/${p.n})  [${pct(p.ci[0])}-${pct(p.ci[1])}]`;
      }),
    ]);
  });
  out.push(...table(rows));
  return out;
}

export function onsetText(label: string, share: number, level: number, onsets: readonly Onset[]): string[] {
  const out = [`${label}: when each tier's share (pooled over neighbouring months) first reached ${pct(share)}, with a ${pct(level)} bootstrap interval`, ''];
  const rows = onsets.map((o) => [
    o.tier,
    o.month ?? 'not reached',
    `[${o.ci[0] ?? 'after the data'} to ${o.ci[1] ?? 'after the data'}]`,
    `reached in ${pct(o.crossed)} of replicates`,
  ]);
  out.push(...table(rows).map((l) => `  ${l}`));
  return out;
}

export function lagText(label: string, level: number, lags: readonly TierLag[]): string[] {
  const out = [`${label}: how far each tier runs behind (months; ${pct(level)} bootstrap interval)`, ''];
  for (const l of lags) {
    if (l.lag_months === null) out.push(`  ${l.lead} / ${l.follower}: no lag measured`);
    else out.push(`  ${l.follower} follows ${l.lead} by ${round(l.lag_months, 1)} months${l.ci ? `  [${round(l.ci[0], 1)} to ${round(l.ci[1], 1)}]` : ''}`);
    if (l.note) out.push(`      note: ${l.note}`);
  }
  return out;
}

export function pricesText(label: string, bands: readonly PriceBand[]): string[] {
  const out = [`${label}: price quartiles of the listings with it, per tier and currency (never converted)`];
  if (bands.length === 0) out.push('', '  no matching listings');
  for (const b of bands) {
    const top = Math.max(...b.points.map((p) => p.q3));
    out.push('', `  ${b.tier}, ${b.currency}  median ${sparkline(b.points.map((p) => p.median), 0, top)}`);
    const rows = [['period', 'n', 'q1', 'median', 'q3'], ...b.points.map((p) => [p.period, String(p.n), round(p.q1, 2), round(p.median, 2), round(p.q3, 2)])];
    out.push(...table(rows).map((l) => `    ${l}`));
  }
  return out;
}

export function forecastText(label: string, level: number, tiers: readonly TierForecast[], history: readonly AdoptionCurve[]): string[] {
  const out = [`${label}: Bass diffusion fit and forecast per tier (${pct(level)} prediction interval)`];
  for (const t of tiers) {
    out.push('', `  ${t.tier}`);
    if (t.fit === null) {
      out.push(`    no fit: ${t.note ?? 'too few listings'}`);
      continue;
    }
    const f = t.fit;
    const iv = t.intervals;
    const ci = (x: readonly [number, number] | undefined, d: number) => (x ? ` [${round(x[0], d)}-${round(x[1], d)}]` : '');
    out.push(`    p ${round(f.p, 3)}${ci(iv?.p, 3)}  q ${round(f.q, 3)}${ci(iv?.q, 3)}  m ${pct(f.m, 1)}${iv ? ` [${pct(iv.m[0], 1)}-${pct(iv.m[1], 1)}]` : ''}  half-adopted ${t.half_month}`);
    const season = seasonPeak(f.seasonal);
    if (season.amplitude > 0) out.push(`    season: ±${pct(season.amplitude)} around the curve, peak in calendar month ${round(season.peak, 1)}`);
    out.push(`    fit rmse ${pct(f.rmse, 1)} over ${f.months} months, ${f.listings} listings`);
    const b = t.backtest;
    if (b) {
      const e = (x: { mae: number | null; mape: number | null; months: number }) =>
        x.mae === null ? 'n/a' : `MAE ${pct(x.mae, 1)}  MAPE ${x.mape === null ? 'n/a' : `${round(x.mape, 1)}%`}`;
      out.push(`    backtest, last ${b.holdout} months held out (${b.bass.months} scored): Bass ${e(b.bass)}; seasonal-naive ${e(b.seasonal_naive)}`);
    }
    const past = history.find((h) => h.tier === t.tier)?.points.map((p) => p.share) ?? [];
    out.push(`    ${sparkline(past, 0, 1)}|${sparkline(t.forecast.map((p) => p.share), 0, 1)}   (history | forecast)`);
    const rows = t.forecast.map((p) => [p.month, pct(p.share, 1), `[${pct(p.lo, 1)}-${pct(p.hi, 1)}]`]);
    out.push(...table(rows).map((l) => `    ${l}`));
  }
  return out;
}
