export { BADGE_ENGINE_VERSION, cyrb53, interiorKey, bagHash, subjectHash, subjectsHash } from './content-hash.js';
export { COMMON_KITS, COMMON_KIT_SUBJECTS, kitSubjectId, itemSubject, builtinSubjects, isSingleItem } from './subjects.js';
export { itemProbe, checkItem, singleItemLayout, singleItemChar, type ItemProbe } from './single-item.js';
export { encodeLayout, decodeLayout } from './layout-code.js';
export {
  LAYOUT_SEPARATOR,
  SLOT_HOLE,
  singleFitChar,
  segmentOfChar,
  splitPayload,
  payloadSegments,
  payloadOf,
  singleFitSegment,
  segmentVerdict,
  segmentLayout,
  currentSegments,
  type SubjectSlot,
  type StoredBagBadges,
} from './payload.js';
export { computeBadges, DEFAULT_BADGE_BUDGET, VERDICT_OF_CODE, type ChunkBag, type ChunkSubject, type BadgeBudget, type BadgeRows } from './compute.js';
