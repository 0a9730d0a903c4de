/**
 * Stacking: two or three micro-bags worn at once (a crossbody with a belt bag, a necklace purse
 * with a wristlet), chosen from the best-ranked bags for the outfit.
 *
 * A group qualifies when
 *   - each bag is micro enough to wear beside others: front face (sqrt(w x h)) at most 170 mm;
 *   - each can be worn a different way, at its own height on the body (necklace at the chest,
 *     shoulder under the arm, crossbody at the hip, belt at the waist, wrist or hand at the hand),
 *     with at most one bag taking a hand; the most hands-free such assignment is kept
 *     (crossbody, belt, necklace, shoulder, wrist, hand, in that order of preference);
 *   - every two of its bags harmonise in colour (style/colour-space.ts: any relation but
 *     "unrelated" hues);
 *   - at most one is a statement piece (a bold colour, a sparkling finish or a print): two
 *     standouts compete.
 * Its value is the mean of its bags' scores times (0.8 + 0.2 x their mean pair score), so a
 * group is only as good as its members and better when their colours agree. The best group by
 * value wins; ties go to the smaller group, then to the bag ids in order, so the choice is
 * deterministic.
 */
import { isMulticolourName } from '../catalog/colours.js';
import type { CatalogBag } from '../model/catalog.js';
import type { StyleStack } from '../model/style.js';
import { pairColours, readColour } from './colour-space.js';
import { frontSize } from './proportion.js';
import { bagRegister } from './surfaces.js';
import { roundPoints } from './weights.js';

type WearMode = CatalogBag['wear_modes'][number];

export const STACK_POOL = 12;
export const STACK_MAX_MM = 170;
const MIN_PAIR_SCORE = 0.45;

const PREFERENCE: readonly WearMode[] = ['crossbody', 'belt', 'necklace', 'shoulder', 'wrist', 'hand'];
const IN_HAND = new Set<WearMode>(['wrist', 'hand']);
const MODE_WORDS: Readonly<Partial<Record<WearMode, string>>> = {
  crossbody: 'crossbody at the hip',
  belt: 'on a belt at the waist',
  necklace: 'as a necklace at the chest',
  shoulder: 'on the shoulder',
  wrist: 'on the wrist',
  hand: 'in the hand',
};

export interface StackCandidate {
  readonly bag: CatalogBag;
  readonly score: number;
}

function statement(bag: CatalogBag): boolean {
  return isMulticolourName(bag.color_name) || bagRegister(bag) === 'sparkle' || readColour(bag.color_hex).bold >= 0.6;
}

/** The most hands-free way to wear each bag differently, or null when there is none. */
export function assignWearModes(bags: readonly CatalogBag[]): WearMode[] | null {
  const options = bags.map((b) => PREFERENCE.filter((m) => b.wear_modes.includes(m)));
  const found: { modes: WearMode[] | null; cost: number } = { modes: null, cost: Infinity };
  const walk = (i: number, chosen: WearMode[], cost: number): void => {
    if (i === bags.length) {
      if (cost < found.cost) Object.assign(found, { modes: [...chosen], cost });
      return;
    }
    for (const m of options[i]!) {
      if (chosen.includes(m)) continue;
      if (IN_HAND.has(m) && chosen.some((c) => IN_HAND.has(c))) continue;
      chosen.push(m);
      walk(i + 1, chosen, cost + PREFERENCE.indexOf(m));
      chosen.pop();
    }
  };
  walk(0, [], 0);
  return found.modes;
}

interface Group {
  readonly members: readonly StackCandidate[];
  readonly modes: readonly WearMode[];
  readonly value: number;
  readonly harmony: number;
}

function evaluate(members: readonly StackCandidate[]): Group | null {
  const bags = members.map((m) => m.bag);
  if (bags.filter(statement).length > 1) return null;
  const pairs: number[] = [];
  for (let i = 0; i < bags.length; i++) {
    for (let j = i + 1; j < bags.length; j++) {
      const a = bags[i]!;
      const b = bags[j]!;
      const print = isMulticolourName(a.color_name) || isMulticolourName(b.color_name);
      const score = print ? 0.5 : pairColours(readColour(a.color_hex), readColour(b.color_hex)).score;
      if (score < MIN_PAIR_SCORE) return null;
      pairs.push(score);
    }
  }
  const modes = assignWearModes(bags);
  if (!modes) return null;
  const harmony = pairs.reduce((s, v) => s + v, 0) / pairs.length;
  const mean = members.reduce((s, m) => s + m.score, 0) / members.length;
  return { members, modes, harmony, value: roundPoints(mean * (0.8 + 0.2 * harmony)) };
}

const groupKey = (g: Group) => g.members.map((m) => m.bag.id).join(',');

function better(a: Group, b: Group): boolean {
  if (a.value !== b.value) return a.value > b.value;
  if (a.members.length !== b.members.length) return a.members.length < b.members.length;
  return groupKey(a) < groupKey(b);
}

/** The best stack among the first STACK_POOL candidates (ranked best first), or null. */
export function chooseStack(ranked: readonly StackCandidate[]): StyleStack | null {
  const pool = ranked.filter((c) => frontSize(c.bag) <= STACK_MAX_MM).slice(0, STACK_POOL);
  let g: Group | null = null;
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const groups = [[pool[i]!, pool[j]!], ...pool.slice(j + 1).map((k) => [pool[i]!, pool[j]!, k])];
      for (const members of groups) {
        const candidate = evaluate(members);
        if (candidate && (!g || better(candidate, g))) g = candidate;
      }
    }
  }
  if (!g) return null;
  const chosen: Group = g;
  const worn = chosen.members.map((m, i) => `${m.bag.brand} ${m.bag.model} ${MODE_WORDS[chosen.modes[i]!]}`);
  const standout = chosen.members.find((m) => statement(m.bag));
  return {
    bags: chosen.members.map((m, i) => ({ bag_id: m.bag.id, wear_mode: chosen.modes[i]! })),
    score: chosen.value,
    why: [
      `Wear ${worn.join(', ')}: each at its own height, ${chosen.members.length === 2 ? 'both' : 'all'} worn differently.`,
      `Their colours agree (mean pair score ${roundPoints(chosen.harmony)}: no clashing hues between them).`,
      standout ? `${standout.bag.brand} ${standout.bag.model} is the one standout; the others stay quiet.` : 'None shouts: a quiet, tonal stack.',
    ],
  };
}
