/**
 * `micropurse trends`: the trickle-down of an attribute from luxury to contemporary to fast
 * fashion, over dated listings (a listings CSV with --listings, else the store's listings):
 *   adoption  its share of each tier's new listings, month by month, with counts and intervals
 *   onset     the month each tier's share first reached --share, with a bootstrap interval
 *   lag       how far each tier runs behind the others, with a bootstrap interval
 *   prices    price quartiles per tier, currency and period
 *   forecast  a Bass diffusion fit per tier, its forecast with an interval, and its backtest
 *   simulate  a synthetic listings file with a planted trend (trends/simulate.ts)
 * --json prints the core's report (core trends/report.ts; GET /v1/trends/... answers the same);
 * the contract (CONTRACTS.md) is `trends lag --json`: a JSON array with one {attribute, lead,
 * follower, lag_months, ci} a pair of tiers.
 */
import type { Command } from 'commander';
import {
  ForecastOptionsSchema,
  LagOptionsSchema,
  OnsetOptionsSchema,
  PricePeriodSchema,
  adoption,
  adoptionReport,
  forecast,
  forecastReport,
  lag,
  lagReport,
  onset,
  onsetReport,
  parseTrendQuery,
  prices,
  pricesReport,
  type TrendListing,
  type TrendQuery,
} from '@micropurse/core';
import { BOOTSTRAP_FLAGS, integerFlag, numberFlag, parseWith } from '../trends/flags.js';
import { loadListings, type SourceOpts } from '../trends/load.js';
import { runSimulate, type SimulateOpts } from '../trends/simulate.js';
import { adoptionText, forecastText, lagText, onsetText, pricesText } from '../trends/text.js';

interface CommonOpts extends SourceOpts {
  attribute: string;
  json?: boolean;
  replicates?: number;
  seed?: number;
  level?: number;
}

type Run<O> = (listings: TrendListing[], query: TrendQuery, opts: O) => { json: unknown; text: string[] };

const bootstrapOf = (o: CommonOpts) => ({ replicates: o.replicates, seed: o.seed, level: o.level });
const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function subcommand<O extends CommonOpts>(parent: Command, name: string, description: string, run: Run<O>, extra: (c: Command) => Command = (c) => c): void {
  const c = parent
    .command(name)
    .description(description)
    .requiredOption('--attribute <KEY=VALUE>', 'the attribute, or a combination "size=micro,finish=metallic"')
    .option('--listings <file>', 'a listings CSV (date,tier,price,currency, attribute columns); default: the store')
    .option('--strict', 'fail on any bad row of the listings file instead of leaving it out')
    .option('--json', 'print JSON on stdout');
  extra(c).action(async (opts: O) => {
    const query = parseTrendQuery(opts.attribute, '--attribute');
    const listings = await loadListings(opts, query, (s) => process.stderr.write(s));
    const out = run(listings, query, opts);
    process.stdout.write(opts.json ? `${JSON.stringify(out.json)}\n` : `${out.text.join('\n')}\n`);
  });
}

const withBootstrap = (c: Command): Command =>
  c
    .option('--replicates <n>', 'bootstrap replicates (20-5000)', integerFlag('--replicates'))
    .option('--seed <n>', 'bootstrap seed (same seed, same interval)', integerFlag('--seed'))
    .option('--level <x>', 'interval level, e.g. 0.95', numberFlag('--level'));

