/**
 * Texture: a bag whose surface contrasts with the outfit's materials (croc, quilting, beads,
 * raffia, patent against wool, cotton, denim; or a sleek bag against tweed and fleece), and that
 * does not pile texture on top of a busy print.
 *
 *   contrast = |surface(bag) - surface(outfit)|        (style/surfaces.ts, each 0-1)
 *   plain    = 1 - surface(bag)                        (a print wants a plain bag)
 *   raw      = (1 - busy) x (0.3 + 0.7 x contrast) + busy x plain
 *
 * busy is the outfit's share of prints (style/outfit-profile.ts): a solid outfit is judged on
 * contrast alone, a printed one on how plain the bag is, because a pattern already is the
 * texture of the look. Range [0, 1]; a solid outfit gives every bag at least 0.3.
 */
import type { CatalogBag } from '../model/catalog.js';
import type { OutfitProfile } from './outfit-profile.js';
import { bagSurface } from './surfaces.js';
import type { Rating } from './weights.js';

function surfaceWords(s: number): string {
  return s >= 0.6 ? 'richly textured' : s >= 0.3 ? 'lightly textured' : 'smooth';
}

export function rateTexture(bag: CatalogBag, outfit: OutfitProfile): Rating {
  const own = bagSurface(bag);
  const contrast = Math.abs(own - outfit.surface);
  const raw = (1 - outfit.busy) * (0.3 + 0.7 * contrast) + outfit.busy * (1 - own);
  const texture = bag.texture.trim() || bag.material;
  const level = surfaceWords(own);
  const surface = texture.includes(level) ? `${texture} surface` : `${level} ${texture} surface`;
  const against = `against the outfit's ${surfaceWords(outfit.surface)} materials`;
  let why: string;
  if (outfit.busy >= 0.5 && own >= 0.6) why = `A ${surface} on top of a print: too much going on.`;
  else if (outfit.busy >= 0.5 && own < 0.3) why = `A ${surface} lets the outfit's print do the talking.`;
  else if (contrast >= 0.5) why = `A ${surface} ${against}: a strong texture contrast.`;
  else if (contrast >= 0.25) why = `A ${surface} ${against}: some texture contrast.`;
  else why = `A ${surface} ${against}: little texture contrast.`;
  return { raw, why };
}
