/**
 * The styling engine's data: an outfit (what the `style --outfit FILE` contract reads), the
 * optional constraints that travel with it, and the ranked, explained result. Colours are hex
 * (#rrggbb; upper case accepted and lower-cased here, so every later step sees one form).
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { TierSchema, WearModeSchema } from './bag.js';
import { DimsSchema } from './dims.js';
import { CatalogBagSchema, FinishSchema } from './catalog.js';
import { MAX_PIECES } from './fit.js';
import { ItemSchema } from './item.js';
import { formatIssuePath } from './issues.js';

/**
 * Garment categories: the sample wardrobe's eight, and four more people own. Each carries a
 * share of the body it covers (style/outfit-profile.ts), so an unknown word cannot be guessed at.
 */
export const STYLE_CATEGORIES = ['blazer', 'jacket', 'coat', 'dress', 'jumpsuit', 'top', 'shirt', 'sweater', 'trousers', 'jeans', 'skirt', 'shorts'] as const;
export const StyleCategorySchema = z.enum(STYLE_CATEGORIES, { error: `must be one of ${STYLE_CATEGORIES.join(', ')}` });

export const SILHOUETTES = ['oversized', 'relaxed', 'regular', 'fitted', 'bodycon'] as const;
export const SilhouetteSchema = z.enum(SILHOUETTES, { error: `must be one of ${SILHOUETTES.join(', ')}` });
export type Silhouette = z.infer<typeof SilhouetteSchema>;

export const OCCASIONS = ['day', 'work', 'evening', 'casual'] as const;
export const OccasionSchema = z.enum(OCCASIONS, { error: `must be one of ${OCCASIONS.join(', ')}` });
export type Occasion = z.infer<typeof OccasionSchema>;

