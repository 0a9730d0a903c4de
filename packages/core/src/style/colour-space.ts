/**
 * Colour relations for styling, measured in CIELAB/LCh (culori), never from colour names.
 *
 * Vividness: a colour's chroma as the eye reads it in an outfit. Very dark colours read as
 * neutrals whatever their chroma (navy, bottle green: chroma scaled by L/30 below L 30), and
 * earth tones (hue 40-120, chroma under 40: camel, tan, khaki, olive) are worn as neutrals, so
 * their chroma counts at 60%.
 *   quiet(colour) = 1 at vividness <= 15, 0 at >= 30, linear between;
 *   bold(colour)  = 0 at vividness <= 20, 1 at >= 60, linear between.
 *
 * Pair relation of two colours (a bag and a garment, or two bags), by hue angle and ΔE2000:
 *   both achromatic (chroma < 8)        "tonal neutrals" (ΔE2000 < 25) or "contrasting neutrals"
 *   one achromatic                      "neutral with colour": a neutral lets the colour lead
 *   hue within 20°  and ΔE2000 < 8      "matching": safe, but the bag disappears
 *   hue within 20°                      "tonal": one hue at another lightness or chroma
 *   hue 20-50° apart                    "analogous": neighbours on the wheel
 *   hue 50-110° apart                   "unrelated": no harmony, the two fight
 *   hue 110° or more apart              "complementary": opposites that enliven each other
 * The thresholds follow the usual colour-wheel schemes (analogous within about 30-45°,
 * complementary opposite, give or take a split), widened because fabric dyes are not pure hues
 * and because CIELAB's hue circle is not the painter's: there red sits near 35° and green near
 * 150°, so the stylist's red-and-green opposites are about 115° apart, not 180°.
 */
import { converter, differenceCiede2000 } from 'culori';
import { clamp01 } from './weights.js';

const toLch = converter('lch');
const deltaE = differenceCiede2000();

export interface ColourReading {
  readonly hex: string;
  readonly l: number;
  readonly c: number;
  /** Hue angle in degrees, 0 for achromatic colours. */
  readonly h: number;
  readonly vividness: number;
  /** 1 for a colour worn as a neutral, 0 for a clearly coloured one. */
  readonly quiet: number;
  /** 1 for a saturated colour that can be the standout piece. */
  readonly bold: number;
}

/** Below this chroma a colour has no hue worth comparing (blacks, whites, greys, silver). */
export const ACHROMATIC_C = 8;

export function readColour(hex: string): ColourReading {
  const v = toLch(hex);
  if (!v) throw new RangeError(`not a colour: ${hex}`);
  const h = v.h ?? 0;
  const dark = Math.min(1, v.l / 30);
  const earth = h >= 40 && h < 120 && v.c < 40 ? 0.6 : 1;
  const vividness = v.c * dark * earth;
  return {
    hex,
    l: v.l,
    c: v.c,
    h: v.c < ACHROMATIC_C ? 0 : h,
    vividness,
    quiet: clamp01((30 - vividness) / 15),
    bold: clamp01((vividness - 20) / 40),
  };
}

/** Smallest angle between two hues, 0-180°. */
export function hueGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

export type PairRelation = 'tonal-neutrals' | 'contrasting-neutrals' | 'neutral-with-colour' | 'matching' | 'tonal' | 'analogous' | 'unrelated' | 'complementary';

/** How well each relation pairs, 0-1 (see the file's comment). */
export const RELATION_SCORE: Readonly<Record<PairRelation, number>> = {
  'tonal-neutrals': 0.45,
  'contrasting-neutrals': 0.55,
  'neutral-with-colour': 0.55,
  matching: 0.6,
  tonal: 0.85,
  analogous: 0.8,
  unrelated: 0.25,
  complementary: 0.9,
};

export interface Pair {
  readonly relation: PairRelation;
  readonly score: number;
  readonly hueGap: number;
  readonly deltaE: number;
}

export function pairColours(a: ColourReading, b: ColourReading): Pair {
  const dE = deltaE(a.hex, b.hex);
  const aGrey = a.c < ACHROMATIC_C;
  const bGrey = b.c < ACHROMATIC_C;
  const gap = aGrey || bGrey ? 0 : hueGap(a.h, b.h);
  const relation: PairRelation =
    aGrey && bGrey
      ? dE < 25
        ? 'tonal-neutrals'
        : 'contrasting-neutrals'
      : aGrey || bGrey
        ? 'neutral-with-colour'
        : gap <= 20
          ? dE < 8
            ? 'matching'
            : 'tonal'
          : gap <= 50
            ? 'analogous'
            : gap < 110
              ? 'unrelated'
              : 'complementary';
  return { relation, score: RELATION_SCORE[relation], hueGap: gap, deltaE: dE };
}
