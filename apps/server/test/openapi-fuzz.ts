/**
 * Requests that violate the OpenAPI document, generated from the document itself with fast-check:
 * each operation's documented examples (and, for the query string, no parameters) mutated at a
 * place the schema constrains, so that the result breaks the schema whatever union branch the
 * value might otherwise match:
 * - a value of a type none of the node's schemas allows (a union node counts as one node: the
 *   walk never descends into a union, where another branch might accept the mutation);
 * - a required property removed, an unknown one added where additionalProperties is false;
 * - a number past its bound, a string or array past its length, a value outside its enum.
 */
import fc from 'fast-check';

export type JsonSchema = { [k: string]: unknown };
export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface MediaType {
  schema: JsonSchema;
  /** Where @fastify/swagger puts a schema's examples: several as {example1: {value}, ...}, one as `example`. */
  examples?: Record<string, { value: unknown }>;
  example?: unknown;
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, MediaType> };
}

function examplesOf(doc: OpenApiDoc, media: MediaType | undefined): Json[] {
  if (!media) return [];
  const listed = Object.values(media.examples ?? {}).map((e) => e.value as Json);
  if (media.example !== undefined) listed.push(media.example as Json);
  const inSchema = (resolveRef(doc, media.schema)['examples'] ?? []) as Json[];
  return [...listed, ...inSchema];
}

