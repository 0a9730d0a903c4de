/**
 * What product pages show badges for: every everyday item on its own, and a few kits people
 * carry. The same list serves the batch (`micropurse badges`) and GET /v1/bags/{id}, so a stored
 * badge is exactly what the page would have computed.
 */
import { parseKit } from '../catalog/kit.js';
import { itemFromEssential } from '../catalog/items.js';
import type { EssentialRecord } from '../catalog/records.js';
import type { BadgeSubject } from '../model/badge.js';

/** Kits people carry, as kit text (parseKit): from the bare minimum to a full day out. */
export const COMMON_KITS: readonly { readonly name: string; readonly kit: string }[] = [
  { name: 'cards and a key', kit: 'credit card, house key' },
  { name: 'lipstick and cards', kit: 'lipstick, credit card x2' },
  { name: 'earbuds, cards and lip balm', kit: 'AirPods Pro 2, slim card holder, lip balm' },
  { name: 'phone, card and lipstick', kit: 'iPhone 15, credit card, lipstick' },
  { name: 'evening out', kit: 'iPhone 15, credit card x2, lipstick, house key, mini perfume' },
  { name: 'day out', kit: 'iPhone 15, AirPods Pro 2, slim card holder, lipstick, car key' },
];

/** A kit's subject id: "kit-" and its name in kebab case ("kit-evening-out"). */
export function kitSubjectId(name: string): string {
  return `kit-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function itemSubject(rec: EssentialRecord): BadgeSubject {
  return { id: rec.id, name: rec.name, kind: 'item', items: [itemFromEssential(rec)] };
}

export const COMMON_KIT_SUBJECTS: readonly BadgeSubject[] = COMMON_KITS.map((k) => ({
  id: kitSubjectId(k.name),
  name: k.name,
  kind: 'kit',
  items: parseKit(k.kit, 'kit'),
}));

/** Every essential on its own (in the order given), then the common kits. */
export function builtinSubjects(essentials: readonly EssentialRecord[], kits: readonly BadgeSubject[] = COMMON_KIT_SUBJECTS): BadgeSubject[] {
  return [...essentials.map(itemSubject), ...kits];
}

/** One piece, free to turn or not: the single-item path settles it without a search. */
export function isSingleItem(subject: Pick<BadgeSubject, 'items'>): boolean {
  return subject.items.length === 1 && subject.items[0]!.quantity === 1;
}
