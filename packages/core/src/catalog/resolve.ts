/**
 * Name resolution shared by every command and, later, the API: "e03", "iphone 15",
 * "airpods pro 2", "credit card", "Nano Speedy". In order, the first rule with any match wins:
 * exact id; exact name; unique name prefix; unique substring; every query word starting a word
 * of the name. Several matches under one rule is an ambiguity that lists them; none at all is an
 * error with the nearest names by edit distance.
 */
export interface Named {
  readonly id: string;
  /** Names the record answers to; the first is its display name. */
  readonly names: readonly string[];
}

export type Resolution<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'unknown' | 'ambiguous'; query: string; candidates: { id: string; name: string }[] };

export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function resolveName<T extends Named>(query: string, records: readonly T[]): Resolution<T> {
  const q = normalizeName(query);
  const display = (r: T) => ({ id: r.id, name: r.names[0] ?? r.id });
  if (q === '') return { ok: false, code: 'unknown', query, candidates: [] };
  const norm = records.map((r) => ({ r, names: r.names.map(normalizeName) }));
  const words = q.split(' ');
  const rules: ((names: string[], r: T) => boolean)[] = [
    (_n, r) => r.id.toLowerCase() === q,
    (names) => names.includes(q),
    (names) => names.some((n) => n.startsWith(q)),
    (names) => names.some((n) => n.includes(q)),
    (names) => names.some((n) => words.every((w) => n.split(' ').some((t) => t.startsWith(w)))),
  ];
  for (const rule of rules) {
    const hits = norm.filter((x) => rule(x.names, x.r));
    if (hits.length === 1) return { ok: true, value: hits[0]!.r };
    if (hits.length > 1) return { ok: false, code: 'ambiguous', query, candidates: hits.slice(0, 10).map((x) => display(x.r)) };
  }
  const nearest = norm
    .map((x) => ({ x, dist: Math.min(...x.names.map((n) => editDistance(q, n.slice(0, Math.max(q.length, 1) + 3)))) }))
    .sort((a, b) => a.dist - b.dist)
    .slice(0, 5)
    .map(({ x }) => display(x.r));
  return { ok: false, code: 'unknown', query, candidates: nearest };
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function describeResolution(r: Exclude<Resolution<unknown>, { ok: true }>, what: string): string {
  const list = r.candidates.map((c) => `${c.id} ${c.name}`).join('; ');
  return r.code === 'ambiguous'
    ? `"${r.query}" matches several ${what}s: ${list}. Use an id or more words.`
    : `no ${what} matches "${r.query}"${list ? `; nearest: ${list}` : ''}`;
}
