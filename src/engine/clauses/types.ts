// What a clause is: one definition object per clause key (label, value kind, validation, compilation,
// description), collected in the registry. Trackers hold clause values as plain data.
import type { Killmail } from '../killmail/types.ts';
import type { CharacterRoleLinks, TrackerClauses } from '../tracker/types.ts';
import type { JumpSearch, SpaceClass, Universe } from '../universe/types.ts';

export type ClauseGroup = 'location' | 'attackers' | 'victim' | 'value' | 'kind' | 'members';

/** The Discord editor's "Add a condition" menus; each clause is offered in one of them. */
export type ClauseMenu = 'location' | 'attackers' | 'victim';

/** What a set clause changes beyond its own test. */
export interface ClauseEffects {
  /** Jumps from the origin are counted on routes that never pass through high-sec. */
  readonly routesAvoidHighSec?: true;
  /** The alert names the attackers' ship types that satisfied this clause (its ids are types or groups). */
  readonly reportsAttackerShips?: 'types' | 'groups';
}

/** The kind of value a clause takes: everything about each kind is in value-kinds.ts. */
export type ClauseValueKind =
  | 'int'
  | 'number'
  | 'isk'
  | 'flag'
  | 'solar_systems'
  | 'constellations'
  | 'regions'
  | 'alliances'
  | 'corporations'
  | 'characters'
  | 'factions'
  | 'ship_types'
  | 'ship_groups'
  | 'weapon_types'
  | 'weapon_groups'
  | 'roles';

/** A validated clause value: numbers, flags, EVE id lists, or Discord role id lists. */
export type ClauseValue = number | boolean | readonly number[] | readonly string[];

/**
 * Facts about one killmail shared by every tracker during one match: computed lazily, at most once.
 * Implemented in tracker/match-scope.ts.
 */
export interface MatchScope {
  readonly killmail: Killmail;
  /** The killmail's `now` for max_age_minutes; undefined = no age filter. */
  readonly now: number | undefined;
  /** Dense universe index of the kill's system; -1 when the universe does not know it. */
  readonly systemIndex: number;
  /**
   * Gate jumps from the kill's system (null for an unknown system). Routes are undirected, so the jumps
   * to a tracker's origin index are the jumps from that origin.
   */
  killJumps(avoidHighSec: boolean): JumpSearch | null;
  /** The character -> roles links of a guild, fetched once per killmail. */
  links(guildId: string | undefined): CharacterRoleLinks | undefined;
  /** A fact of the killmail computed at most once per match, shared by every tracker (keyed by `fact`). */
  shared<T>(fact: (killmail: Killmail) => T): T;
}

/** A compiled clause: true when the killmail satisfies it. Must not allocate on the hot path. */
export type ClauseTest = (killmail: Killmail, scope: MatchScope) => boolean;

/** Everything a clause may look at when compiled: the tracker around it and the universe. */
export interface ClauseCompileContext {
  readonly universe: Universe;
  readonly originSolarSystemId: number | undefined;
  /** The validated clauses of the same tracker (some clauses change meaning with another present). */
  readonly clauses: TrackerClauses;
  /** The Discord guild the tracker belongs to: its id is the @everyone role ("any linked member"). */
  readonly guildId: string | undefined;
  /**
   * Gate jumps from the tracker's origin to the kill, -1 when unreachable or, given `maxJumps`, farther
   * than that: a clause that only asks "within N?" never pays for searching further (see tracker/route.ts).
   */
  readonly routeJumps: (killmail: Killmail, scope: MatchScope, maxJumps?: number) => number;
}

export interface ClauseValidationContext {
  readonly universe: Universe | undefined;
  /** How many entries a list clause may hold; the engine's own ceiling when not given. */
  readonly maxListEntries?: number | undefined;
}

/** Facts of the whole tracker a clause may need to check itself against (after per-value validation). */
export interface ClauseCrossCheckContext {
  /** Whether the tracker names an origin (even an invalid one: that gets its own problem). */
  readonly hasOrigin: boolean;
  /** Only the clauses whose values passed validation. */
  readonly clauses: Readonly<Record<string, ClauseValue>>;
}

