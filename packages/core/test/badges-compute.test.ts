import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bagHash, subjectHash, subjectsHash } from '../src/badges/content-hash.js';
import { computeBadges, VERDICT_OF_CODE, type BadgeRows, type ChunkBag, type ChunkSubject } from '../src/badges/compute.js';
import { decodeLayout, encodeLayout } from '../src/badges/layout-code.js';
import { currentSegments, payloadOf, payloadSegments, segmentLayout, segmentVerdict, singleFitSegment } from '../src/badges/payload.js';
import { builtinSubjects, COMMON_KIT_SUBJECTS, isSingleItem } from '../src/badges/subjects.js';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { FITS, TOO_SMALL } from '../src/catalog/fit-classify.js';
import { ESSENTIALS } from '../src/data/essentials.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';

const bags = builtinCatalogBags('2025-01-01');
const chunkBags: (ChunkBag & { hash: string })[] = bags.map((b) => ({ id: b.id, interior: b.interior, hash: bagHash(b.interior) }));
// Positions with a hole at 3 (a dropped subject's slot): payloads must leave it empty.
const subjects: ChunkSubject[] = builtinSubjects(ESSENTIALS).map((subject, k) => ({ subject, hash: subjectHash(subject), position: k < 3 ? k : k + 1 }));

/** Each (bag, subject) segment of the rows, keyed "bag/subject". */
function segmentsOf(rows: BadgeRows): Map<string, string> {
  const out = new Map<string, string>();
  rows.bag_id.forEach((bag, r) => {
    const segs = payloadSegments(rows.payload[r]!);
    for (const s of subjects) out.set(`${bag}/${s.subject.id}`, segs[s.position]!);
  });
  return out;
}

describe('content hashes', () => {
  const box: Interior = { shape: 'box', w: 100, h: 70, d: 30 };
  it('change with what the verdict depends on, and only with that', () => {
    expect(bagHash(box)).toBe(bagHash({ ...box }));
    expect(bagHash({ ...box, derived: true })).toBe(bagHash(box));
    expect(bagHash({ ...box, d: 31 })).not.toBe(bagHash(box));
    expect(bagHash({ ...box, give: 2 })).not.toBe(bagHash(box));
    expect(bagHash({ ...box, opening: { length: 90, gape: 20 } })).not.toBe(bagHash(box));
    expect(bagHash({ shape: 'round', w: 100, h: 70, d: 30 })).not.toBe(bagHash(box));
    const s = subjects[0]!.subject;
    const bigger = { ...s, items: [{ ...s.items[0]!, dims: { ...s.items[0]!.dims, w: s.items[0]!.dims.w + 0.01 } }] };
    expect(subjectHash(bigger)).not.toBe(subjectHash(s));
    const list = subjects.map((x) => ({ id: x.subject.id, hash: x.hash }));
    expect(subjectsHash([...list].reverse())).toBe(subjectsHash(list));
    expect(subjectsHash(list.slice(1))).not.toBe(subjectsHash(list));
  });
});

