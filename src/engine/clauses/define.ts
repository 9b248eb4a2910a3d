// Builders for clause definitions: a flag, a min/max pair, an id list, and `negated`, which builds an
// exclude_* clause from its require_* twin so that exclusion is composed rather than written twice.
import type { Killmail } from '../killmail/types.ts';
import type { SpaceClass } from '../universe/types.ts';
import type {
  ClauseCompileContext,
  ClauseCrossCheckContext,
  ClauseDefinition,
  ClauseDescribeContext,
  ClauseEffects,
  ClauseGroup,
  ClauseIndexing,
  ClauseMenu,
  ClauseScreen,
  ClauseTest,
  ClauseValue,
  ClauseValueKind,
  KillKind,
} from './types.ts';
import { VALUE_KINDS } from './value-kinds.ts';

type NumberKind = 'int' | 'number' | 'isk';
type IdListKind = Exclude<ClauseValueKind, NumberKind | 'flag' | 'roles'>;

/** The validated value type of each value kind. */
export type ValueOf<K extends ClauseValueKind> = K extends NumberKind
  ? number
  : K extends 'flag'
    ? boolean
    : K extends 'roles'
      ? readonly string[]
      : readonly number[];

interface ClauseMeta<K extends ClauseValueKind> {
  key: string;
  label: string;
  group: ClauseGroup;
  menu: ClauseMenu;
  valueKind: K;
  cost: number;
  effects?: ClauseEffects;
}

export interface ClauseSpec<K extends ClauseValueKind> extends ClauseMeta<K> {
  needsOrigin?: true;
  indexedBy?: ClauseIndexing;
  excludesSpaceClass?: SpaceClass;
  screen?: ClauseScreen;
  crossCheck?(value: ValueOf<K>, context: ClauseCrossCheckContext): string | undefined;
  compile(value: ValueOf<K>, context: ClauseCompileContext): ClauseTest | null;
  describe(value: ValueOf<K>, context: ClauseDescribeContext): string;
}

const NEEDS_ORIGIN = 'needs an origin: set origin_solar_system_id to the system to count from';

type CrossCheck = NonNullable<ClauseDefinition['crossCheck']>;

/** A cross-check that first asks for an origin when the clause is measured from one. */
function withOriginCheck(needsOrigin: true | undefined, crossCheck: CrossCheck): CrossCheck;
function withOriginCheck(
  needsOrigin: true | undefined,
  crossCheck: CrossCheck | undefined,
): CrossCheck | undefined;
function withOriginCheck(
  needsOrigin: true | undefined,
  crossCheck: CrossCheck | undefined,
): CrossCheck | undefined {
  if (!needsOrigin) return crossCheck;
  return (value, context) => (context.hasOrigin ? crossCheck?.(value, context) : NEEDS_ORIGIN);
}

/** A clause definition from a spec typed by its value kind. */
export function defineClause<K extends ClauseValueKind>(spec: ClauseSpec<K>): ClauseDefinition {
  // Values reach compile/describe/crossCheck only after validate() accepted them for this kind.
  const typed = (value: ClauseValue) => value as ValueOf<K>;
  const { crossCheck: ownCheck } = spec;
  const crossCheck = withOriginCheck(
    spec.needsOrigin,
    ownCheck && ((value, context) => ownCheck(typed(value), context)),
  );
  return {
    key: spec.key,
    label: spec.label,
    group: spec.group,
    menu: spec.menu,
    valueKind: spec.valueKind,
    cost: spec.cost,
    ...(spec.needsOrigin && { needsOrigin: spec.needsOrigin }),
    ...(spec.effects && { effects: spec.effects }),
    ...(spec.indexedBy && { indexedBy: spec.indexedBy }),
    ...(spec.excludesSpaceClass && { excludesSpaceClass: spec.excludesSpaceClass }),
    ...(spec.screen && { screen: spec.screen }),
    validate: VALUE_KINDS[spec.valueKind].validate,
    ...(crossCheck && { crossCheck }),
    compile: (value, context) => spec.compile(typed(value), context),
    describe: (value, context) => spec.describe(typed(value), context),
  };
}

/**
 * A true/false clause: true applies the test, false sets no condition. A clause about the kill's space
 * class or kind says so (`excludesSpaceClass`, `killKind`), and its test must be exactly that condition.
 */
export function flagClause(
  spec: Omit<ClauseMeta<'flag'>, 'valueKind'> & {
    excludesSpaceClass?: SpaceClass;
    killKind?: { killKind: KillKind; is: boolean };
    test: ClauseTest;
    phrase: string;
  },
): ClauseDefinition {
  const { killKind, ...rest } = spec;
  const screen: ClauseScreen | undefined = killKind
    ? { kind: 'kill_kind', ...killKind }
    : spec.excludesSpaceClass && { kind: 'space_class', spaceClass: spec.excludesSpaceClass };
  return defineClause({
    ...rest,
    ...(screen && { screen }),
    valueKind: 'flag',
    compile: (value) => (value ? spec.test : null),
    describe: () => spec.phrase,
  });
}

/**
 * The exclude_* twin of a require_* clause: same value kind, menu, origin need and validation, the
 * opposite test, and a cross-check that the two do not contradict each other (same flag set twice, same
 * id in both lists). Effects are the twin's own: excluding is not what they describe.
 */