/** The kinds of thing a name lookup may be asked about (EVE ids, or Discord roles). */
export type ClauseNameKind =
  | 'solar_system'
  | 'constellation'
  | 'region'
  | 'alliance'
  | 'corporation'
  | 'character'
  | 'faction'
  | 'ship_type'
  | 'ship_group'
  | 'weapon_type'
  | 'weapon_group'
  | 'role';

/** Resolves an id to a display name; undefined when unknown (the description then shows the id). */
export type ClauseNameLookup = (kind: ClauseNameKind, id: number | string) => string | undefined;

export interface ClauseDescribeContext {
  readonly names: ClauseNameLookup;
  readonly originSolarSystemId: number | null | undefined;
}

/**
 * Killmail facts the matcher can look trackers up by (see tracker/tracker-index.ts), so that of 10,000
 * trackers only those whose required place, entity or range fits the killmail are tested at all.
 */
export type IndexedFact =
  | 'solar_system'
  | 'constellation'
  | 'region'
  | 'victim_character'
  | 'victim_corporation'
  | 'victim_alliance'
  | 'victim_faction'
  | 'victim_ship_type'
  | 'victim_ship_group'
  | 'attacker_character'
  | 'attacker_corporation'
  | 'attacker_alliance'
  | 'attacker_faction'
  | 'attacker_ship_type'
  | 'attacker_ship_group'
  | 'attacker_weapon_type'
  | 'attacker_weapon_group'
  | 'jumps'
  | 'distance'
  /** zKillboard value at or above a minimum: the last resort of trackers with no place or entity. */
  | 'min_value'
  /** At least so many attackers: what is left to trackers without even a minimum value. */
  | 'min_attackers';

/** Kinds of kill a flag clause can require or forbid. */
export type KillKind = 'npc' | 'war' | 'solo' | 'awox';

/**
 * The condition of a clause that is one of the cheap, common ones the matcher keeps as numbers instead of
 * calling its test (see tracker/screen.ts): a bound on the value or the attacker count, a kill kind that
 * must be present (`is: true`) or absent, or an excluded space class. It must mean exactly what the
 * compiled test means.
 */
export type ClauseScreen =
  | { kind: 'min' | 'max'; of: 'value' | 'attackers' }
  | { kind: 'kill_kind'; killKind: KillKind; is: boolean }
  | { kind: 'space_class'; spaceClass: SpaceClass };

/** How a required clause can index its tracker; the lowest rank (most selective) present wins. */
export interface ClauseIndexing {
  readonly fact: IndexedFact;
  readonly rank: number;
}

export type ClauseCheck = { ok: true; value: ClauseValue } | { ok: false; message: string };

export interface ClauseDefinition {
  readonly key: string;
  /** Short and readable, e.g. "Max jumps from origin". */
  readonly label: string;
  readonly group: ClauseGroup;
  /** The editor menu that offers it. */
  readonly menu: ClauseMenu;
  readonly valueKind: ClauseValueKind;
  /** Measured from the tracker's origin: invalid without one, and the editor asks for the origin first. */
  readonly needsOrigin?: true;
  readonly effects?: ClauseEffects;
  /** Relative evaluation cost: compiled trackers run cheap, selective clauses first. */
  readonly cost: number;
  /** Set on require_* clauses a tracker can be indexed by (never on exclusions). */
  readonly indexedBy?: ClauseIndexing;
  /** For the six space-class flags: the class this clause excludes when true. */
  readonly excludesSpaceClass?: SpaceClass;
  /** Set when the clause's condition is a screened one (checked from numbers, not by calling its test). */
  readonly screen?: ClauseScreen;
  /** Checks and normalizes one value (e.g. drops repeated ids); the message says what to write instead. */
  validate(value: unknown, context: ClauseValidationContext): ClauseCheck;
  /** A problem of this clause with the rest of the tracker (missing origin, min above max...), if any. */
  crossCheck?(value: ClauseValue, context: ClauseCrossCheckContext): string | undefined;
  /** The test for a validated value; null when the value sets no condition (false flag, empty list). */
  compile(value: ClauseValue, context: ClauseCompileContext): ClauseTest | null;
  /** A short phrase for the tracker sentence, e.g. "within 10 jumps of Huola". */
  describe(value: ClauseValue, context: ClauseDescribeContext): string;
}
