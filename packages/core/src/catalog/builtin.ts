/** The built-in data as named records, and look-ups that throw InputError naming the field. */
import { BAGS } from '../data/bags.js';
import { ESSENTIALS } from '../data/essentials.js';
import { InputError } from '../errors.js';
import type { BagRecord, EssentialRecord } from './records.js';
import { describeResolution, resolveName } from './resolve.js';

const essentialNames = ESSENTIALS.map((e) => ({ id: e.id, names: [e.name], record: e }));
const bagNames = BAGS.map((b) => ({ id: b.id, names: [`${b.brand} ${b.model}`, b.model], record: b }));

export function findEssential(query: string, field = 'items'): EssentialRecord {
  const r = resolveName(query, essentialNames);
  if (!r.ok) throw new InputError(field, describeResolution(r, 'item'), r.candidates);
  return r.value.record;
}

export function findBag(query: string, field = 'bag'): BagRecord {
  const r = resolveName(query, bagNames);
  if (!r.ok) throw new InputError(field, describeResolution(r, 'bag'), r.candidates);
  return r.value.record;
}

export function bagDisplayName(b: BagRecord): string {
  return `${b.brand} ${b.model}`;
}
