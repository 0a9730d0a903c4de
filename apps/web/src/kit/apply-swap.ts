/**
 * One click on advice: a swap or a leave-behind applied to my kit. The fit report's swaps give
 * ids for a single change ("carry e37 instead of e03"; the same id twice with "(no case)" for
 * taking a phone's case off) and only names for a pair ("A + B" instead of "C + D"), so a pair
 * is read back name by name against the everyday items. Pure: the unit tests run it in Node.
 */
import type { EssentialRecord, ReportedSwap } from '@micropurse/core';
import type { KitLine } from './kit-text.js';

const NO_CASE = ' (no case)';

/** Takes one unit of the line at `i` away (the line goes when it was the last). */
function takeOne(kit: readonly KitLine[], i: number): KitLine[] {
  const l = kit[i]!;
  return l.quantity > 1 ? kit.map((x, j) => (j === i ? { ...x, quantity: x.quantity - 1 } : x)) : kit.filter((_, j) => j !== i);
}

/** Adds one unit of an essential, joining a line of the same item when there is one. */
function addOne(kit: readonly KitLine[], add: Omit<KitLine, 'quantity'>): KitLine[] {
  const i = kit.findIndex((l) => l.custom === undefined && l.id === add.id && l.withCase === add.withCase);
  if (i >= 0) return kit.map((l, j) => (j === i ? { ...l, quantity: l.quantity + 1 } : l));
  return [...kit, { ...add, quantity: 1 }];
}

interface Change {
  readonly replace: { id?: string; name: string };
  readonly with: { id?: string; name: string };
}

function applyChange(kit: readonly KitLine[], c: Change, items: ReadonlyMap<string, EssentialRecord>): KitLine[] | null {
  const caseOff = c.with.name.endsWith(NO_CASE);
  const from = kit.findIndex((l) => (c.replace.id !== undefined ? l.id === c.replace.id : l.name === c.replace.name) && (!caseOff || l.withCase));
  if (from < 0) return null;
  const line = kit[from]!;
  if (caseOff) return addOne(takeOne(kit, from), { ...line, withCase: false });
  const rec = c.with.id !== undefined ? items.get(c.with.id) : [...items.values()].find((e) => e.name === c.with.name);
  if (!rec) return null;
  return addOne(takeOne(kit, from), { id: rec.id, name: rec.name, priority: line.priority, withCase: false });
}

/** The kit with the swap made, or null when the swap names something the kit no longer has. */
export function applySwap(kit: readonly KitLine[], swap: ReportedSwap, items: readonly EssentialRecord[]): KitLine[] | null {
  const byId = new Map(items.map((e) => [e.id, e]));
  const replaces = swap.replace.split(' + ');
  const withs = swap.with.split(' + ');
  if (replaces.length !== withs.length) return null;
  const changes: Change[] =
    replaces.length === 1
      ? [{ replace: { name: swap.replace, ...(swap.replace_id ? { id: swap.replace_id } : {}) }, with: { name: swap.with, ...(swap.with_id ? { id: swap.with_id } : {}) } }]
      : replaces.map((r, i) => ({ replace: { name: r.replace(NO_CASE, '') }, with: { name: withs[i]! } }));
  let next: KitLine[] | null = [...kit];
  for (const c of changes) {
    next = applyChange(next, c, byId);
    if (next === null) return null;
  }
  return next;
}

/**
 * The kit less what leave-behind says to leave: `kept` counts copies per input line (the kit
 * sent was these lines, in this order); lines with none kept go.
 */
export function keepOnly(kit: readonly KitLine[], kept: readonly { item: number; copies: number }[]): KitLine[] {
  const copies = new Map(kept.map((k) => [k.item, k.copies]));
  return kit.flatMap((l, i) => {
    const n = copies.get(i) ?? 0;
    return n > 0 ? [{ ...l, quantity: n }] : [];
  });
}
