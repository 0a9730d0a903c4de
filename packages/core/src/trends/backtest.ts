/**
 * The forecast's backtest: the last `holdout` months are hidden, the Bass curve is fitted to the
 * months before them and its forecast compared with what the hidden months show, beside the
 * seasonal-naive forecast (each hidden month predicted by the same calendar month of the latest
 * year before the cut, Hyndman and Athanasopoulos, FPP3 5.2), the baseline a model has to beat.
 * Both are scored over the same hidden months: those with listings and a baseline value (all
 * hidden months with listings when no baseline exists). MAE is in share (0..1); MAPE is in
 * percent over the months whose share is not 0 (a percentage of 0 is undefined).
 */
import type { Backtest, BassParams } from '../model/trends.js';
import { fitBass } from './bass-fit.js';
import { predictShare } from './forecast-curve.js';
import { seriesOf, type TierCells } from './cells.js';

function errors(actual: readonly number[], predicted: readonly number[]): { mae: number | null; mape: number | null; months: number } {
  if (actual.length === 0) return { mae: null, mape: null, months: 0 };
  const mae = actual.reduce((s, y, i) => s + Math.abs(y - predicted[i]!), 0) / actual.length;
  const nonzero = actual.map((y, i) => [y, predicted[i]!] as const).filter(([y]) => y > 0);
  const mape = nonzero.length === 0 ? null : (100 * nonzero.reduce((s, [y, f]) => s + Math.abs(y - f) / y, 0)) / nonzero.length;
  return { mae, mape, months: actual.length };
}

/** The seasonal-naive value for month t: the latest same-season month with listings at or before `cut`. */
function seasonalNaive(cells: TierCells, t: number, cut: number, season: number): number | null {
  for (let u = t - season; u >= 0; u -= season) {
    if (u <= cut && cells.n[u]! > 0) return cells.k[u]! / cells.n[u]!;
  }
  return null;
}

export function backtest(cells: TierCells, first: number, holdout: number, season: number): Backtest | null {
  const last = cells.n.length - 1;
  const cut = last - holdout;
  if (cut < 0) return null;
  const fit = fitBass(seriesOf(cells, first, cut));
  const hidden: number[] = [];
  for (let t = cut + 1; t <= last; t++) if (cells.n[t]! > 0) hidden.push(t);
  const withBaseline = hidden.filter((t) => seasonalNaive(cells, t, cut, season) !== null);
  const months = withBaseline.length > 0 ? withBaseline : hidden;
  const actual = months.map((t) => cells.k[t]! / cells.n[t]!);
  const bass = fit.ok ? errors(actual, months.map((t) => predictShare(fit.fit as BassParams, t, first))) : errors([], []);
  const naive = withBaseline.length > 0 ? errors(actual, months.map((t) => seasonalNaive(cells, t, cut, season)!)) : errors([], []);
  return { holdout, bass, seasonal_naive: naive };
}
