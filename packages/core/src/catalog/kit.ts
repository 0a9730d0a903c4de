/**
 * Kits as people type them: "iPhone 15, AirPods Pro 2, lipstick, credit card x2",
 * "e03:3,e20:2" (id or name, then :priority, higher is more wanted), "keys=60x30x15" (a custom
 * item with its dims in mm), "2x lipstick" or "lipstick x2" (a quantity), "iPhone 15 +case" or
 * "iPhone 15 with case" (a phone in a case).
 */
import { InputError } from '../errors.js';
import { parseDimsText } from '../model/dims.js';
import type { Item } from '../model/item.js';
import { findEssential } from './builtin.js';
import { itemFromEssential } from './items.js';

const PRIORITY = /:\s*(-?\d+(?:\.\d+)?)\s*$/;
const QTY_SUFFIX = /\s+[x×*]\s*(\d+)\s*$/i;
const QTY_PREFIX = /^(\d+)\s*[x×*]\s+/i;
const CUSTOM = /^(.+?)\s*=\s*(.+)$/;
const WITH_CASE = /\s*(?:\+\s*case|\bwith\s+(?:a\s+)?case|\bin\s+(?:a\s+)?case)\s*$/i;

export function parseKit(text: string, field = 'items'): Item[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.every((p) => p === '')) throw new InputError(field, 'the kit is empty: name at least one item');
  return parts.map((part, i) => parseKitEntry(part, `${field}[${i}]`));
}

/** One entry of a kit ("lipstick x2", "e03:3", "keys=60x30x15"), errors naming `field`. */
export function parseKitEntry(entry: string, field: string): Item {
  if (entry === '') throw new InputError(field, 'empty entry (two commas in a row?)');
  let rest = entry;
  let priority: number | undefined;
  let quantity = 1;
  const pm = PRIORITY.exec(rest);
  if (pm) {
    priority = Number(pm[1]);
    rest = rest.slice(0, pm.index).trim();
  }
  const qs = QTY_SUFFIX.exec(rest) ?? QTY_PREFIX.exec(rest);
  if (qs) {
    quantity = Number(qs[1]);
    rest = qs.index === 0 ? rest.slice(qs[0].length) : rest.slice(0, qs.index);
    rest = rest.trim();
    if (quantity < 1 || quantity > 100) throw new InputError(field, `quantity ${quantity} must be between 1 and 100`);
  }
  const wc = WITH_CASE.exec(rest);
  const withCase = wc !== null;
  if (wc) rest = rest.slice(0, wc.index).trim();
  const base = { quantity, rotation: 'all' as const, shape: 'box' as const, ...(priority === undefined ? {} : { priority }) };
  const cm = CUSTOM.exec(rest);
  if (cm) {
    if (withCase) throw new InputError(field, `"${entry}": only phones from the built-in data take a case`);
    const dims = parseDimsText(cm[2]!);
    if (!dims) throw new InputError(field, `"${entry}": custom dims must read WxHxD in mm, e.g. keys=60x30x15`);
    if (!(dims.w > 0 && dims.h > 0 && dims.d > 0)) throw new InputError(field, `"${entry}": every dimension must be greater than 0 mm`);
    return { name: cm[1]!.trim(), dims, ...base };
  }
  const rec = findEssential(rest, field);
  return itemFromEssential(rec, { quantity, withCase, ...(priority === undefined ? {} : { priority }) }, field);
}
