export { BADGE_ENGINE_VERSION, cyrb53, interiorKey, bagHash, subjectHash, badgeHash, subjectsHash } from './content-hash.js';
export { COMMON_KITS, COMMON_KIT_SUBJECTS, kitSubjectId, itemSubject, builtinSubjects, isSingleItem } from './subjects.js';
export { itemProbe, checkItem, singleItemLayout, type ItemProbe } from './single-item.js';
export { encodeLayout, decodeLayout } from './layout-code.js';
export { computeBadges, DEFAULT_BADGE_BUDGET, VERDICT_OF_CODE, type ChunkBag, type ChunkSubject, type BadgeBudget, type BadgeColumns } from './compute.js';
