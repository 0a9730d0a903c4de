import { describe, expect, it } from 'vitest';
import { bagHash, badgeHash, subjectHash, subjectsHash } from '../src/badges/content-hash.js';
import { computeBadges, VERDICT_OF_CODE, type ChunkBag, type ChunkSubject } from '../src/badges/compute.js';
import { decodeLayout, encodeLayout } from '../src/badges/layout-code.js';
import { builtinSubjects, COMMON_KIT_SUBJECTS, isSingleItem } from '../src/badges/subjects.js';
import { builtinCatalogBags } from '../src/catalog/bag-from-draft.js';
import { FITS, TOO_SMALL } from '../src/catalog/fit-classify.js';
import { ESSENTIALS } from '../src/data/essentials.js';
import { fit } from '../src/fit/fit.js';
import { verifyLayout } from '../src/fit/verify.js';
import type { Interior } from '../src/model/bag.js';

const bags = builtinCatalogBags('2025-01-01');
const chunkBags: ChunkBag[] = bags.map((b) => ({ id: b.id, interior: b.interior, hash: bagHash(b.interior) }));
const subjects: ChunkSubject[] = builtinSubjects(ESSENTIALS).map((subject) => ({ subject, hash: subjectHash(subject) }));

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
    expect(badgeHash('a', 'b')).not.toBe(badgeHash('b', 'a'));
    const list = subjects.map((x) => ({ id: x.subject.id, hash: x.hash }));
    expect(subjectsHash([...list].reverse())).toBe(subjectsHash(list));
    expect(subjectsHash(list.slice(1))).not.toBe(subjectsHash(list));
  });
});

describe('computeBadges', () => {
  const out = computeBadges(chunkBags, subjects);

  it('gives one badge per bag and subject, each with its hash', () => {
    expect(out.bag_id.length).toBe(bags.length * subjects.length);
    const keys = new Set(out.bag_id.map((b, k) => `${b}/${out.subject_id[k]}`));
    expect(keys.size).toBe(out.bag_id.length);
    const k = out.bag_id.length - 1;
    const bag = chunkBags.find((b) => b.id === out.bag_id[k])!;
    const subject = subjects.find((s) => s.subject.id === out.subject_id[k])!;
    expect(out.hash[k]).toBe(badgeHash(bag.hash, subject.hash));
  });

  it('proves each fit with a layout the verifier accepts, and agrees with fit() on the kits', () => {
    let kitFits = 0;
    let kitNoes = 0;
    for (let k = 0; k < out.bag_id.length; k++) {
      const bag = bags.find((b) => b.id === out.bag_id[k])!;
      const subject = subjects.find((s) => s.subject.id === out.subject_id[k])!.subject;
      const v = out.verdict[k]!;
      if (v === FITS) {
        const placements = decodeLayout(out.layout[k]!, subject.items);
        expect(placements).not.toBeNull();
        expect(verifyLayout(bag.interior, subject.items, placements!).ok, `${subject.id} in ${bag.id}`).toBe(true);
      } else expect(out.layout[k]).toBeNull();
      if (isSingleItem(subject)) continue;
      const engine = fit({ bag: bag.interior, items: subject.items, options: { timeLimitMs: 2000 } }).verdict;
      // Sound both ways: a proved "no" is never a fit for the engine, and a verified fit never its "no".
      if (v === TOO_SMALL) expect(engine, `${subject.id} in ${bag.id}`).not.toBe('fits');
      if (v === FITS) expect(engine).not.toBe('does-not-fit');
      if (v === FITS) kitFits++;
      if (v === TOO_SMALL) kitNoes++;
    }
    expect(kitFits).toBeGreaterThan(50);
    expect(kitNoes).toBeGreaterThan(20);
  });

  it('computes only the subjects a bag asks for', () => {
    const only = computeBadges([{ ...chunkBags[0]!, only: [1, subjects.length - 1] }, chunkBags[1]!], subjects);
    expect(only.bag_id.filter((b) => b === chunkBags[0]!.id).length).toBe(2);
    expect(only.subject_id.filter((_, k) => only.bag_id[k] === chunkBags[0]!.id).sort()).toEqual([subjects[1]!.subject.id, subjects.at(-1)!.subject.id].sort());
    expect(only.bag_id.filter((b) => b === chunkBags[1]!.id).length).toBe(subjects.length);
  });

  it('gives the same verdicts whatever the chunking', () => {
    const halves = [computeBadges(chunkBags.slice(0, 20), subjects), computeBadges(chunkBags.slice(20), subjects)];
    const whole = new Map(out.bag_id.map((b, k) => [`${b}/${out.subject_id[k]}`, VERDICT_OF_CODE[out.verdict[k]!]]));
    for (const h of halves) for (let k = 0; k < h.bag_id.length; k++) expect(VERDICT_OF_CODE[h.verdict[k]!]).toBe(whole.get(`${h.bag_id[k]}/${h.subject_id[k]}`));
  });
});

describe('layout codes', () => {
  it('round-trip, and refuse what is not one', () => {
    const kit = COMMON_KIT_SUBJECTS[4]!.items;
    const r = fit({ bag: { shape: 'box', w: 200, h: 120, d: 40 }, items: kit, options: { timeLimitMs: 1000 } });
    expect(r.verdict).toBe('fits');
    expect(decodeLayout(encodeLayout(r.placements), kit)).toEqual(r.placements);
    expect(decodeLayout('not json', kit)).toBeNull();
    expect(decodeLayout('[[99,0,"whd",0,0,0,1,1,1]]', kit)).toBeNull();
    expect(decodeLayout('[[0,0,"xyz",0,0,0,1,1,1]]', kit)).toBeNull();
  });
});
