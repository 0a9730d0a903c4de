/**
 * Response bodies: the core's result schemas as they are (FitReport is the CLI's `fit --json`;
 * BagSummary its `search --json` row), and the few envelopes only HTTP needs. Responses are
 * encoded through these schemas, so the OpenAPI document cannot promise what the server does
 * not send.
 */
import {
  BagSummarySchema,
  CatalogBagSchema,
  ConstructionSchema,
  DesignResultSchema,
  EssentialRecordSchema,
  FitReportSchema,
  InteriorSchema,
  ItemSchema,
  PlacementSchema,
} from '@micropurse/core';
import { z } from 'zod';
import { ProductJsonLdSchema } from '../json-ld.js';
import { ProblemSchema } from '../problems.js';
import { WhatFitsSchema } from '../what-fits.js';

export const FitResponseSchema = FitReportSchema.extend({ id: z.union([z.string(), z.number()]).optional().describe('the request\'s id, when it had one') });

export const DesignResponseSchema = z.intersection(DesignResultSchema, z.object({ construction: ConstructionSchema }));

export const BagsPageSchema = z.object({
  results: z.array(BagSummarySchema),
  /** Every bag matching, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  /** With a kit: bags the engine could not settle within its budget (not counted in total). */
  undecided: z.number().int().optional(),
});

export const BagDetailSchema = z.object({ bag: CatalogBagSchema, what_fits: WhatFitsSchema, json_ld: ProductJsonLdSchema });

export const ItemsPageSchema = z.object({ items: z.array(EssentialRecordSchema), total: z.number().int() });

/** As `micropurse import FILE --json` prints it; no rejects file is written on the server. */
export const ImportReportSchema = z.object({
  format: z.enum(['micropurse-csv', 'gmc-tsv', 'gmc-xml', 'jsonld', 'listings-csv']),
  accepted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rejects: z.array(z.object({ line: z.number().int(), id: z.string().nullable(), field: z.string(), reason: z.string() })),
  rejects_file: z.null(),
});

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadySchema = z.object({ status: z.literal('ready'), store: z.enum(['sqlite', 'postgres']), bags: z.number().int() });

/** Named components of the OpenAPI document (zod's global registry is where the type provider looks). */
const COMPONENTS: readonly [z.ZodType, string][] = [
  [ProblemSchema, 'Problem'],
  [InteriorSchema, 'Interior'],
  [ItemSchema, 'Item'],
  [PlacementSchema, 'Placement'],
  [CatalogBagSchema, 'CatalogBag'],
  [BagSummarySchema, 'BagSummary'],
  [FitReportSchema, 'FitReport'],
];

/** Registers the components once per process (the registry refuses an id twice), keeping any description. */
export function registerComponents(): void {
  for (const [schema, id] of COMPONENTS) {
    const meta = z.globalRegistry.get(schema);
    if (meta?.id !== id) z.globalRegistry.add(schema, { ...meta, id });
  }
}
