/**
 * Stylist's cases: outfits from the sample wardrobe (../shared/data/garments.csv, copied in
 * style-wardrobe.ts) against the built-in catalog, each with the pairing a stylist would expect
 * near the top and the reason beside it. Bag properties are read from the catalog's own fields
 * (exterior dims, finish, texture, material, colour measured with culori), not from the engine.
 */
import { converter } from 'culori';
import { describe, expect, it } from 'vitest';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { parseKit } from '../src/catalog/kit.js';
import type { CatalogBag } from '../src/model/catalog.js';
import type { OutfitInput } from '../src/model/style.js';
import { scoreOutfit } from '../src/style/score-outfit.js';
import { outfitOf } from './style-wardrobe.js';

const BAGS = builtinCatalogBags('2026-01-01');
const byId = new Map(BAGS.map((b) => [b.id, b]));
const lch = converter('lch');

type Pred = (b: CatalogBag) => boolean;
/** Front face no more than 11 cm square: a micro-bag by its measurements. */
const micro: Pred = (b) => Math.sqrt(b.exterior.w * b.exterior.h) <= 110;
/** Glitz: the finishes of the night (beads and pearl are worn by day too). */
const glitz: Pred = (b) => b.finish.some((f) => ['metallic', 'glitter', 'sequin', 'crystal'].includes(f));
const sparkle: Pred = (b) => b.finish.some((f) => ['metallic', 'glitter', 'sequin', 'crystal', 'beaded', 'pearlescent'].includes(f));
const bold: Pred = (b) => /multi|various/i.test(b.color_name) || (lch(b.color_hex)?.c ?? 0) >= 40;
const plain: Pred = (b) => ['smooth', 'soft', 'saffiano', 'grained', 'pebbled', 'nylon', 'canvas', 'coated canvas'].includes(b.texture);
const embellished: Pred = (b) => ['beaded', 'crystal', 'glitter'].includes(b.texture);
const textured: Pred = (b) => ['quilted', 'beaded', 'crystal', 'glitter', 'woven', 'metallic', 'pearlescent'].includes(b.texture);
const casualMaterial: Pred = (b) => /denim|raffia|nylon|tie-dye|^canvas/i.test(`${b.material} ${b.texture}`) && !/coated canvas/i.test(b.material);
const leather: Pred = (b) => /leather|calfskin|lambskin|goatskin/i.test(b.material) && b.finish.includes('matte');
/** A chromatic bag whose hue lies within `deg` of the colour's (CIELAB LCh, measured here with culori). */
const hueNear =
  (hex: string, deg: number): Pred =>
  (b) => {
    const [x, y] = [lch(b.color_hex), lch(hex)];
    if (!x || !y || x.c < 20) return false;
    const d = Math.abs((x.h ?? 0) - (y.h ?? 0)) % 360;
    return Math.min(d, 360 - d) <= deg;
  };
const is = (...ids: string[]): Pred => (b) => ids.includes(b.id);

interface Case {
  readonly name: string;
  readonly outfit: OutfitInput;
  readonly kit?: string;
  /** Within the first `top` recommendations: some / all / none satisfy `pred`. */
  readonly top: number;
  readonly some?: Pred;
  readonly all?: Pred;
  readonly none?: Pred;
  readonly why: string;
}

