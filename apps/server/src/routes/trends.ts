/**
 * GET /v1/trends/{adoption,onset,lag,prices,forecast}: the trickle-down of an attribute from
 * luxury to fast fashion, the answers `micropurse trends ... --json` prints (core trends/report.ts)
 * under where the listings came from. The listings are the store's (each dated listing with its
 * bag's attributes, store trendListingsFromStore) or, with demo=1 or source=simulated, the
 * simulator's market with its planted trend (core simulate, seed sim_seed), so that a fresh store
 * has a Trends page to show. A store without listings is a 404; an attribute key no listing has,
 * a 422 listing the keys there are. Bootstraps are capped (schemas/trends.ts).
 */
import {
  adoption,
  adoptionReport,
  assertKnownAttributes,
  forecast,
  forecastReport,
  lag,
  lagReport,
  matchesQuery,
  onset,
  onsetReport,
  parseTrendQuery,
  prices,
  pricesReport,
  simulate,
  type TrendListing,
  type TrendQuery,
} from '@micropurse/core';
import { trendListingsFromStore, type Store } from '@micropurse/store';
import { HttpProblem, problemResponses } from '../problems.js';
import {
  AdoptionResponseSchema,
  ForecastResponseSchema,
  LagResponseSchema,
  OnsetResponseSchema,
  PricesResponseSchema,
  defaultReplicates,
  replicatesCap,
  trendQuerySchemas,
} from '../schemas/trends.js';
import type { App, RouteDeps } from '../types.js';

/** The source fields every trends query has. */
interface SourceQuery {
  readonly attribute: string;
  readonly source?: 'store' | 'simulated' | undefined;
  readonly demo?: boolean | undefined;
  readonly sim_seed?: number | undefined;
}

interface Loaded {
  readonly source: 'store' | 'simulated';
  readonly sim_seed?: number;
  readonly listings: TrendListing[];
}

/** The simulated markets last asked for, by seed: a market takes about a quarter of a second to simulate. */
const SIMULATIONS_KEPT = 4;
const DEFAULT_SIM_SEED = 1;

function listingSource(store: Store) {
  const simulations = new Map<number, TrendListing[]>();
  const simulated = (seed: number): TrendListing[] => {
    let listings = simulations.get(seed);
    if (listings) simulations.delete(seed);
    else listings = simulate({ seed }).listings;
    // Most recent last: a Map iterates in insertion order, so the first key is the oldest.
    simulations.set(seed, listings);
    if (simulations.size > SIMULATIONS_KEPT) simulations.delete(simulations.keys().next().value!);
    return listings;
  };

  return async (q: SourceQuery): Promise<Loaded> => {
    if (q.demo === true && q.source === 'store') {
      throw new HttpProblem(400, 'invalid-request', 'Invalid request', 'demo=1 asks for the simulated listings and source=store for the store\'s: name one.', { field: 'demo' });
    }
    const source = q.demo === true ? 'simulated' : (q.source ?? 'store');
    if (source === 'simulated') {
      const seed = q.sim_seed ?? DEFAULT_SIM_SEED;
      return { source, sim_seed: seed, listings: simulated(seed) };
    }
    if (q.sim_seed !== undefined) {
      throw new HttpProblem(400, 'invalid-request', 'Invalid request', 'sim_seed seeds the simulated listings: it needs source=simulated or demo=1.', { field: 'sim_seed' });
    }
    const listings = await trendListingsFromStore(store);
    if (listings.length === 0) {
      throw new HttpProblem(
        404,
        'not-found',
        'No listings',
        'The store has no dated listings yet: import feeds with POST /v1/imports?seen=yyyy-mm-dd (or `micropurse import FILE --seen yyyy-mm-dd`), or ask for the simulated market with demo=1.',
        { field: 'source' },
      );
    }
    return { source, listings };
  };
}

/** The listings for a query, checked against its attribute keys, and what the answer says of them. */
async function prepare(load: (q: SourceQuery) => Promise<Loaded>, q: SourceQuery) {
  const query: TrendQuery = parseTrendQuery(q.attribute, 'attribute');
  const loaded = await load(q);
  assertKnownAttributes(loaded.listings, query, 'attribute');
  const head = {
    source: loaded.source,
    ...(loaded.sim_seed === undefined ? {} : { sim_seed: loaded.sim_seed }),
    listings: loaded.listings.length,
    matching: loaded.listings.reduce((n, l) => n + (matchesQuery(l, query) ? 1 : 0), 0),
  };
  return { query, listings: loaded.listings, head };
}

