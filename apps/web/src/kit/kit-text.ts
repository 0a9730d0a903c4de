/**
 * My kit as text and back. The wire form is the core's kit text ("e03 +case x2:3",
 * "keys=60x30x15"), which the API takes as it is and the core's parseKitEntry reads back: one
 * format, one parser. Pure (no DOM), so the unit tests run it in Node.
 */
import { parseKitEntry, type Dims, type Item } from '@micropurse/core';

export interface KitLine {
  /** The essential's id; absent for a custom item. */
  readonly id?: string;
  readonly name: string;
  /** A custom item's dims, mm (w x h x d). */
  readonly custom?: Dims;
  readonly quantity: number;
  /** Higher is more wanted (leave-behind); 1 when not given. */
  readonly priority: number;
  /** A phone in a case. */
  readonly withCase: boolean;
}

/** A custom name may not hold the kit text's separators (, = :) nor end like a quantity. */
export const cleanName = (name: string): string => name.replace(/[,=:]/g, ' ').replace(/\s+[x×*]\s*\d+\s*$/i, '').replace(/\s+/g, ' ').trim();

export function lineText(l: KitLine): string {
  const base = l.custom ? `${cleanName(l.name) || 'item'}=${l.custom.w}x${l.custom.h}x${l.custom.d}` : `${l.id}${l.withCase ? ' +case' : ''}`;
  return `${base}${l.quantity > 1 ? ` x${l.quantity}` : ''}${l.priority !== 1 ? `:${l.priority}` : ''}`;
}

export const kitTexts = (lines: readonly KitLine[]): string[] => lines.map(lineText);
export const kitParam = (lines: readonly KitLine[]): string => kitTexts(lines).join(',');

export function lineFromItem(item: Item): KitLine {
  return {
    ...(item.id === undefined ? { custom: { w: item.dims.w, h: item.dims.h, d: item.dims.d } } : { id: item.id }),
    name: item.name,
    quantity: item.quantity,
    priority: item.priority ?? 1,
    withCase: item.withCase === true,
  };
}

/** The kit from kit text; entries the core cannot read are dropped and reported. */
export function parseKitParam(text: string): { lines: KitLine[]; errors: string[] } {
  const lines: KitLine[] = [];
  const errors: string[] = [];
  text.split(',').map((s) => s.trim()).filter((s) => s !== '').forEach((entry, i) => {
    try {
      lines.push(lineFromItem(parseKitEntry(entry, `kit[${i}]`)));
    } catch (e) {
      errors.push(`${entry}: ${(e as Error).message}`);
    }
  });
  return { lines, errors };
}

/** The kit's pieces as the core's fit engine takes them (the worker's input). */
export const kitItems = (lines: readonly KitLine[]): Item[] => lines.map((l, i) => parseKitEntry(lineText(l), `kit[${i}]`));

export const pieceCount = (lines: readonly KitLine[]): number => lines.reduce((n, l) => n + l.quantity, 0);