const o = outfitOf;
const CASES: readonly Case[] = [
  // Proportion: the micro-bag's play on scale.
  { name: 'oversized blazer, relaxed pinstripe trousers', outfit: o('work', ['g01', 'g04']), top: 3, some: micro, why: 'a tiny bag against an oversized suit is the contrast in proportion' },
  { name: 'oversized jeans, oversized fleece', outfit: o('casual', ['g26', 'g19']), top: 3, some: micro, why: 'the fullest casual look wants the smallest bag' },
  { name: 'oversized striped shirt dress', outfit: o('casual', ['g11']), top: 3, some: micro, why: 'a voluminous dress makes a micro-bag read as a joke on scale' },
  { name: 'oversized camel coat, twill trousers', outfit: o('day', ['g12', 'g05']), top: 3, some: micro, why: 'a big coat swallows a mid-size bag; a micro one contrasts' },
  { name: 'oversized fleece, relaxed jeans', outfit: o('casual', ['g19', 'g24']), top: 3, some: micro, why: 'volume on top, a tiny bag at the hip' },
  { name: 'oversized coat over slim jeans and a tee', outfit: o('day', ['g12', 'g25', 'g16']), top: 3, some: micro, why: 'the coat sets the scale; the bag plays against it' },
  { name: 'check blazer, oversized jeans', outfit: o('casual', ['g03', 'g26']), top: 3, some: micro, why: 'wide jeans and a slouchy blazer: go tiny' },
  { name: 'oversized blazer, fitted skirt', outfit: o('work', ['g01', 'g20']), top: 3, some: micro, why: 'one oversized piece is enough to call for a micro-bag' },

  // Occasion: sparkle at night.
  { name: 'navy silk cocktail dress', outfit: o('evening', ['g09']), top: 3, some: sparkle, why: 'glitter against a sleek cocktail dress' },
  { name: 'red bodycon dress', outfit: o('evening', ['g07']), top: 1, all: sparkle, why: 'a body-skimming evening dress wants a sparkling bag first' },
  { name: 'black crepe jumpsuit', outfit: o('evening', ['g28']), top: 3, some: sparkle, why: 'an all-black evening look lights up with crystal or metal' },
  { name: 'satin trousers, ribbed bodycon top', outfit: o('evening', ['g06', 'g18']), top: 3, some: sparkle, why: 'sleek black for the evening: add shine' },
  { name: 'cashmere coat over a silk dress', outfit: o('evening', ['g14', 'g09']), top: 3, some: sparkle, why: 'an evening coat and dress: the bag is the jewel' },
  { name: 'magenta satin animal-print dress', outfit: o('evening', ['g30']), top: 3, all: plain, why: 'a loud print wants a sleek bag, even at night: the print is the sparkle' },
  { name: 'satin trousers, ribbed top: no day materials', outfit: o('evening', ['g18', 'g06']), top: 10, none: casualMaterial, why: 'denim, canvas, nylon and raffia are out of place at night' },
  { name: 'silk dress: no day materials', outfit: o('evening', ['g09']), top: 10, none: casualMaterial, why: 'a cocktail dress never meets a canvas tote' },
  { name: 'red bodycon on a $100 budget', outfit: o('evening', ['g07'], { budget_usd: 100 }), top: 2, all: sparkle, why: 'the high street has rhinestone minis for the evening' },
  { name: 'black jumpsuit, a bag for the hand', outfit: o('evening', ['g28'], { wear_modes: ['hand'] }), top: 3, some: sparkle, why: 'carried in the hand at night: a minaudière' },
  { name: 'cashmere coat over silk: a sparkling first choice', outfit: o('evening', ['g14', 'g09']), top: 5, some: is('b30', 'b31'), why: 'a crystal minaudière is the classic evening jewel' },

  // Colour: the standout piece of a quiet outfit.
  { name: 'cream blazer, black skirt', outfit: o('work', ['g02', 'g20']), top: 3, some: bold, why: 'black and cream: a saturated bag is the standout' },
  { name: 'charcoal coat and black skirt', outfit: o('work', ['g13', 'g20']), top: 3, some: bold, why: 'dark neutrals lift with one bold colour' },
  { name: 'slate twill jumpsuit', outfit: o('work', ['g29']), top: 3, some: bold, why: 'a muted jumpsuit wants a colour pop' },
  { name: 'beige trousers, white tee', outfit: o('day', ['g05', 'g16']), top: 3, some: bold, why: 'tonal beige and white: the bag brings the colour' },
  { name: 'white tee, slate denim skirt', outfit: o('casual', ['g16', 'g23']), top: 3, some: bold, why: 'washed denim and white are neutrals; a bright bag stands out' },
  { name: 'black suit: the top pick is bold', outfit: o('work', ['g01', 'g04']), top: 1, all: bold, why: 'an all-black suit and a bright micro-bag' },
  { name: 'cream blazer, beige trousers', outfit: o('day', ['g02', 'g05']), top: 3, some: bold, why: 'an all-neutral day look wants one saturated accent' },
  { name: 'camel coat, navy jeans, white tee', outfit: o('day', ['g12', 'g25', 'g16']), top: 3, some: bold, why: 'camel, navy and white are the classic neutrals' },

  // Colour: harmony with a coloured outfit.
  { name: 'red bodycon: not a clashing yellow', outfit: o('evening', ['g07']), top: 5, none: is('b02', 'b11'), why: 'yellow sits a fight away from this red, neither close nor opposite' },
  { name: 'red bodycon: the pink rhinestone bag first', outfit: o('evening', ['g07']), top: 1, all: is('f05'), why: 'pink is red\'s tonal partner, and it sparkles' },
  { name: 'rust linen jumpsuit: a blue complement', outfit: o('day', ['g27']), top: 5, some: is('b12', 'f03', 'f04'), why: 'blue is the complement of rust' },
  { name: 'magenta satin dress: tonal pink', outfit: o('evening', ['g30']), top: 1, all: hueNear('#e6007e', 25), why: 'pink is tonal with magenta' },
  { name: 'olive fleece and jeans: no clashing yellow first', outfit: o('casual', ['g19', 'g24']), top: 1, none: is('b11'), why: 'olive and yellow neighbour without harmony; the tiny bag wins on scale instead' },

  // Texture: contrast, and a plain bag for a print.
  { name: 'floral voile dress', outfit: o('day', ['g08']), top: 3, none: textured, why: 'a print wants a plain bag, not more texture' },
  { name: 'houndstooth wool dress', outfit: o('work', ['g10']), top: 3, all: plain, why: 'houndstooth is busy enough: a smooth leather bag' },
  { name: 'check blazer, jeans', outfit: o('casual', ['g03', 'g24']), top: 1, all: plain, why: 'the first pick is plain: check is pattern enough' },
  { name: 'fleece and denim (textured outfit)', outfit: o('casual', ['g19', 'g26']), top: 1, all: plain, why: 'napped fleece and denim want a sleek bag' },
  { name: 'fleece and denim: no beads or crystal', outfit: o('casual', ['g19', 'g26']), top: 3, none: embellished, why: 'a textured outfit does not need an embellished bag' },
  { name: 'sequin top, satin trousers', outfit: o('evening', ['g15', 'g06']), top: 3, some: plain, why: 'the top already sparkles: a sleek bag balances it' },
  { name: 'cotton twill and jersey', outfit: o('day', ['g05', 'g16']), top: 10, some: textured, why: 'smooth cottons welcome a quilted or beaded bag' },

  // Occasion: registers for work and the weekend.
  { name: 'jeans and a white tee', outfit: o('casual', ['g24', 'g16']), top: 5, some: casualMaterial, why: 'denim on denim, or nylon, is the weekend' },
  { name: 'oversized jeans and a tee: no crystal', outfit: o('casual', ['g26', 'g16']), top: 3, none: glitz, why: 'crystal belongs to the night' },
  { name: 'denim skirt and tee', outfit: o('casual', ['g23', 'g16']), top: 5, some: casualMaterial, why: 'a denim or nylon bag for a casual day' },
  { name: 'black suit: no sparkle', outfit: o('work', ['g01', 'g04']), top: 10, none: glitz, why: 'glitter and crystal are for after hours' },
  { name: 'houndstooth dress: leather', outfit: o('work', ['g10']), top: 5, all: leather, why: 'the office wants leather' },
  { name: 'coat, poplin top, skirt: no weekend materials', outfit: o('work', ['g13', 'g17', 'g20']), top: 5, none: casualMaterial, why: 'no denim or nylon with a work coat' },

  // Practicality and constraints.
  { name: 'camel coat with a phone and cards', outfit: o('day', ['g12', 'g05']), kit: 'iPhone 15, card holder', top: 3, some: bold, why: 'the kit rules out the tiniest; a bold bag that holds it still leads' },
  { name: 'jeans and tee, a belt bag wanted', outfit: o('casual', ['g24', 'g16'], { wear_modes: ['belt'] }), top: 1, all: is('c03'), why: 'nylon belt bag: casual, hands-free, closes' },
];

