// Public API of the engine: killmail parsing and normalization, the clause registry and its value kinds,
// tracker validation and compilation, the matcher, fleet detection, and number formatting as players read
// it. The map and the item catalog are in ./universe/index.ts, alert rendering in ./render/index.ts, fight
// reports in ./fight/index.ts.

export type { ItemCatalog } from './catalog.ts';
export { type DescribeOptions, describeClause, describeTracker, setsCondition } from './clauses/describe.ts';
export {
  CLAUSE_DEFINITIONS,
  CLAUSE_KEYS,
  findClause,
  getClause,
  UnknownClauseError,
} from './clauses/registry.ts';
export type {
  ClauseDefinition,
  ClauseGroup,
  ClauseMenu,
  ClauseNameKind,
  ClauseNameLookup,
  ClauseValue,
  ClauseValueKind,
} from './clauses/types.ts';
export {
  formatClauseNumber,
  isListValueKind,
  type ListValueKind,
  nameKindOf,
  VALUE_KINDS,
  type ValueKindSpec,
  type ValueKindsFrom,
  valueInputOf,
} from './clauses/value-kinds.ts';
export { isSnowflake } from './clauses/values.ts';
export { formatCount, formatIsk, formatJumps, formatLightYears, formatSecurity } from './format.ts';
export { findMainGroup, findMainShipGroup, mainThreshold } from './fleet.ts';
export { type NormalizeContext, normalizeKillmail } from './killmail/normalize.ts';
export {
  type KillmailParseEntry,
  type KillmailParseResult,
  parseKillmailDocument,
  parseKillmailDocuments,
} from './killmail/parse.ts';
export type * from './killmail/types.ts';
export { createMatcher, type Matcher, type MatcherOptions, type SetTrackerOptions } from './matcher.ts';
export { type CompiledTracker, type CompileTrackerOptions, compileTracker } from './tracker/compile.ts';
export type { EsiName, EsiNameCategory, ResolvedName } from './names.ts';
export { createMatchScope } from './tracker/match-scope.ts';
export {
  describePingRuleCondition,
  everyPossiblePing,
  MAX_PING_COOLDOWN_MINUTES,
  MAX_PING_RULES,
  type PingFacts,
  pingForKill,
  pingRuleMatches,
  pingsAnyone,
} from './tracker/ping-rules.ts';
export { trackerInKeyOrder } from './tracker/key-order.ts';
export type * from './tracker/types.ts';
export type { Universe } from './universe/types.ts';
export {
  InvalidTrackerError,
  TRACKER_DESCRIPTION_MAX_LENGTH,
  type TrackerBatchProblem,
  type TrackerBatchValidation,
  type TrackerProblem,
  type TrackerValidation,
  type ValidateTrackerOptions,
  validateTracker,
  validateTrackers,
} from './tracker/validate.ts';
export {
  computeDigest,
  type DigestBucket,
  type DigestFigures,
  type DigestKill,
  type DigestSide,
  digestSide,
  type Ranked,
} from './digest/figures.ts';
export { DIGEST_PERIODS } from './digest/options.ts';
export { DIGEST_CHART_FILE, type DigestRenderInput, digestTitle, renderDigest } from './digest/render.ts';
export {
  DAY_MS,
  type DigestWindow,
  HOUR_MS,
  latestScheduledWindow,
  periodLength,
  windowEndingAt,
} from './digest/schedule.ts';