describe('computeBadges', () => {
  const out = computeBadges(chunkBags, subjects);
  const all = segmentsOf(out);

  it('gives one row per bag holding every subject once, the dropped slot empty', () => {
    expect(out.bag_id).toEqual(chunkBags.map((b) => b.id));
    expect(out.bag_hash).toEqual(chunkBags.map((b) => b.hash));
    expect(out.computed).toBe(bags.length * subjects.length);
    // A bag sent without its hash (one with no stored row) gets it computed, the same rows otherwise.
    const unhashed = computeBadges(chunkBags.slice(0, 3).map(({ id, interior }) => ({ id, interior })), subjects);
    expect(unhashed.bag_hash).toEqual(chunkBags.slice(0, 3).map((b) => b.hash));
    expect(unhashed.payload).toEqual(out.payload.slice(0, 3));
    for (const [r, payload] of out.payload.entries()) {
      const segs = payloadSegments(payload);
      expect(segs).toHaveLength(subjects.length + 1);
      expect(payloadOf(segs)).toBe(payload);
      expect(segs[3]).toBe('');
      expect(segs.filter((s) => segmentVerdict(s) !== null)).toHaveLength(subjects.length);
      expect(out.n[r]).toBe(subjects.length);
    }
  });

  it('proves each fit with a layout the verifier accepts, and agrees with fit() on the kits', () => {
    let kitFits = 0;
    let kitNoes = 0;
    let origin = 0;
    let moved = 0;
    for (const bag of bags) {
      for (const { subject } of subjects) {
        const seg = all.get(`${bag.id}/${subject.id}`)!;
        const v = segmentVerdict(seg);
        if (v === FITS) {
          const placements = segmentLayout(seg, subject.items, bag.interior);
          expect(placements, seg).not.toBeNull();
          expect(verifyLayout(bag.interior, subject.items, placements!).ok, `${subject.id} in ${bag.id}`).toBe(true);
          if (isSingleItem(subject)) placements!.some((p) => p.x !== 0 || p.y !== 0 || p.z !== 0) ? moved++ : origin++;
        } else expect(seg.length, seg).toBe(1);
        if (isSingleItem(subject)) continue;
        const engine = fit({ bag: bag.interior, items: subject.items, options: { timeLimitMs: 2000 } }).verdict;
        // Sound both ways: a proved "no" is never a fit for the engine, and a verified fit never its "no".
        if (v === TOO_SMALL) expect(engine, `${subject.id} in ${bag.id}`).not.toBe('fits');
        if (v === FITS) expect(engine).not.toBe('does-not-fit');
        if (v === FITS) kitFits++;
        if (v === TOO_SMALL) kitNoes++;
      }
    }
    expect(kitFits).toBeGreaterThan(50);
    expect(kitNoes).toBeGreaterThan(20);
    // Both kinds of single-item fit occur: at the origin, and placed off it (curved interiors), whose
    // position the reader rebuilds from the interior.
    expect(origin).toBeGreaterThan(100);
    expect(moved).toBeGreaterThan(100);
  });

  it('computes only the subjects a bag asks for, keeping the others from its stored payload', () => {
    const first = out.payload[0]!;
    // The stored payload is stale for subject 1 and the last one: blank them to show they are recomputed.
    const stale = payloadSegments(first);
    const wrong = (seg: string) => (seg === 'N' ? 'U' : 'N');
    stale[subjects[1]!.position] = wrong(stale[subjects[1]!.position]!);
    stale[subjects.at(-1)!.position] = wrong(stale[subjects.at(-1)!.position]!);
    const only = computeBadges([{ ...chunkBags[0]!, only: [1, subjects.length - 1], previous: payloadOf(stale) }, chunkBags[1]!], subjects);
    expect(only.computed).toBe(2 + subjects.length);
    expect(only.payload).toEqual(out.payload.slice(0, 2));
    // A kept segment is taken as stored, not recomputed.
    const kept = computeBadges([{ ...chunkBags[0]!, only: [], previous: payloadOf(stale) }], subjects);
    expect(kept.computed).toBe(0);
    expect(kept.payload[0]).toBe(payloadOf(stale));
  });

  it('gives the same verdicts whatever the chunking', () => {
    // A kit's layout may differ (the classifier reuses layouts found in the same chunk); its verdict may not.
    const halves = [computeBadges(chunkBags.slice(0, 20), subjects), computeBadges(chunkBags.slice(20), subjects)];
    let compared = 0;
    for (const h of halves) {
      for (const [key, seg] of segmentsOf(h)) {
        expect(VERDICT_OF_CODE[segmentVerdict(seg)!], key).toBe(VERDICT_OF_CODE[segmentVerdict(all.get(key)!)!]);
        compared++;
      }
    }
    expect(compared).toBe(bags.length * subjects.length);
  });
});

describe('currentSegments', () => {
  const row = { bag_hash: chunkBags[0]!.hash, epoch: 5, payload: computeBadges([chunkBags[0]!], subjects).payload[0]! };
  const slots = subjects.map((s) => ({ subject_id: s.subject.id, position: s.position, hash: s.hash, since: 4 }));
  const wanted = subjects.map((s) => ({ id: s.subject.id, hash: s.hash }));
  it('reads a slot only while the bag, the subject and the epoch all say it is current', () => {
    expect(currentSegments(row, chunkBags[0]!.hash, slots, wanted).size).toBe(subjects.length);
    expect(currentSegments(row, chunkBags[1]!.hash, slots, wanted).size).toBe(0);
    const id = subjects[2]!.subject.id;
    const changed = wanted.map((w) => (w.id === id ? { ...w, hash: 'other' } : w));
    expect(currentSegments(row, row.bag_hash, slots, changed).has(id)).toBe(false);
    const later = slots.map((s) => (s.subject_id === id ? { ...s, since: 6 } : s));
    const got = currentSegments(row, row.bag_hash, later, wanted);
    expect(got.has(id)).toBe(false);
    expect(got.size).toBe(subjects.length - 1);
  });
});

