/**
 * The one weights table of the styling score.
 *
 * Every component rates a bag in [0, 1] (`raw`, 0.5 meaning "neither helps nor hurts"); its
 * points are weight x raw, and a bag's score is the sum of the points: 0-100, since the weights
 * sum to 100. The weights say how much each rule of the trend moves a recommendation:
 *
 * | component    | weight | what it rewards                                                        |
 * | ------------ | -----: | ---------------------------------------------------------------------- |
 * | occasion     |     30 | a finish and a way of wearing that suit the occasion (sparkle at night) |
 * | colour       |     20 | the standout against a quiet outfit; harmony with a coloured one        |
 * | proportion   |     20 | a bag much smaller than a voluminous outfit (micro with oversized)      |
 * | texture      |     15 | a surface that contrasts with the outfit's materials                    |
 * | practicality |     15 | a detachable strap, several ways to wear it, room for the kit           |
 *
 * Occasion weighs most because a wrong register (canvas at a gala, crystal at the office) is the
 * mistake people notice first. Colour and texture share the "standout piece" between them (a
 * bold colour, or an unusual texture such as beads or crystal), so neither alone outweighs the
 * occasion.
 */
import type { ComponentName } from '../model/style.js';

export const WEIGHTS: Readonly<Record<ComponentName, number>> = {
  proportion: 20,
  occasion: 30,
  colour: 20,
  texture: 15,
  practicality: 15,
};

/** The highest score a bag can reach: the sum of the weights. */
export const MAX_SCORE = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

/** Points and scores are reported to two decimals; ranking uses the reported figures, then the bag id. */
export function roundPoints(v: number): number {
  return Math.round(v * 100) / 100;
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** A rule's rating of one bag: `raw` in [0, 1] and one sentence for people saying why. */
export interface Rating {
  readonly raw: number;
  readonly why: string;
}