describe('stylist cases (garments.csv x built-in catalog)', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = scoreOutfit({ outfit: c.outfit, bags: BAGS, ...(c.kit ? { kit: parseKit(c.kit) } : {}) });
    const top = r.recommendations.slice(0, c.top).map((x) => byId.get(x.bag_id)!);
    expect(top.length, c.why).toBe(Math.min(c.top, r.recommendations.length));
    const ids = top.map((b) => b.id).join(', ');
    if (c.some) expect(top.some(c.some), `${c.why} (top: ${ids})`).toBe(true);
    if (c.all) expect(top.every(c.all), `${c.why} (top: ${ids})`).toBe(true);
    if (c.none) expect(top.some(c.none), `${c.why} (top: ${ids})`).toBe(false);
  });

  it('two stacks as a stylist would wear them', () => {
    const suit = scoreOutfit({ outfit: o('work', ['g01', 'g04']), bags: BAGS }).stack!;
    // The micro standout with a quiet companion worn at another height.
    expect(suit.bags.map((b) => b.bag_id)).toContain('b02');
    expect(suit.bags.filter((b) => bold(byId.get(b.bag_id)!))).toHaveLength(1);
    const night = scoreOutfit({ outfit: o('evening', ['g09']), bags: BAGS }).stack!;
    expect(night.bags.some((b) => sparkle(byId.get(b.bag_id)!))).toBe(true);
  });
});