describe('layout codes', () => {
  it('round-trip, and refuse what is not one', () => {
    const kit = COMMON_KIT_SUBJECTS[4]!.items;
    const r = fit({ bag: { shape: 'box', w: 200, h: 120, d: 40 }, items: kit, options: { timeLimitMs: 1000 } });
    expect(r.verdict).toBe('fits');
    expect(decodeLayout(encodeLayout(r.placements), kit)).toEqual(r.placements);
    expect(segmentLayout(`F${encodeLayout(r.placements)}`, kit, { shape: 'box', w: 200, h: 120, d: 40 })).toEqual(r.placements);
    expect(decodeLayout('not json', kit)).toBeNull();
    expect(decodeLayout('[[99,0,"whd",0,0,0,1,1,1]]', kit)).toBeNull();
    expect(decodeLayout('[[0,0,"xyz",0,0,0,1,1,1]]', kit)).toBeNull();
  });

  it('store a single item by its orientation alone, its extents and position rebuilt from its dims and the interior', () => {
    const item = { name: 'pouch', dims: { w: 40, h: 30, d: 20 }, quantity: 1, rotation: 'all' as const, shape: 'box' as const, soft: { squeeze: 0.5 } };
    const box: Interior = { shape: 'box', w: 50, h: 50, d: 50 };
    expect(singleFitSegment('hdw', false)).toBe('F3');
    expect(segmentLayout(singleFitSegment('hdw', false), [item], box)).toEqual([{ name: 'pouch', item: 0, copy: 0, orientation: 'hdw', x: 0, y: 0, z: 0, w: 30, h: 20, d: 40 }]);
    expect(segmentLayout(singleFitSegment('whd', true), [item], box)![0]).toMatchObject({ w: 40, h: 30, d: 10 });
    // In a round interior the item sits centred across the width, as bestSpotAlone put it.
    const round = segmentLayout('F0', [item], { shape: 'round', w: 80, h: 60, d: 30 })![0]!;
    expect(round.x).toBeGreaterThan(0);
    expect(segmentLayout('F9', [item], box)).toBeNull();
    expect(segmentLayout('F0x', [item], box)).toBeNull();
    expect(segmentLayout('F0', [item], { shape: 'box', w: 10, h: 10, d: 10 })).toBeNull();
    expect(segmentLayout('N', [item], box)).toBeNull();
  });
});

describe('stored payloads', () => {
  const layoutArb = fc
    .array(fc.tuple(fc.nat(5), fc.nat(3), fc.constantFrom('whd', 'wdh', 'hwd', 'hdw', 'dwh', 'dhw'), fc.double({ min: 0, max: 300, noNaN: true })), { minLength: 1, maxLength: 4 })
    .map((ps) => `F${encodeLayout(ps.map(([item, copy, orientation, v]) => ({ name: '', item, copy, orientation, x: v, y: 0, z: v / 2, w: 1, h: 2, d: 3 })))}`);
  const segmentArb = fc.oneof(fc.constantFrom('', 'N', 'U', 'F0', 'F3', 'F5', 'F0s', 'F2s', 'F5s'), layoutArb);

  it('hold a slot a character, the kits\' layouts after them, and read back as the same segments', () => {
    const segs = ['', 'N', 'U', 'F0', 'F5s', 'F[[0,0,"whd",0,0,0,1,2,3]]', '', 'F[[1,0,"hdw",0,0,0,1,2,3]]'];
    const p = payloadOf(segs);
    expect(p).toBe('-NU0fK-K|[[0,0,"whd",0,0,0,1,2,3]]|[[1,0,"hdw",0,0,0,1,2,3]]');
    expect(payloadSegments(p)).toEqual(segs);
    fc.assert(fc.property(fc.array(segmentArb, { maxLength: 40 }), (list) => {
        expect(payloadSegments(payloadOf(list))).toEqual(list);
      }), { numRuns: 500 });
    expect(() => payloadOf(['F9'])).toThrow(/F9/);
    // A character no writer uses reads as no badge.
    expect(segmentVerdict(payloadSegments('X')[0]!)).toBeNull();
  });

  it('take one byte a badge for items alone', () => {
    const items = subjects.filter((s) => isSingleItem(s.subject));
    const slots = Math.max(...items.map((s) => s.position)) + 1;
    const rows = computeBadges(chunkBags.slice(0, 10), items);
    for (const p of rows.payload) expect(p).toHaveLength(slots);
  });
});

