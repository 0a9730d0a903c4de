/** The kit's wire form and the one-click advice, in Node: the same functions the pages run. */
import { ESSENTIALS, parseKitEntry, type ReportedSwap } from '@micropurse/core';
import { describe, expect, it } from 'vitest';
import { applySwap, keepOnly } from '../src/kit/apply-swap.js';
import { cleanName, kitParam, lineText, parseKitParam, type KitLine } from '../src/kit/kit-text.js';

const phone: KitLine = { id: 'e03', name: 'iPhone 15', quantity: 1, priority: 3, withCase: true };
const cards: KitLine = { id: 'e24', name: 'Credit/debit card', quantity: 2, priority: 1, withCase: false };
const keys: KitLine = { name: 'house keys', custom: { w: 60, h: 30, d: 15 }, quantity: 1, priority: 2, withCase: false };
const swap = (s: Partial<ReportedSwap>): ReportedSwap => ({ replace: '', with: '', give_up: 1, verdict: 'fits', placements: [], ...s });

describe('kit text', () => {
  it('writes what the core parser reads back, quantity, priority, case and custom dims included', () => {
    expect(kitParam([phone, cards, keys])).toBe('e03 +case:3,e24 x2,house keys=60x30x15:2');
    const { lines, errors } = parseKitParam(kitParam([phone, cards, keys]));
    expect(errors).toEqual([]);
    expect(lines).toEqual([phone, cards, keys]);
    const item = parseKitEntry(lineText(phone), 'kit');
    expect(item).toMatchObject({ id: 'e03', withCase: true, priority: 3, quantity: 1 });
  });

  it('keeps a custom name from breaking the list, and reports entries it cannot read', () => {
    expect(cleanName('keys, big=1: x3')).toBe('keys big 1');
    const { lines, errors } = parseKitParam('e24,no such thing at all,e03');
    expect(lines.map((l) => l.id)).toEqual(['e24', 'e03']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('no such thing at all');
  });
});

describe('applying advice', () => {
  it('swaps one unit for another item, keeping the priority and merging with a line of it', () => {
    const next = applySwap([phone, { ...cards, quantity: 1 }, { id: 'e29', name: 'Micro wallet (trifold mini)', quantity: 1, priority: 4, withCase: false }], swap({ replace: 'Micro wallet (trifold mini)', with: 'Credit/debit card', replace_id: 'e29', with_id: 'e24' }), ESSENTIALS);
    expect(next).toEqual([phone, { ...cards, quantity: 2 }]);
  });

  it('takes a phone out of its case, one unit at a time', () => {
    const two = { ...phone, quantity: 2 };
    const next = applySwap([two], swap({ replace: 'iPhone 15', with: 'iPhone 15 (no case)', replace_id: 'e03', with_id: 'e03' }), ESSENTIALS);
    expect(next).toEqual([{ ...phone, quantity: 1 }, { ...phone, withCase: false }]);
  });

  it('reads a pair swap back name by name', () => {
    const wallet: KitLine = { id: 'e29', name: 'Micro wallet (trifold mini)', quantity: 1, priority: 1, withCase: false };
    const next = applySwap([phone, wallet], swap({ replace: 'iPhone 15 + Micro wallet (trifold mini)', with: 'iPhone 15 (no case) + Credit/debit card' }), ESSENTIALS);
    expect(next).toEqual([{ ...phone, withCase: false }, { id: 'e24', name: 'Credit/debit card', quantity: 1, priority: 1, withCase: false }]);
  });

  it('refuses a swap naming what the kit no longer holds', () => {
    expect(applySwap([cards], swap({ replace: 'Micro wallet (trifold mini)', with: 'Credit/debit card', replace_id: 'e29', with_id: 'e24' }), ESSENTIALS)).toBeNull();
  });

  it('keeps only the copies leave-behind keeps', () => {
    expect(keepOnly([phone, cards, keys], [{ item: 1, copies: 1 }, { item: 2, copies: 1 }])).toEqual([{ ...cards, quantity: 1 }, keys]);
  });
});