export interface FuzzRequest {
  readonly method: string;
  /** The path with its parameters filled in, and the query string. */
  readonly url: string;
  readonly body?: unknown;
  readonly why: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Mutation = { why: string; apply: (v: Json) => Json };

export function resolveRef(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  let out = s;
  for (let i = 0; i < 20 && typeof out['$ref'] === 'string'; i++) {
    const name = (out['$ref'] as string).replace('#/components/schemas/', '');
    out = doc.components?.schemas?.[name] ?? {};
  }
  return out;
}

const union = (s: JsonSchema) => (s['anyOf'] ?? s['oneOf']) as JsonSchema[] | undefined;

/** The JSON types a schema admits, or null when it admits anything (or the walk cannot tell). */
function allowedTypes(doc: OpenApiDoc, raw: JsonSchema): Set<string> | null {
  const s = resolveRef(doc, raw);
  const branches = union(s);
  if (branches) {
    const all = new Set<string>();
    for (const b of branches) {
      const t = allowedTypes(doc, b);
      if (t === null) return null;
      for (const x of t) all.add(x);
    }
    return all;
  }
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if ('const' in s) return new Set([typeOf(s['const'])]);
  if (Array.isArray(s['enum'])) return new Set((s['enum'] as unknown[]).map(typeOf));
  const t = s['type'];
  if (typeof t === 'string') return new Set(t === 'integer' ? ['integer'] : [t]);
  if (Array.isArray(t)) return new Set(t as string[]);
  return null;
}

const WRONG: readonly { type: string; value: Json }[] = [
  { type: 'boolean', value: true },
  { type: 'number', value: 12_345.5 },
  { type: 'string', value: 'zz-fuzz' },
  { type: 'null', value: null },
  { type: 'array', value: [] },
  { type: 'object', value: {} },
];

function wrongValues(types: Set<string>): Json[] {
  // 12345.5 is also wrong where only integers are allowed.
  return WRONG.filter(({ type }) => !types.has(type)).map((w) => w.value);
}

/** Mutations of the value `v` at this node, given its schema; recurses through plain objects and arrays. */
function mutations(doc: OpenApiDoc, raw: JsonSchema, v: Json, at: string): Mutation[] {
  const s = resolveRef(doc, raw);
  const out: Mutation[] = [];
  const types = allowedTypes(doc, s);
  if (types) for (const w of wrongValues(types)) out.push({ why: `${at}: ${JSON.stringify(w)} is of a type the schema does not allow`, apply: () => w });
  if (union(s)) return out;
  if (typeof v === 'number') {
    if (typeof s['exclusiveMinimum'] === 'number') out.push({ why: `${at}: at its exclusive minimum`, apply: () => s['exclusiveMinimum'] as number });
    if (typeof s['minimum'] === 'number') out.push({ why: `${at}: below its minimum`, apply: () => (s['minimum'] as number) - 1 });
    if (typeof s['maximum'] === 'number') out.push({ why: `${at}: above its maximum`, apply: () => (s['maximum'] as number) + 1 });
    if (s['type'] === 'integer') out.push({ why: `${at}: not whole`, apply: () => Math.floor(v) + 0.5 });
  }
  if (typeof v === 'string') {
    if (typeof s['minLength'] === 'number' && s['minLength'] > 0) out.push({ why: `${at}: shorter than its minimum`, apply: () => '' });
    if (typeof s['maxLength'] === 'number') out.push({ why: `${at}: longer than its maximum`, apply: () => 'x'.repeat((s['maxLength'] as number) + 1) });
    if (typeof s['pattern'] === 'string') out.push({ why: `${at}: against its pattern`, apply: () => '\u0000not-matching\u0000' });
  }
  if (Array.isArray(s['enum'])) out.push({ why: `${at}: outside its enum`, apply: () => 'zz-not-an-option' });
  if (Array.isArray(v)) {
    if (typeof s['minItems'] === 'number' && s['minItems'] > 0) out.push({ why: `${at}: fewer items than its minimum`, apply: () => [] });
    if (typeof s['maxItems'] === 'number' && v.length > 0) out.push({ why: `${at}: more items than its maximum`, apply: () => Array.from({ length: (s['maxItems'] as number) + 1 }, () => v[0]!) });
    const items = s['items'] as JsonSchema | undefined;
    if (items) {
      v.forEach((x, i) => {
        for (const m of mutations(doc, items, x, `${at}[${i}]`)) out.push({ why: m.why, apply: (arr) => (arr as Json[]).map((y, j) => (j === i ? m.apply(y) : y)) });
      });
    }
  } else if (v !== null && typeof v === 'object') {
    const props = (s['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const key of (s['required'] ?? []) as string[]) {
      if (key in v) out.push({ why: `${at}.${key}: required, removed`, apply: (o) => Object.fromEntries(Object.entries(o as object).filter(([k]) => k !== key)) as Json });
    }
    if (s['additionalProperties'] === false) out.push({ why: `${at}: an unknown property`, apply: (o) => ({ ...(o as object), zz_unknown: 1 }) });
    for (const [key, child] of Object.entries(v)) {
      const ps = props[key];
      if (!ps) continue;
      for (const m of mutations(doc, ps, child, `${at}.${key}`)) out.push({ why: m.why, apply: (o) => ({ ...(o as object), [key]: m.apply((o as Record<string, Json>)[key]!) }) });
    }
  }
  return out;
}

/** A query parameter's value, as text, that its schema refuses. */
function badParam(doc: OpenApiDoc, raw: JsonSchema): string[] {
  const s = resolveRef(doc, raw);
  const out: string[] = [];
  const item = s['type'] === 'array' ? resolveRef(doc, (s['items'] ?? {}) as JsonSchema) : s;
  if (Array.isArray(item['enum'])) out.push('zz-not-an-option');
  if (item['type'] === 'number' || item['type'] === 'integer') out.push('not-a-number');
  if (item['type'] === 'integer') out.push('1.5');
  if (typeof item['minimum'] === 'number') out.push(String((item['minimum'] as number) - 1));
  if (typeof item['maximum'] === 'number') out.push(String((item['maximum'] as number) + 1));
  if (typeof item['maxLength'] === 'number') out.push('x'.repeat((item['maxLength'] as number) + 1));
  if (item['type'] === 'boolean') out.push('maybe');
  if (typeof item['pattern'] === 'string') out.push('not-matching');
  return out;
}

/** Every schema-violating request the document implies, as a fast-check arbitrary. */
export function violatingRequests(doc: OpenApiDoc): fc.Arbitrary<FuzzRequest> {
  const options: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const fill = path.replace(/\{[^}]+\}/g, 'b05');
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json'];
      const examples = examplesOf(doc, json);
      const bad: FuzzRequest[] = [];
      for (const p of params.filter((q) => q.in === 'query')) {
        for (const value of badParam(doc, p.schema)) bad.push({ method, url: `${fill}?${new URLSearchParams({ [p.name]: value })}`, body: examples[0], why: `query ${p.name}=${value.slice(0, 20)}` });
      }
      for (const p of params.filter((q) => q.in === 'path')) {
        for (const value of badParam(doc, p.schema)) bad.push({ method, url: path.replace(`{${p.name}}`, encodeURIComponent(value)), body: examples[0], why: `path ${p.name}=${value.slice(0, 20)}` });
      }
      if (bad.length > 0) options.push(fc.constantFrom(...bad));
      if (!json) continue;
      for (const example of examples) {
        const muts = mutations(doc, json.schema, example, 'body');
        for (const root of [[], 'text', 7, null, true] as Json[]) muts.push({ why: `the body is ${JSON.stringify(root)}`, apply: () => root });
        options.push(fc.constantFrom(...muts).map((m) => ({ method, url: fill, body: m.apply(structuredClone(example)), why: m.why })));
      }
    }
  }
  return fc.oneof(...options);
}

/** Each operation's documented examples, which must be valid. */
export function documentedExamples(doc: OpenApiDoc): FuzzRequest[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => {
      const examples = examplesOf(doc, op.requestBody?.content['application/json']);
      return examples.map((body) => ({ method, url: path, body, why: 'documented example' }));
    }),
  );
}
