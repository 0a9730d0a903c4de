/**
 * What a material looks like, read from the words feeds and people use for it.
 *
 * Surface, 0-1: how much texture the eye reads (0 a smooth flat weave or calf, 1 croc, beads,
 * raffia). Rules are tried in order and the first match wins, so "wool crepe" is crepe (smooth)
 * and "cotton fleece" is fleece (napped): the more specific words come first.
 *
 * Register: the kind of occasion a bag's material belongs to (style/occasion.ts scores it):
 *   sparkle  metallic, glitter, sequin, crystal finishes        lustre   beads, pearl, satin
 *   patent   patent, vinyl                                      leather  calf, lamb, goat...
 *   monogram coated canvas                                      sporty   nylon, technical fabrics
 *   casual   denim, raffia, straw, plain canvas, printed fabric
 */
import type { CatalogBag, Finish } from '../model/catalog.js';

type Rule = readonly [RegExp, number];

const GARMENT_SURFACE: readonly Rule[] = [
  [/sequin|paillette|bead|embellish/i, 0.95],
  [/bouclé|boucle|tweed|faux fur|shearling|mohair|feather|fringe/i, 0.85],
  [/fleece|corduroy|\bcord\b|velvet|terry|crochet|lace|cable/i, 0.7],
  [/\bribbed|\brib\b|chunky|knit/i, 0.55],
  [/lam[eé]|metallic|foil/i, 0.5],
  [/denim|chambray/i, 0.5],
  [/linen|jute|hemp/i, 0.4],
  [/crepe|gabardine/i, 0.2],
  [/flannel|brushed/i, 0.4],
  [/twill|wool|cashmere|camel hair|suede/i, 0.3],
  [/leather|vinyl|patent|latex/i, 0.2],
  [/jersey|poplin|voile|viscose|rayon|modal|chiffon|georgette|polyester|cotton/i, 0.1],
  [/silk|satin|charmeuse/i, 0.05],
];
const GARMENT_SURFACE_UNKNOWN = 0.25;

/** A garment material's surface, 0-1 (see the file's comment). */
export function garmentSurface(material: string): number {
  return GARMENT_SURFACE.find(([re]) => re.test(material))?.[1] ?? GARMENT_SURFACE_UNKNOWN;
}

const BAG_SURFACE: readonly Rule[] = [
  [/croc|alligator|snake|python|ostrich|lizard|embossed/i, 1],
  [/bead|crystal|rhinestone|strass|sequin|glitter/i, 0.95],
  [/raffia|straw|wicker|rattan|woven|intrecciato|crochet|macram/i, 0.9],
  [/fur|shearling|feather|fringe|teddy/i, 0.9],
  [/quilt|matelass|cannage|padded|puffer/i, 0.8],
  [/metallic|metal|mirror|chrome|lam[eé]/i, 0.65],
  [/patent|vinyl|gloss|pearl/i, 0.6],
  [/jacquard|tie-dye|print|patchwork/i, 0.55],
  [/denim/i, 0.5],
  [/pebbl|grain|saffiano|epsom|drummed|suede/i, 0.4],
  [/coated canvas|monogram/i, 0.35],
  [/canvas|linen/i, 0.3],
  [/nylon|technical|polyester/i, 0.2],
  [/smooth|soft|satin|silk|leather/i, 0.1],
];
const BAG_SURFACE_UNKNOWN = 0.25;

/** A bag's surface, 0-1: its recorded texture first, then its material. */
export function bagSurface(bag: Pick<CatalogBag, 'texture' | 'material'>): number {
  return (
    BAG_SURFACE.find(([re]) => re.test(bag.texture))?.[1] ??
    BAG_SURFACE.find(([re]) => re.test(bag.material))?.[1] ??
    BAG_SURFACE_UNKNOWN
  );
}

export const REGISTERS = ['sparkle', 'lustre', 'patent', 'leather', 'monogram', 'sporty', 'casual'] as const;
export type Register = (typeof REGISTERS)[number];

const SPARKLE: readonly Finish[] = ['metallic', 'glitter', 'sequin', 'crystal'];
const LUSTRE: readonly Finish[] = ['beaded', 'pearlescent', 'satin'];

/** The register of a bag's material and finish (see the file's comment). */
export function bagRegister(bag: Pick<CatalogBag, 'finish' | 'texture' | 'material'>): Register {
  if (bag.finish.some((f) => SPARKLE.includes(f))) return 'sparkle';
  if (bag.finish.some((f) => LUSTRE.includes(f))) return 'lustre';
  if (bag.finish.includes('patent')) return 'patent';
  const words = `${bag.texture} ${bag.material}`;
  if (/coated canvas|monogram/i.test(words)) return 'monogram';
  if (/denim|raffia|straw|wicker|canvas|tie-dye|patchwork|crochet|\bfabric\b|jute/i.test(words)) return 'casual';
  if (/nylon|technical|neoprene|polyester/i.test(words)) return 'sporty';
  return 'leather';
}

/** Words for a register, in sentences for people. */
export const REGISTER_WORDS: Readonly<Record<Register, string>> = {
  sparkle: 'a sparkling finish',
  lustre: 'a lustrous finish (beads, pearl, satin)',
  patent: 'a glossy patent finish',
  leather: 'leather',
  monogram: 'coated monogram canvas',
  sporty: 'technical nylon',
  casual: 'a casual material (denim, raffia, canvas, printed fabric)',
};
