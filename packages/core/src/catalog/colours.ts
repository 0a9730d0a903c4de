/**
 * Colours: the one table from colour names (as feeds and the seed data write them) to hex, and the
 * colour family of a hex, measured in CIELAB/LCh (culori), never from the name.
 *
 * Families, in LCh (L 0-100, C chroma, h hue in degrees; sRGB red sits near h 40, yellow 100,
 * green 135, blue 300, magenta 330), calibrated on the web colours of each name:
 *   neutrals (C < 12): black (L < 25), white (L > 88), grey otherwise;
 *   earth tones (h 40-110, C < 55): beige when light and soft (L >= 60, C < 40), brown otherwise;
 *   red h 15-45 (light and soft: pink), orange 45-75, yellow 75-110, green 110-200, blue 200-305,
 *   purple 305-335, and 335-15 pink (dark: red).
 * A name meaning several colours ("multicolor", "red/black") is its own family, multicolour.
 * A bold colour is a chromatic one with C >= 40.
 */
import { converter } from 'culori';

/** Colour names to hex: plain web colours for plain names, fashion names by their usual shade. */
export const COLOUR_HEX: Readonly<Record<string, string>> = {
  black: '#111111',
  white: '#f7f7f5',
  ivory: '#fffff0',
  cream: '#f3ead7',
  beige: '#e3d3b8',
  natural: '#d8c3a0',
  tan: '#c49a6c',
  camel: '#c19a6b',
  brown: '#6b4226',
  chocolate: '#4a2c1d',
  cognac: '#9a4a20',
  grey: '#8c8c8c',
  gray: '#8c8c8c',
  silver: '#c0c0c0',
  gold: '#d4af37',
  red: '#c8102e',
  burgundy: '#800020',
  pink: '#f4a6c0',
  'dusty pink': '#d8a1a4',
  'hot pink': '#ff69b4',
  fuchsia: '#d6337f',
  orange: '#f28c28',
  yellow: '#f6d32d',
  green: '#2e8b57',
  khaki: '#8f8a5b',
  olive: '#708238',
  mint: '#98e0c0',
  blue: '#1f4e9c',
  navy: '#1b2a4a',
  'light blue': '#a7c7e7',
  denim: '#3d5a80',
  purple: '#6a3d9a',
  lilac: '#c8a2c8',
  lavender: '#b8a9d9',
  multicolor: '#a0522d',
  multicolour: '#a0522d',
  various: '#a0522d',
};

/** Hex for a colour name: exact (case-insensitive), else the last known colour word in it ("dusty rose pink"), else null. */
export function colourHex(name: string): string | null {
  const key = name.trim().toLowerCase();
  if (COLOUR_HEX[key]) return COLOUR_HEX[key];
  const words = key.split(/[^a-z]+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const hit = COLOUR_HEX[words[i]!];
    if (hit) return hit;
  }
  return null;
}

/** Names that mean several colours at once: their family is "multicolour", whatever hex stands for them. */
export function isMulticolourName(name: string): boolean {
  return /multi|various|rainbow|tie-dye|print|\//i.test(name);
}

export const COLOUR_FAMILIES = ['black', 'white', 'grey', 'beige', 'brown', 'red', 'pink', 'orange', 'yellow', 'green', 'blue', 'purple', 'multicolour'] as const;
export type ColourFamily = (typeof COLOUR_FAMILIES)[number];

const toLch = converter('lch');

export interface Lch {
  l: number;
  c: number;
  h: number;
}

export function lchOf(hex: string): Lch {
  const v = toLch(hex);
  if (!v) throw new RangeError(`not a colour: ${hex}`);
  return { l: v.l, c: v.c, h: v.h ?? 0 };
}

export function colourFamily(hex: string): Exclude<ColourFamily, 'multicolour'> {
  const { l, c, h } = lchOf(hex);
  if (c < 12) return l < 25 ? 'black' : l > 88 ? 'white' : 'grey';
  if (h >= 40 && h < 110 && c < 55) return l >= 60 && c < 40 ? 'beige' : 'brown';
  if (h >= 15 && h < 45) return l > 65 && c < 40 ? 'pink' : 'red';
  if (h >= 45 && h < 75) return 'orange';
  if (h >= 75 && h < 110) return 'yellow';
  if (h >= 110 && h < 200) return 'green';
  if (h >= 200 && h < 305) return 'blue';
  if (h >= 305 && h < 335) return 'purple';
  return l < 35 ? 'red' : 'pink';
}

/** A bag's colour family: multicolour when its name says so, else from its hex. */
export function bagColourFamily(name: string, hex: string): ColourFamily {
  return isMulticolourName(name) ? 'multicolour' : colourFamily(hex);
}

/** A bold colour: saturated enough to be the standout piece of a quiet outfit. */
export function isBold(hex: string): boolean {
  return lchOf(hex).c >= 40;
}
