/**
 * Content hashes that say when a badge is stale: a badge is recomputed only when the bag's
 * interior (what the verdict depends on: shape, lengths, give, opening; not the colour, the price
 * or whether the interior was derived) or the subject's items change, or when the engine that
 * computes badges changes (BADGE_ENGINE_VERSION).
 *
 * cyrb53 (a public-domain 53-bit string hash built from two 32-bit multiply-xor lanes): pure, no
 * node:crypto in the core, and fast enough to hash every bag of a 200,000-bag catalog in a blink.
 * Not cryptographic: it guards against forgetting a change, not against an adversary.
 */
import type { Interior } from '../model/bag.js';
import type { Item } from '../model/item.js';
import type { BadgeSubject } from '../model/badge.js';

/** Bumped whenever a change to the badge computation could change a stored verdict or layout. */
export const BADGE_ENGINE_VERSION = 2;

export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The interior as the fit depends on it, in a fixed field order. */
export function interiorKey(i: Interior): string {
  const o = i.opening;
  const narrow = i.shape === 'trapezoid' ? `${i.w_narrow}/${i.narrow_at}` : '';
  return `${i.shape}|${i.w}|${i.h}|${i.d}|${narrow}|${i.give ?? 0}|${o ? `${o.length}/${o.gape}` : ''}`;
}

function itemKey(it: Item): string {
  const rot = typeof it.rotation === 'string' ? it.rotation : it.rotation.join('+');
  return `${it.name}|${it.dims.w}|${it.dims.h}|${it.dims.d}|${it.quantity}|${rot}|${it.shape}|${it.soft?.squeeze ?? 0}|${it.withCase ? 1 : 0}`;
}

export function bagHash(interior: Interior): string {
  return cyrb53(`v${BADGE_ENGINE_VERSION}#${interiorKey(interior)}`);
}

/** The subject's items in order (item indices are part of a stored layout, so order matters). */
export function subjectHash(subject: Pick<BadgeSubject, 'id' | 'items'>): string {
  return cyrb53(`v${BADGE_ENGINE_VERSION}#${subject.id}#${subject.items.map(itemKey).join(';')}`);
}

/**
 * The hash of a whole subject list (ids and hashes, in id order): names a run's subject list, so a
 * BullMQ worker keeps its threads (started with the subjects) across the chunks of one list.
 */
export function subjectsHash(subjects: readonly { readonly id: string; readonly hash: string }[]): string {
  return cyrb53([...subjects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((s) => `${s.id}=${s.hash}`).join(','));
}
