/**
 * A model name from a product title: the title less the brand, whether the brand leads
 * ("Dior Small Saddle Bag", "CHANEL - Mini Flap Bag") or trails ("Nano Luggage by Celine",
 * "Micro Peekaboo | Fendi"). The brand must stand as whole words: "Diorama" keeps its "Dior".
 */
const IS_SEPARATOR = /[\s\-–—:|,·/]/;

/** The title without the brand; '' when the title is the brand alone. */
export function modelFromTitle(title: string, brand: string): string {
  const t = title.normalize('NFC').trim();
  const b = brand.normalize('NFC').trim();
  if (b === '') return t;
  const same = (x: string): boolean => x.toLowerCase() === b.toLowerCase();
  if (same(t.slice(0, b.length)) && (t.length === b.length || IS_SEPARATOR.test(t[b.length]!))) {
    return trimSeparators(t.slice(b.length));
  }
  if (t.length > b.length && same(t.slice(-b.length)) && IS_SEPARATOR.test(t[t.length - b.length - 1]!)) {
    const rest = trimSeparators(t.slice(0, -b.length));
    return /\sby$/i.test(rest) ? trimSeparators(rest.slice(0, -2)) : rest;
  }
  return t;
}

// A loop, not /[...]+$/: that regex backtracks quadratically on a long run of separators.
function trimSeparators(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && IS_SEPARATOR.test(s[start]!)) start++;
  while (end > start && IS_SEPARATOR.test(s[end - 1]!)) end--;
  return s.slice(start, end);
}
