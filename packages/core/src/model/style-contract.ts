/**
 * The styling engine's machine contract (CONTRACTS.md): what `micropurse style --json` prints and
 * `POST /v1/style` answers. A recommendation's components are their points only; the keys are in
 * the contract's order, which is the order they are printed in.
 */
import { z } from 'zod';
import { WearModeSchema } from './bag.js';
import { FinishSchema } from './catalog.js';
import { DimsSchema } from './dims.js';

export const StyleContractRowSchema = z.object({
  bag_id: z.string(),
  brand: z.string(),
  model: z.string(),
  exterior_mm: DimsSchema,
  finish: z.array(FinishSchema),
  color_hex: z.string(),
  wear_modes: z.array(WearModeSchema),
  /** Sum of the components' points, 0-100. */
  score: z.number(),
  /** Each rule's points: its weight times its 0-1 rating. */
  components: z.object({ proportion: z.number(), occasion: z.number(), colour: z.number(), texture: z.number(), practicality: z.number() }),
  /** The rules' sentences, the largest contribution first. */
  why: z.array(z.string()),
});
export type StyleContractRow = z.infer<typeof StyleContractRowSchema>;

export const StyleContractSchema = z.object({
  /** The best bags first, at most `top` of them. */
  recommendations: z.array(StyleContractRowSchema),
  /** The ids of two or three bags to wear together; empty when no stack was asked for or none exists. */
  stack: z.array(z.string()),
});
export type StyleContract = z.infer<typeof StyleContractSchema>;