export function registerTrends(program: Command): void {
  const trends = program.command('trends').description('the trickle-down of an attribute from luxury to fast fashion: adoption, onset, lag, prices, forecast, simulate');

  subcommand(trends, 'adoption', "an attribute's share of each tier's new listings per month, with counts and 95% Wilson intervals", (listings, query) => {
    const curves = adoption(listings, query);
    return { json: adoptionReport(query.label, curves), text: adoptionText(query.label, curves) };
  });

  subcommand<CommonOpts & { share?: number; window?: number }>(
    trends,
    'onset',
    "the month each tier's share first reached --share, with a bootstrap interval",
    (listings, query, o) => {
      const options = parseWith(OnsetOptionsSchema, defined({ ...bootstrapOf(o), share: o.share, window: o.window }), { ...BOOTSTRAP_FLAGS, share: '--share', window: '--window' }, 'options');
      const onsets = onset(listings, query, options);
      return { json: onsetReport(query.label, options, onsets), text: onsetText(query.label, options.share, options.level, onsets) };
    },
    (c) => withBootstrap(c.option('--share <x>', 'the share to reach, 0-1 (default 0.2)', numberFlag('--share')).option('--window <months>', 'months pooled around each month (default 3)', integerFlag('--window'))),
  );

  subcommand<CommonOpts>(
    trends,
    'lag',
    'how many months each tier runs behind the others, with a bootstrap interval',
    (listings, query, o) => {
      const options = parseWith(LagOptionsSchema, defined(bootstrapOf(o)), BOOTSTRAP_FLAGS, 'options');
      const lags = lag(listings, query, options);
      return { json: lagReport(lags), text: lagText(query.label, options.level, lags) };
    },
    withBootstrap,
  );

  subcommand<CommonOpts & { period?: string }>(
    trends,
    'prices',
    'median and quartiles of price per tier, currency and period',
    (listings, query, o) => {
      const period = parseWith(PricePeriodSchema, o.period ?? 'quarter', {}, '--period');
      const bands = prices(listings, query, period);
      return { json: pricesReport(query.label, period, bands), text: pricesText(query.label, bands) };
    },
    (c) => c.option('--period <p>', 'month, quarter or year (default quarter)'),
  );

  subcommand<CommonOpts & { horizon?: number; holdout?: number }>(
    trends,
    'forecast',
    'a Bass diffusion fit per tier with a forecast, its interval and a backtest against seasonal-naive',
    (listings, query, o) => {
      const options = parseWith(ForecastOptionsSchema, defined({ ...bootstrapOf(o), horizon: o.horizon, holdout: o.holdout }), { ...BOOTSTRAP_FLAGS, horizon: '--horizon', holdout: '--holdout' }, 'options');
      const tiers = forecast(listings, query, options);
      return { json: forecastReport(query.label, options.level, tiers), text: forecastText(query.label, options.level, tiers, adoption(listings, query)) };
    },
    (c) =>
      withBootstrap(
        c.option('--horizon <months>', 'months to forecast (default 12)', integerFlag('--horizon')).option('--holdout <months>', 'months held out for the backtest (default 6)', integerFlag('--holdout')),
      ),
  );

  trends
    .command('simulate')
    .description('write a synthetic listings CSV with a planted trend (Bass curves per tier, onset lags, seasonality, noise)')
    .option('--out <file>', 'the listings CSV to write (required)')
    .option('--truth <file>', 'also write the configuration and planted truth as JSON')
    .option('--config <file>', 'a JSON simulation configuration; the flags below override it')
    .option('--seed <n>', 'random seed (default 1)', integerFlag('--seed'))
    .option('--months <n>', 'months to simulate (default 48)', integerFlag('--months'))
    .option('--start <yyyy-mm>', 'first month (default 2021-01)')
    .option('--scale <x>', 'multiply every tier\'s listings a month (default 1: 100, 200, 400)', numberFlag('--scale'))
    .option('--attribute <KEY=VALUE>', 'the planted attribute (default size=micro)')
    .option('--lag <months>', 'months between the tiers\' onsets (default 6)', numberFlag('--lag'))
    .option('--p <x>', 'Bass innovation coefficient of every tier (default 0.03)', numberFlag('--p'))
    .option('--q <x>', 'Bass imitation coefficient of every tier (default 0.4)', numberFlag('--q'))
    .option('--json', 'print a JSON summary on stdout')
    .action((opts: SimulateOpts) => runSimulate(opts));
}
