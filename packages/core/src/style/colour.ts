/**
 * Colour: a bold, saturated bag as the standout piece of a quiet outfit; harmony (tonal,
 * analogous, complementary) with a coloured one. Measured in CIELAB/LCh with culori
 * (style/colour-space.ts): chroma, hue angle and ΔE2000, never colour names.
 *
 *   standout = 0.3 + 0.7 x bold(bag)
 *   harmony  = mean of pair scores between the bag and the outfit's colours, each weighted by its
 *              coverage times how coloured it is (1 - quiet); the neutrals leave it to the colours
 *   raw      = neutrality x standout + (1 - neutrality) x harmony
 *
 * A bag whose colour name says it is several colours (multicolour, a print) has only a stand-in
 * hex in the catalog, so it is read as a print: bold 0.6, and a pair score of 0.5 with any colour.
 * Range [0, 1].
 */
import { isMulticolourName } from '../catalog/colours.js';
import type { CatalogBag } from '../model/catalog.js';
import { pairColours, readColour, type ColourReading, type Pair } from './colour-space.js';
import type { OutfitProfile } from './outfit-profile.js';
import type { Rating } from './weights.js';

const PRINT_BOLD = 0.6;
const PRINT_PAIR = 0.5;

const r0 = (v: number) => Math.round(v);

function relationWords(p: Pair): string {
  switch (p.relation) {
    case 'complementary':
      return `complementary to the outfit's main colour (hues ${r0(p.hueGap)}° apart, ΔE2000 ${r0(p.deltaE)})`;
    case 'analogous':
      return `analogous to the outfit's main colour (hues ${r0(p.hueGap)}° apart)`;
    case 'tonal':
      return `tonal with the outfit's main colour (the same hue within ${r0(p.hueGap)}°, ΔE2000 ${r0(p.deltaE)})`;
    case 'matching':
      return `almost the outfit's main colour (ΔE2000 ${r0(p.deltaE)}): safe, but it disappears`;
    case 'unrelated':
      return `${r0(p.hueGap)}° of hue away from the outfit's main colour, neither close nor opposite: the two fight`;
    case 'neutral-with-colour':
      return `a neutral that lets the outfit's colour lead`;
    case 'tonal-neutrals':
    case 'contrasting-neutrals':
      return 'a neutral beside neutrals';
  }
}

export function rateColour(bag: CatalogBag, outfit: OutfitProfile): Rating {
  const print = isMulticolourName(bag.color_name);
  const own: ColourReading = readColour(bag.color_hex);
  const bold = print ? PRINT_BOLD : own.bold;
  const standout = 0.3 + 0.7 * bold;

  let sum = 0;
  let weight = 0;
  let main: { pair: Pair; w: number } | null = null;
  for (const c of outfit.colours) {
    const w = c.weight * (1 - c.quiet);
    if (w <= 0) continue;
    const pair = pairColours(own, c);
    sum += w * (print ? PRINT_PAIR : pair.score);
    weight += w;
    if (!main || w > main.w) main = { pair, w };
  }
  const harmony = weight > 0 ? sum / weight : 0.5;
  const raw = outfit.neutrality * standout + (1 - outfit.neutrality) * harmony;

  let why: string;
  if (outfit.neutrality >= 0.6) {
    if (print) why = 'A multicoloured bag brings the colour a quiet outfit lacks.';
    else if (bold >= 0.5) why = `A saturated bag (chroma ${r0(own.c)}) is the standout piece of a quiet outfit.`;
    else if (bold > 0) why = `A softly coloured bag (chroma ${r0(own.c)}) lifts a quiet outfit a little.`;
    else why = 'A quiet bag on a quiet outfit: calm, but nothing stands out.';
  } else if (print) {
    why = 'A multicoloured bag against a coloured outfit: it neither clashes nor echoes.';
  } else {
    why = `The bag is ${main ? relationWords(main.pair) : 'a neutral beside neutrals'}.`;
  }
  return { raw, why };
}
