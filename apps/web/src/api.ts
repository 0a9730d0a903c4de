/**
 * The HTTP API as the web app calls it: one fetch wrapper that turns an RFC 9457 problem into an
 * ApiError carrying the server's own sentence (and the failing field), and one function per
 * endpoint, typed with the core's types. Fit and search answers are read through the core's
 * schemas, so a server that drifted from the contract fails loudly here rather than drawing nonsense.
 */
import {
  BagSummarySchema,
  EssentialRecordSchema,
  FitReportSchema,
  type AdoptionCurve,
  type BagSummary,
  type CatalogBag,
  type Construction,
  type DesignResult,
  type EssentialRecord,
  type FitReport,
  type LeaveBehindResult,
  type Onset,
  type PriceBand,
  type StyleContract,
  type StyleContractRow,
  type StackResult,
  type TierForecast,
  type TierLag,
  type Verdict,
} from '@micropurse/core';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(path: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  let res: Response;
  try {
    res = await fetch(path, json === undefined ? rest : { ...rest, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say: reported by status below.
  }
  if (!res.ok) {
    const p = (body ?? {}) as { detail?: unknown; title?: unknown; field?: unknown };
    const detail = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : `The server answered ${res.status}.`;
    throw new ApiError(res.status, detail, typeof p.field === 'string' ? p.field : undefined);
  }
  return body as T;
}

/** The kit as the API takes it: kit text entries ("e03 +case x2:3", "keys=60x30x15"). */
export type KitTexts = readonly string[];
/** A bag as the API takes it: a catalog id, or a box interior in mm. */
export type BagRef = string | { readonly w: number; readonly h: number; readonly d: number };

export const getItems = async (): Promise<EssentialRecord[]> => EssentialRecordSchema.array().parse((await call<{ items: unknown }>('/v1/items')).items);

export const postFit = async (bag: BagRef, items: KitTexts): Promise<FitReport> => FitReportSchema.parse(await call('/v1/fit', { json: { bag, items } }));

export const postLeaveBehind = (bag: BagRef, items: KitTexts): Promise<LeaveBehindResult> => call('/v1/fit/leave-behind', { json: { bag, items } });

export const postStack = (bags: readonly BagRef[], items: KitTexts): Promise<StackResult> => call('/v1/fit/stack', { json: { bags, items } });

export interface DesignRequest {
  readonly items: KitTexts;
  readonly construction: Construction;
  readonly fix?: { w?: number; h?: number; d?: number };
}
export const postDesign = (req: DesignRequest): Promise<DesignResult & { construction: Construction }> => call('/v1/design/interior', { json: req });

export interface BagsPage {
  readonly results: BagSummary[];
  readonly total: number;
  readonly page: number;
  readonly limit: number;
  readonly undecided?: number;
}
export const getBags = async (query: URLSearchParams): Promise<BagsPage> => {
  const r = await call<BagsPage & { results: unknown }>(`/v1/bags?${query.toString()}`);
  return { ...r, results: BagSummarySchema.array().parse(r.results) };
};

/** GET /v1/bags/{id}: the server's what-fits list (apps/server/src/what-fits.ts) and its JSON-LD. */
export interface WhatFits {
  readonly items: { id: string; name: string; category: string; verdict: Verdict }[];
  readonly kits: { name: string; items: string[]; verdict: Verdict }[];
  readonly items_that_fit: number;
}
export interface BagDetail {
  readonly bag: CatalogBag;
  readonly what_fits: WhatFits;
  readonly json_ld: Record<string, unknown>;
}
export const getBag = (id: string): Promise<BagDetail> => call(`/v1/bags/${encodeURIComponent(id)}`);

/** POST /v1/style: the `micropurse style --outfit` JSON, and what the style command prints. */
export interface StyleGarmentInput {
  category: string;
  silhouette: string;
  colors: string[];
  pattern: string;
  material: string;
}
export interface StyleRequest {
  readonly occasion: string;
  readonly garments: readonly StyleGarmentInput[];
  readonly budget_usd?: number;
  readonly top?: number;
  readonly stack?: boolean;
  readonly kit?: KitTexts;
}
export type StyleRecommendation = StyleContractRow;
export const postStyle = (req: StyleRequest): Promise<StyleContract> => call('/v1/style', { json: req });

export interface TrendsAnswer<T> {
  readonly data: T;
  readonly simulated: boolean;
}
/** Where each trend endpoint puts the core's result beside its source and parameters. */
const TREND_KEY = { adoption: 'curves', onset: 'onsets', lag: 'lags', prices: 'bands', forecast: 'tiers' } as const;

async function trends<T>(kind: keyof typeof TREND_KEY, attribute: string, extra: Record<string, string> = {}): Promise<TrendsAnswer<T>> {
  const q = new URLSearchParams({ attribute, demo: '1', ...extra });
  const body = await call<Record<string, unknown>>(`/v1/trends/${kind}?${q.toString()}`);
  const data = body[TREND_KEY[kind]];
  if (!Array.isArray(data)) throw new ApiError(200, `The ${kind} answer has no "${TREND_KEY[kind]}" list.`);
  return { data: data as T, simulated: body['source'] === 'simulated' };
}
export const getAdoption = (attribute: string) => trends<AdoptionCurve[]>('adoption', attribute);
export const getOnset = (attribute: string) => trends<Onset[]>('onset', attribute);
export const getLag = (attribute: string) => trends<TierLag[]>('lag', attribute);
export const getPrices = (attribute: string) => trends<PriceBand[]>('prices', attribute);
export const getForecast = (attribute: string) => trends<TierForecast[]>('forecast', attribute, { horizon: '12' });
