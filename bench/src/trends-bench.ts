/**
 * npm run bench:trends: how well the trend analytics recover the simulator's planted truth, and
 * how the error grows as the samples shrink.
 *
 * Scenario: the simulator's defaults (size=micro; Bass p 0.03, q 0.4 in every tier; onsets 6
 * months apart; 48 months; +-10% season in the share; Beta-binomial months, concentration 400),
 * at volume scales from 4x to 1/8x of the defaults (100, 200 and 400 listings a month in luxury,
 * contemporary and fast fashion), BENCH_SEEDS seeds (default 12) each. Per scale:
 * - lag: |estimated - planted| months over every pair of tiers, median, 90th percentile and max;
 *   the share within one month; the coverage of the 95% bootstrap interval (BENCH_REPLICATES,
 *   default 60, replicates each);
 * - p, q, m: |estimated - planted| of each tier's own Bass fit, median and 90th percentile;
 * - the time per analysis (simulation excluded).
 * Fixed seeds, so the figures repeat; a warm-up run first so the JIT is not billed to the first
 * scale; the commit is printed with the figures.
 */
import { performance } from 'node:perf_hooks';
import { fitBass, lag, parseTrendQuery, seriesOf, simulate, tally } from '@micropurse/core';
import { gitCommit } from './bench-env.js';

const SEEDS = Number(process.env['BENCH_SEEDS'] ?? 12);
const REPLICATES = Number(process.env['BENCH_REPLICATES'] ?? 60);
const SCALES = [4, 2, 1, 0.5, 0.25, 0.125];
const QUERY = parseTrendQuery('size=micro');

interface Row {
  scale: number;
  perMonth: string;
  lag: number[];
  covered: number;
  timed: number;
  p: number[];
  q: number[];
  m: number[];
  ms: number;
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

function run(scale: number): Row {
  const row: Row = { scale, perMonth: [100, 200, 400].map((n) => Math.round(n * scale)).join('/'), lag: [], covered: 0, timed: 0, p: [], q: [], m: [], ms: 0 };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { listings, truth } = simulate({ seed, scale });
    const planted = truth[0]!;
    const t0 = performance.now();
    const lags = lag(listings, QUERY, { replicates: REPLICATES, seed });
    const grid = tally(listings, QUERY);
    const fits = grid.tiers.map((c) => fitBass(seriesOf(c, grid.first)));
    row.ms += performance.now() - t0;
    for (const l of lags) {
      row.timed++;
      const p = planted.lags.find((x) => x.lead === l.lead && x.follower === l.follower) ?? planted.lags.find((x) => x.lead === l.follower && x.follower === l.lead)!;
      // A pair reported the wrong way round is an error of the whole lag and more.
      const estimate = l.lag_months === null ? NaN : p.lead === l.lead ? l.lag_months : -l.lag_months;
      row.lag.push(Number.isNaN(estimate) ? Infinity : Math.abs(estimate - p.half_lag));
      if (l.ci && p.lead === l.lead && l.ci[0] <= p.half_lag && p.half_lag <= l.ci[1]) row.covered++;
    }
    fits.forEach((f, i) => {
      const c = planted.tiers[i]!;
      if (!f.ok) return;
      row.p.push(Math.abs(f.fit.p - c.p));
      row.q.push(Math.abs(f.fit.q - c.q));
      row.m.push(Math.abs(f.fit.m - c.m));
    });
  }
  return row;
}

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'none');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'none');

run(0.25); // warm-up
console.log(`trends bench: commit ${gitCommit()}, ${SEEDS} seeds a scale, ${REPLICATES} bootstrap replicates, node ${process.version}`);
console.log('planted: size=micro, p 0.03, q 0.4, m 0.55/0.45/0.6, lags 6/12/6 months\n');
const header = ['scale', 'listings/month', 'lag err med', 'p90', 'max', '<=1 mo', 'CI cover', 'p err med', 'p90', 'q err med', 'p90', 'm err med', 'p90', 'ms/analysis'];
const rows = SCALES.map(run).map((r) => [
  `${r.scale}x`,
  r.perMonth,
  f2(quantile(r.lag, 0.5)),
  f2(quantile(r.lag, 0.9)),
  f2(Math.max(...r.lag)),
  `${Math.round((100 * r.lag.filter((e) => e <= 1).length) / r.timed)}%`,
  `${Math.round((100 * r.covered) / r.timed)}%`,
  f3(quantile(r.p, 0.5)),
  f3(quantile(r.p, 0.9)),
  f3(quantile(r.q, 0.5)),
  f3(quantile(r.q, 0.9)),
  f3(quantile(r.m, 0.5)),
  f3(quantile(r.m, 0.9)),
  String(Math.round(r.ms / SEEDS)),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
