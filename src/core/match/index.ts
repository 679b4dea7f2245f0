// Duplicate detection: match keys, name comparison, pair scoring and verdicts.
export { canonicalEmail, matchProfile, blockingKeys, companyKeys, PER_KEY_LIMIT, type MatchProfile } from './keys';
export { nameForm, nameSkeleton, jaroWinkler, compareNames, type NameForm, type NameLevel } from './names';
export {
  scorePair,
  pairFingerprint,
  LEVELS,
  THRESHOLDS,
  COMMON_NAME_PENALTY,
  type PairScore,
  type PairContext,
  type FieldComparison,
} from './score';
export { decideMatch, type Candidate, type MatchOutcome, type DecideOptions } from './decide';
export { InMemoryMatcher, type MatchedLead } from './memory-matcher';