const DESCRIPTION_TAIL =
  ' Over the store\'s listings, or the simulated market with demo=1 (or source=simulated&sim_seed=N). ' +
  'A store without listings is a 404; an attribute no listing has is a 422 listing those there are (also as `candidates`).';
const ERRORS = problemResponses(400, 404, 422, 429);

export function trendsRoutes(app: App, { store, config }: RouteDeps): void {
  const load = listingSource(store);
  const schemas = trendQuerySchemas(config.budgetMs);
  const replicates = (kind: 'onset' | 'lag' | 'forecast', asked: number | undefined) => asked ?? defaultReplicates(replicatesCap(kind, config.budgetMs));

  app.get(
    '/v1/trends/adoption',
    {
      schema: {
        tags: ['trends'],
        summary: "An attribute's share of each tier's new listings, month by month",
        description: 'Each month with its counts (k of n) and a 95% Wilson interval, so that small samples show as such (`trends adoption --json`).' + DESCRIPTION_TAIL,
        querystring: schemas.adoption,
        response: { 200: AdoptionResponseSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { query, listings, head } = await prepare(load, request.query);
      return { ...head, ...adoptionReport(query.label, adoption(listings, query)) };
    },
  );

  app.get(
    '/v1/trends/onset',
    {
      schema: {
        tags: ['trends'],
        summary: "The month each tier's share first reached a share",
        description: 'Pooled over neighbouring months, with a cluster-bootstrap interval (`trends onset --json`).' + DESCRIPTION_TAIL,
        querystring: schemas.onset,
        response: { 200: OnsetResponseSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { query, listings, head } = await prepare(load, request.query);
      const q = request.query;
      const options = { replicates: replicates('onset', q.replicates), seed: q.seed, level: q.level, share: q.share, window: q.window };
      return { ...head, replicates: options.replicates, seed: options.seed, ...onsetReport(query.label, options, onset(listings, query, options)) };
    },
  );

  app.get(
    '/v1/trends/lag',
    {
      schema: {
        tags: ['trends'],
        summary: 'How many months each tier runs behind the others',
        description: 'For each pair of tiers, the objects `trends lag --json` prints ({attribute, lead, follower, lag_months, ci}), with a bootstrap interval.' + DESCRIPTION_TAIL,
        querystring: schemas.lag,
        response: { 200: LagResponseSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { query, listings, head } = await prepare(load, request.query);
      const q = request.query;
      const options = { replicates: replicates('lag', q.replicates), seed: q.seed, level: q.level };
      return { ...head, replicates: options.replicates, seed: options.seed, attribute: query.label, level: options.level, lags: lagReport(lag(listings, query, options)) };
    },
  );

  app.get(
    '/v1/trends/prices',
    {
      schema: {
        tags: ['trends'],
        summary: 'Price quartiles per tier, currency and period',
        description: 'Median and quartiles of the matching listings\' prices, each in its own currency, never converted (`trends prices --json`).' + DESCRIPTION_TAIL,
        querystring: schemas.prices,
        response: { 200: PricesResponseSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { query, listings, head } = await prepare(load, request.query);
      return { ...head, ...pricesReport(query.label, request.query.period, prices(listings, query, request.query.period)) };
    },
  );

  app.get(
    '/v1/trends/forecast',
    {
      schema: {
        tags: ['trends'],
        summary: 'A Bass diffusion fit per tier, its forecast and a backtest',
        description: 'p, q, m with bootstrap intervals, the forecast with its prediction interval, and a backtest on held-out months against seasonal-naive (`trends forecast --json`).' + DESCRIPTION_TAIL,
        querystring: schemas.forecast,
        response: { 200: ForecastResponseSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { query, listings, head } = await prepare(load, request.query);
      const q = request.query;
      const options = { replicates: replicates('forecast', q.replicates), seed: q.seed, level: q.level, horizon: q.horizon, holdout: q.holdout };
      return { ...head, replicates: options.replicates, seed: options.seed, ...forecastReport(query.label, options.level, forecast(listings, query, options)) };
    },
  );
}
