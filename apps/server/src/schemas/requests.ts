/**
 * Request bodies, composed from the core's schemas (the source of truth): a bag is a catalog
 * name or id, a core Interior, or the batch contract's box {w, h, d}; a kit entry is a kit text
 * entry ("lipstick x2"), a reference {item, quantity, priority, case}, a core Item, or the batch
 * contract's {name, w, h, d, rot}. Structure is checked here (400); names are resolved and
 * limits applied by resolve.ts (422).
 */
import {
  BatchInstanceSchema,
  ConstructionSchema,
  DesignInputSchema,
  InteriorSchema,
  ItemSchema,
} from '@micropurse/core';
import { z } from 'zod';

const NameText = z.string().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });

/** The batch contract's bag: a box interior, mm. Strict, so that a typo in a shaped interior is not read as a box. */
export const BoxDimsSchema = z.strictObject(BatchInstanceSchema.shape.bag.shape).describe('a box interior w x h x d, mm (the batch contract)');

export const BagRefSchema = z.union([
  NameText.describe('a catalog bag by id ("b05") or name ("Nano Speedy"; a unique prefix or substring)'),
  InteriorSchema,
  BoxDimsSchema,
]);
export type BagRef = z.infer<typeof BagRefSchema>;

export const ItemRefSchema = z
  .strictObject({
    item: NameText.describe('an essential by id ("e03") or name ("iPhone 15")'),
    quantity: ItemSchema.shape.quantity,
    priority: ItemSchema.shape.priority.describe('higher is more wanted (leave-behind)'),
    case: z.boolean().optional().describe('a phone in a case: 2 mm more on every side'),
  })
  .describe('an everyday item from the built-in data');

export const BatchItemSchema = BatchInstanceSchema.shape.items.element;

export const KitEntrySchema = z.union([
  NameText.describe('a kit entry as people type it: "iPhone 15 +case", "credit card x2", "e03:3", "keys=60x30x15"'),
  ItemRefSchema,
  ItemSchema,
  BatchItemSchema,
]);
export type KitEntry = z.infer<typeof KitEntrySchema>;

export const KitSchema = z.array(KitEntrySchema).min(1, { error: 'name at least one item' }).describe('the kit; the server takes a limited number of pieces (quantities counted)');

export const TimeLimitSchema = z
  .number()
  .positive()
  .max(600_000)
  .optional()
  .describe("the engine's time for this request, ms; the server caps it at its per-request budget, and a verdict the budget cannot settle is \"undecided\"");

export const FitRequestSchema = z
  .object({
    id: BatchInstanceSchema.shape.id.optional().describe('echoed back: the batch contract names its instances'),
    bag: BagRefSchema,
    items: KitSchema,
    time_limit_ms: TimeLimitSchema,
  })
  .meta({
    examples: [
      { id: 'demo-1', bag: { w: 100, h: 70, d: 30 }, items: [{ name: 'airpods-pro-2-case', w: 60.6, h: 45.2, d: 21.7 }, { name: 'credit-card', w: 85.6, h: 53.98, d: 0.76 }] },
      { bag: 'Nano Speedy', items: ['iPhone 15', 'AirPods Pro 2', 'lipstick', 'credit card x2'] },
      { bag: { shape: 'box', w: 110, h: 80, d: 14 }, items: [{ item: 'micro wallet' }, { item: 'mini lipstick', quantity: 2 }, { name: 'keys', dims: { w: 60, h: 30, d: 15 } }], time_limit_ms: 500 },
    ],
  });
export type FitRequest = z.infer<typeof FitRequestSchema>;

export const LeaveBehindRequestSchema = z
  .object({ bag: BagRefSchema, items: KitSchema, time_limit_ms: TimeLimitSchema })
  .meta({ examples: [{ bag: { w: 100, h: 70, d: 30 }, items: ['e03:3', 'e20:2', 'e37:1', 'e24:2'] }] });
export type LeaveBehindRequest = z.infer<typeof LeaveBehindRequestSchema>;

/** Two or three bags, as the core's StackInputSchema takes them. */
export const StackRequestSchema = z.object({
  bags: z
    .array(BagRefSchema)
    .min(2, { error: 'needs at least 2 bags' })
    .max(3, { error: 'at most 3 bags' })
    .describe('two or three bags worn together'),
  items: KitSchema,
  time_limit_ms: TimeLimitSchema,
}).meta({ examples: [{ bags: ['Le Chiquito (original)', 'Micro Lady Dior'], items: ['AirPods Pro 2', 'lipstick', 'credit card x2', 'car key'] }] });
export type StackRequest = z.infer<typeof StackRequestSchema>;

export const DesignRequestSchema = z.object({
  items: KitSchema,
  fix: DesignInputSchema.shape.fix,
  construction: ConstructionSchema.default('soft'),
  time_limit_ms: TimeLimitSchema,
}).meta({ examples: [{ items: ['iPhone 15', 'AirPods Pro 2', 'lipstick', 'credit card x2'], construction: 'structured', fix: { d: 30 } }] });
export type DesignRequest = z.infer<typeof DesignRequestSchema>;