export function negated(
  twin: ClauseDefinition,
  spec: { key: string; label: string; describe(value: ClauseValue, context: ClauseDescribeContext): string },
): ClauseDefinition {
  return {
    key: spec.key,
    label: spec.label,
    group: twin.group,
    menu: twin.menu,
    valueKind: twin.valueKind,
    cost: twin.cost,
    ...(twin.needsOrigin && { needsOrigin: twin.needsOrigin }),
    validate: twin.validate,
    ...(twin.screen?.kind === 'kill_kind' && { screen: { ...twin.screen, is: !twin.screen.is } }),
    crossCheck: withOriginCheck(twin.needsOrigin, (value, context) =>
      contradiction(twin.key, value, context.clauses[twin.key]),
    ),
    compile: (value, context) => {
      const test = twin.compile(value, context);
      return test && ((killmail, scope) => !test(killmail, scope));
    },
    describe: spec.describe,
  };
}

function contradiction(
  twinKey: string,
  value: ClauseValue,
  twinValue: ClauseValue | undefined,
): string | undefined {
  if (twinValue === undefined) return undefined;
  if (value === true && twinValue === true) {
    return `contradicts ${twinKey}: no killmail can be both; remove one of them`;
  }
  if (Array.isArray(value) && Array.isArray(twinValue)) {
    const both = (value as ReadonlyArray<number | string>).filter((id) =>
      (twinValue as ReadonlyArray<number | string>).includes(id),
    );
    if (both.length > 0) {
      return `${both.join(', ')} ${both.length > 1 ? 'are' : 'is'} also in ${twinKey}: remove ${both.length > 1 ? 'them' : 'it'} from one of the two lists`;
    }
  }
  return undefined;
}

/**
 * A require_min_* / require_max_* pair over one number of the killmail. A killmail without that number
 * (e.g. no zKillboard value) never matches either clause.
 */
export function rangeClauses(spec: {
  minKey: string;
  maxKey: string;
  minLabel: string;
  maxLabel: string;
  group: ClauseGroup;
  menu: ClauseMenu;
  valueKind: NumberKind;
  cost: number;
  /** Set when the matcher may index trackers by the minimum (see tracker/range-index.ts). */
  minIndexedBy?: ClauseIndexing;
  /** Set when `read` is what the matcher's screen reads (see tracker/screen.ts). */
  screenOf?: 'value' | 'attackers';
  read: (killmail: Killmail) => number | undefined;
  minPhrase: (value: number) => string;
  maxPhrase: (value: number) => string;
}): [ClauseDefinition, ClauseDefinition] {
  const { read } = spec;
  const min = defineClause({
    key: spec.minKey,
    label: spec.minLabel,
    group: spec.group,
    menu: spec.menu,
    valueKind: spec.valueKind,
    cost: spec.cost,
    ...(spec.minIndexedBy && { indexedBy: spec.minIndexedBy }),
    ...(spec.screenOf && { screen: { kind: 'min', of: spec.screenOf } }),
    crossCheck: (value, context) => {
      const max = context.clauses[spec.maxKey];
      return typeof max === 'number' && value > max
        ? `is above ${spec.maxKey} (${max}): no killmail can match; lower it or raise the maximum`
        : undefined;
    },
    compile: (value) => (killmail) => {
      const actual = read(killmail);
      return actual !== undefined && actual >= value;
    },
    describe: (value) => spec.minPhrase(value),
  });
  const max = defineClause({
    key: spec.maxKey,
    label: spec.maxLabel,
    group: spec.group,
    menu: spec.menu,
    valueKind: spec.valueKind,
    cost: spec.cost,
    ...(spec.screenOf && { screen: { kind: 'max', of: spec.screenOf } }),
    compile: (value) => (killmail) => {
      const actual = read(killmail);
      return actual !== undefined && actual <= value;
    },
    describe: (value) => spec.maxPhrase(value),
  });
  return [min, max];
}

/** A list clause over EVE ids: an empty list sets no condition. */
export function idListClause<K extends IdListKind>(
  spec: ClauseMeta<K> & {
    indexedBy?: ClauseIndexing;
    test: (ids: readonly number[], context: ClauseCompileContext) => ClauseTest;
    describe(value: readonly number[], context: ClauseDescribeContext): string;
  },
): ClauseDefinition {
  return defineClause({
    ...spec,
    compile: (value, context) => (value.length === 0 ? null : spec.test(value as readonly number[], context)),
    describe: (value, context) => spec.describe(value as readonly number[], context),
  });
}

/** The EVE ids in a validated clause value, read when compiling; [] when it holds none (or is no list). */
export function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/** A membership test for one id, fastest for the list's size (most lists hold one id). */
export function memberOf(ids: readonly number[]): (id: number | undefined) => boolean {
  if (ids.length === 1) {
    const only = ids[0];
    return (id) => id === only;
  }
  const set = new Set(ids);
  return (id) => id !== undefined && set.has(id);
}

/** True when a killmail id set and the listed ids share an id; walks whichever side is smaller. */
export function overlapsWith(ids: readonly number[]): (present: ReadonlySet<number>) => boolean {
  if (ids.length === 1) {
    const only = ids[0]!;
    return (present) => present.has(only);
  }
  const set = new Set(ids);
  return (present) => {
    if (present.size < ids.length) {
      for (const id of present) if (set.has(id)) return true;
      return false;
    }
    for (let i = 0; i < ids.length; i++) if (present.has(ids[i]!)) return true;
    return false;
  };
}
