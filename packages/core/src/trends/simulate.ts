/**
 * A synthetic market with a planted ground truth, to test the analytics against what they should
 * find. Month by month (t = 0 at `start`) and tier by tier:
 * - the number of new listings is Poisson around the tier's volume x scale, lifted by a yearly
 *   cycle 1 + a cos(2 pi (calendar month - peak) / 12);
 * - each planted attribute's share is its Bass curve m F(t - onset; p, q) (bass.ts) times the same
 *   kind of yearly cycle, and the month's actual share is drawn from a Beta around it with the
 *   given concentration (months vary more than binomial sampling alone: real catalogs are lumpy);
 * - each listing then carries the planted value with that probability, and otherwise a value of
 *   the same key drawn from the background mix without it; its other attributes come from fixed
 *   background mixes (BACKGROUND), its price is log-normal around its currency's median.
 * Pure and seeded: the same config gives the same listings. The truth returned is the planted
 * curves, their half-saturation months and the lags between tiers they imply.
 */
import {
  SimulationConfigSchema,
  TREND_TIERS,
  type PlantedAttribute,
  type PlantedTruth,
  type SimulationConfigInput,
  type Tier,
  type TrendListing,
} from '../model/trends.js';
import { bassF, bassHalfTime } from './bass.js';
import { calendarMonth, monthIndex, monthLabel } from './months.js';
import { beta, childSeed, createRng, normal, poisson, weightedIndex, type Rng } from './random.js';

/** The background mix of each attribute (value: weight); wear draws one to three modes. */
export const BACKGROUND: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  size: { micro: 10, mini: 45, small: 45 },
  novelty: { false: 92, true: 8 },
  finish: { matte: 60, metallic: 12, glitter: 8, patent: 8, crystal: 5, beaded: 4, pearlescent: 3 },
  colour: { black: 30, white: 10, brown: 12, beige: 10, pink: 10, red: 7, blue: 7, green: 5, multicolour: 5, yellow: 4 },
  wear: { crossbody: 40, shoulder: 25, hand: 25, wrist: 5, belt: 3, necklace: 1, 'bag-charm': 1 },
  category: { bag: 85, 'micro-wallet': 8, 'bag-charm': 4, pouch: 3 },
};

export interface Simulation {
  readonly listings: TrendListing[];
  readonly truth: PlantedTruth[];
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(index: number): number {
  const year = Math.floor(index / 12);
  const month = calendarMonth(index);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

function draw(rng: Rng, mix: Readonly<Record<string, number>>, without?: string): string {
  const entries = Object.entries(mix).filter(([v]) => v !== without);
  return entries[weightedIndex(rng, entries.map(([, w]) => w))]![0];
}

function background(rng: Rng): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  for (const [key, mix] of Object.entries(BACKGROUND)) {
    if (key !== 'wear') attributes[key] = [draw(rng, mix)];
  }
  const modes = new Set<string>();
  const count = 1 + Math.floor(rng.next() * 3);
  while (modes.size < count) modes.add(draw(rng, BACKGROUND['wear']!));
  attributes['wear'] = [...modes];
  return attributes;
}

export function plantedTruth(a: PlantedAttribute): PlantedTruth {
  const tiers = TREND_TIERS.map((tier) => ({ tier, ...a.tiers[tier], t_half: bassHalfTime({ ...a.tiers[tier], t0: a.tiers[tier].onset }) }));
  const lags: PlantedTruth['lags'] = [];
  for (let i = 0; i < tiers.length; i++) {
    for (let j = i + 1; j < tiers.length; j++) {
      const [lead, follower] = tiers[i]!.t_half <= tiers[j]!.t_half ? [tiers[i]!, tiers[j]!] : [tiers[j]!, tiers[i]!];
      lags.push({ lead: lead.tier, follower: follower.tier, onset_lag: follower.onset - lead.onset, half_lag: follower.t_half - lead.t_half });
    }
  }
  return { attribute: `${a.key}=${a.value}`, tiers, lags };
}

export function simulate(input: SimulationConfigInput = {}): Simulation {
  const c = SimulationConfigSchema.parse(input);
  const start = monthIndex(c.start);
  const listings: TrendListing[] = [];
  const cycle = (t: number, amplitude: number) => 1 + amplitude * Math.cos((2 * Math.PI * (calendarMonth(start + t) - c.seasonality.peak)) / 12);
  TREND_TIERS.forEach((tier: Tier, tierIndex) => {
    const rng = createRng(childSeed(c.seed, tierIndex));
    const spec = c.tiers[tier];
    for (let t = 0; t < c.months; t++) {
      const n = poisson(rng, spec.listings_per_month * c.scale * cycle(t, c.seasonality.volume));
      const shares = c.planted.map((a) => {
        const curve = a.tiers[tier];
        const mean = Math.min(0.999, curve.m * bassF(t - curve.onset, curve.p, curve.q) * cycle(t, c.seasonality.share));
        return c.concentration === null || mean <= 0 ? mean : beta(rng, c.concentration * mean, c.concentration * (1 - mean));
      });
      for (let i = 0; i < n; i++) {
        const attributes = background(rng);
        c.planted.forEach((a, j) => {
          const mix = BACKGROUND[a.key];
          if (rng.next() < shares[j]!) attributes[a.key] = [a.value];
          else if (attributes[a.key]?.includes(a.value) || mix === undefined) attributes[a.key] = mix ? [draw(rng, mix, a.value)] : [];
        });
        const price = spec.prices[weightedIndex(rng, spec.prices.map((p) => p.weight))]!;
        const day = 1 + Math.floor(rng.next() * daysIn(start + t));
        listings.push({
          date: `${monthLabel(start + t)}-${String(day).padStart(2, '0')}`,
          tier,
          price: Math.round(price.median * Math.exp(spec.spread * normal(rng)) * 100) / 100,
          currency: price.currency,
          attributes,
        });
      }
    }
  });
  listings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : TREND_TIERS.indexOf(a.tier) - TREND_TIERS.indexOf(b.tier)));
  return { listings, truth: c.planted.map(plantedTruth) };
}
