/** Bags named on the command line: a catalog bag by id or name, or a box interior "WxHxD" in mm. */
import { InputError, bagDisplayName, bagInterior, findBag, parseDimsText, type BagRecord, type Interior } from '@micropurse/core';

export interface NamedBag {
  readonly name: string;
  readonly interior: Interior;
  readonly record?: BagRecord;
}

export function boxFromDims(text: string, field: string): Interior {
  const dims = parseDimsText(text);
  if (!dims) throw new InputError(field, `"${text}" must read WxHxD in mm, e.g. 100x70x30`);
  if (!(dims.w > 0 && dims.h > 0 && dims.d > 0)) throw new InputError(field, 'every dimension must be greater than 0 mm');
  return { shape: 'box', ...dims };
}

/** One bag: catalog names resolve through the shared resolver; dims give a box interior. */
export function namedBag(text: string, field: string): NamedBag {
  if (parseDimsText(text)) return { name: `box ${text.trim()} mm`, interior: boxFromDims(text, field) };
  const record = findBag(text, field);
  return { name: bagDisplayName(record), interior: bagInterior(record), record };
}

/** "Nano Speedy, b11" or "100x70x30,60x40x20". */
export function namedBags(text: string, field: string): NamedBag[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => p === '')) throw new InputError(field, 'an empty bag name (two commas in a row?)');
  return parts.map((p, i) => namedBag(p, `${field}[${i}]`));
}
