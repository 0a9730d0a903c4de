/**
 * Finish, derived from a bag's texture and material (the seed data and feeds record those, not
 * finish). Each rule is a pattern on the words; a bag may have several finishes.
 */
import type { Finish } from '../model/catalog.js';

const RULES: readonly (readonly [Finish, RegExp])[] = [
  ['metallic', /metallic|lam[eé]|mirror|chrome|foil|silver|gold(?!en)|brass|metal/i],
  ['glitter', /glitter/i],
  ['sequin', /sequin|paillette/i],
  ['crystal', /crystal|rhinestone|strass|diamant/i],
  ['beaded', /bead/i],
  ['pearlescent', /pearl/i],
  ['patent', /patent|vinyl|gloss/i],
  ['satin', /satin|silk/i],
];

export function deriveFinish(texture: string, material: string): Finish[] {
  const text = `${texture} ${material}`;
  const out = RULES.filter(([, re]) => re.test(text)).map(([f]) => f);
  return out.length > 0 ? out : ['matte'];
}
