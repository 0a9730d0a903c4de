/**
 * Built-in essentials as fit items.
 *
 * Cylinders: the data puts a disc's thickness in depth (AirTag 31.9 x 31.9 x 8, a coin, a compact)
 * but a stick's length in height (lipstick 20 x 75 x 20). The item model wants w = d = diameter
 * and h = length, so a disc is turned to that form; the packed bounding box is the same solid.
 *
 * Soft items (rigid=false in the data: tissue pack, passport, hand-cream tube, folded cash) may
 * be squeezed along their thinnest side by DEFAULT_SQUEEZE, a modest figure chosen so that a
 * tissue pack gives a few millimetres, not half its thickness.
 */
import { InputError } from '../errors.js';
import type { Item } from '../model/item.js';
import type { EssentialRecord } from './records.js';

export const DEFAULT_SQUEEZE = 0.25;

export interface ItemChoice {
  readonly quantity?: number;
  readonly priority?: number;
  readonly withCase?: boolean;
}

export function itemFromEssential(rec: EssentialRecord, choice: ItemChoice = {}, field = 'items'): Item {
  if (choice.withCase && rec.category !== 'phone') throw new InputError(field, `only phones take a case; ${rec.name} is in ${rec.category}`);
  const { w, h, d } = rec.dims;
  const dims = rec.solid === 'cylinder' && w !== d && w === h ? { w, h: d, d: w } : { w, h, d };
  return {
    id: rec.id,
    name: rec.name,
    dims,
    quantity: choice.quantity ?? 1,
    rotation: 'all',
    shape: rec.solid === 'cylinder' && dims.w === dims.d ? 'cylinder' : 'box',
    ...(rec.rigid ? {} : { soft: { squeeze: DEFAULT_SQUEEZE } }),
    ...(choice.withCase ? { withCase: true } : {}),
    ...(choice.priority === undefined ? {} : { priority: choice.priority }),
  };
}