/** A colour as people paste it: #rrggbb in either case, kept lower-case. */
export const InputHexSchema = z
  .string({ error: 'must be a colour #rrggbb' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour #rrggbb' })
  .transform((s) => s.toLowerCase());

const text = (what: string) => z.string({ error: `must be a string (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

export const StyleGarmentSchema = z.object(
  {
    category: StyleCategorySchema,
    silhouette: SilhouetteSchema,
    /** One to five colours, the main one first (a print's ground, then its motifs). */
    colors: z
      .array(InputHexSchema, { error: 'must be a list of colours ["#rrggbb", ...]' })
      .min(1, { error: 'needs at least one colour' })
      .max(5, { error: 'at most 5 colours' }),
    /** "solid", "stripe", "floral", "animal print"...: anything but solid makes the outfit busier. */
    pattern: text('a pattern such as solid or stripe').default('solid'),
    /** "wool", "cotton poplin", "satin"...: read for its surface (style/surfaces.ts). */
    material: text('a material such as wool or denim'),
  },
  { error: 'must be a garment {"category", "silhouette", "colors", "pattern", "material"}' },
);
export type StyleGarment = z.infer<typeof StyleGarmentSchema>;

export const OutfitSchema = z.object(
  {
    occasion: OccasionSchema,
    garments: z
      .array(StyleGarmentSchema, { error: 'must be a list of garments' })
      .min(1, { error: 'needs at least one garment' })
      .max(12, { error: 'at most 12 garments' }),
    /** Constraint: the highest price, USD. Bags without a known price are left out when it is set. */
    budget_usd: z.number({ error: 'must be a number of US dollars' }).finite().positive({ error: 'must be greater than 0' }).optional(),
    /** Constraint: only bags of these tiers. */
    tiers: z.array(TierSchema).min(1, { error: 'needs at least one tier' }).optional(),
    /** Constraint: only bags that can be worn in at least one of these ways. */
    wear_modes: z.array(WearModeSchema).min(1, { error: 'needs at least one wear mode' }).optional(),
  },
  { error: 'must be an outfit {"occasion", "garments": [...]}' },
);
export type Outfit = z.infer<typeof OutfitSchema>;
export type OutfitInput = z.input<typeof OutfitSchema>;

/** The outfit from untrusted JSON, or an InputError naming the first bad field ("garments[1].colors[0]"). */
export function parseOutfit(raw: unknown, field = ''): Outfit {
  const parsed = OutfitSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw inputError(parsed.error, field);
}

/** The first zod issue as an InputError whose field is its path under `field`. */
function inputError(error: z.ZodError, field: string): InputError {
  const issue = error.issues[0]!;
  const path = formatIssuePath(issue.path);
  const where = field === '' ? path : path === '(root)' ? field : `${field}.${path}`;
  // zod words a missing key as a type error; people need to hear that it is missing.
  const missing = 'input' in issue && issue.input === undefined;
  return new InputError(where, missing ? 'is required' : issue.message);
}

/** The engine's whole input: the outfit, the candidate bags, and the kit that must fit (optional). */
export const StyleInputSchema = z.object({
  outfit: OutfitSchema,
  bags: z.array(CatalogBagSchema),
  kit: z.array(ItemSchema).max(MAX_PIECES, { error: `at most ${MAX_PIECES} items` }).optional(),
  options: z
    .object({
      /** The fit engine's budget per bag for the kit check (style/constraints.ts). */
      kit_node_limit: z.number().int().positive().default(5000),
      kit_time_limit_ms: z.number().positive().max(60_000).default(2000),
    })
    .default({ kit_node_limit: 5000, kit_time_limit_ms: 2000 }),
});
export type StyleInput = z.infer<typeof StyleInputSchema>;
export type StyleInputRaw = z.input<typeof StyleInputSchema>;

export function parseStyleInput(raw: unknown): StyleInput {
  const parsed = StyleInputSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw inputError(parsed.error, '');
}

export const COMPONENTS = ['proportion', 'occasion', 'colour', 'texture', 'practicality'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

/** One scoring rule's verdict on one bag: `raw` in [0, 1], `points` = weight x raw. */
export const ComponentScoreSchema = z.object({
  raw: z.number().min(0).max(1),
  weight: z.number().nonnegative(),
  points: z.number().nonnegative(),
  why: z.string(),
});
export type ComponentScore = z.infer<typeof ComponentScoreSchema>;

export const RecommendationSchema = z.object({
  bag_id: z.string(),
  brand: z.string(),
  model: z.string(),
  tier: TierSchema,
  price_usd: z.number().nullable(),
  exterior_mm: DimsSchema,
  finish: z.array(FinishSchema),
  color_hex: z.string(),
  wear_modes: z.array(WearModeSchema),
  /** Sum of the components' points, 0-100 (two decimals). */
  score: z.number().min(0).max(100),
  components: z.object({
    proportion: ComponentScoreSchema,
    occasion: ComponentScoreSchema,
    colour: ComponentScoreSchema,
    texture: ComponentScoreSchema,
    practicality: ComponentScoreSchema,
  }),
  /** The components' sentences, the largest contribution first. */
  why: z.array(z.string()),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** A bag a constraint ruled out, and which. */
export const StyleExclusionSchema = z.object({
  bag_id: z.string(),
  code: z.enum(['over-budget', 'no-price', 'tier', 'wear-mode', 'kit-does-not-fit', 'kit-undecided']),
});
export type StyleExclusion = z.infer<typeof StyleExclusionSchema>;

/** Two or three bags worn at once, each in its own way. */
export const StyleStackSchema = z.object({
  bags: z.array(z.object({ bag_id: z.string(), wear_mode: WearModeSchema })).min(2).max(3),
  /** Mean member score times the colour harmony factor (style/stacking.ts), 0-100. */
  score: z.number(),
  why: z.array(z.string()),
});
export type StyleStack = z.infer<typeof StyleStackSchema>;

/** What the engine read of the outfit, each 0-1: for the explanations and for callers that show it. */
export const OutfitReadingSchema = z.object({
  volume: z.number(),
  neutrality: z.number(),
  surface: z.number(),
  busy: z.number(),
});
export type OutfitReading = z.infer<typeof OutfitReadingSchema>;

export const StyleResultSchema = z.object({
  outfit: OutfitReadingSchema,
  /** Every bag that passed the constraints, best first (ties by bag id). */
  recommendations: z.array(RecommendationSchema),
  excluded: z.array(StyleExclusionSchema),
  /** Null when fewer than two bags can be worn together. */
  stack: StyleStackSchema.nullable(),
});
export type StyleResult = z.infer<typeof StyleResultSchema>;
