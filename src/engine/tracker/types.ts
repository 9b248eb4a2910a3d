// The tracker JSON format, version 1: also the export/import format of the Discord commands.

export interface TrackerPing {
  everyone: boolean;
  here: boolean;
  /** Discord role ids (snowflakes as strings). */
  roles: string[];
}

/**
 * Clause values keyed by clause key (see tracker/clauses). Absent key or empty list = no condition.
 * Ids are EVE ids except the *_roles clauses, which hold Discord role ids as strings.
 */
export type TrackerClauses = Record<string, number | boolean | number[] | string[]>;

/** One tier of pings: every condition given must hold (none given = any kill). */
export interface PingRule {
  /** ISK; a kill without a value never meets it. */
  min_value?: number;
  min_attackers?: number;
  ping: TrackerPing;
}

export type DigestPeriod = 'daily' | 'weekly';

export interface TrackerDefinition {
  version: 1;
  name: string;
  description?: string;
  enabled: boolean;
  origin_solar_system_id?: number | null;
  max_age_minutes?: number;
  /** "#rrggbb" */
  color?: string;
  title?: string;
  ping: TrackerPing;
  /** Ordered; the first rule a kill meets decides the pings, none met = no ping. Replaces `ping` when set. */
  ping_rules?: PingRule[];
  /** At most one ping per this many minutes; alerts inside it post without pinging. */
  ping_cooldown_minutes?: number;
  ppk: boolean;
  /** A summary of the matches posted once a day or once a week (Monday) at `digest_hour` UTC. */
  digest?: DigestPeriod;
  /** 0-23, UTC; 0 when absent. */
  digest_hour?: number;
  /**
   * Kills of one fight go into one report message edited in place (the first still posts an alert).
   * Absent = off; written only when on.
   */
  fight_report?: boolean;
  clauses: TrackerClauses;
}

/** character id -> Discord role ids of the guild member linked to that character. */
export type CharacterRoleLinks = ReadonlyMap<number, readonly string[]>;

export interface MainGroup {
  kind: 'alliance' | 'corporation';
  id: number;
  /** Attackers belonging to it. */
  count: number;
}

export interface MainShipGroup {
  groupId: number;
  count: number;
}

/** What one tracker's match reports, for the alert. */
export interface TrackerMatch {
  /** The key the tracker was registered under in the matcher (database id, or array index). */
  trackerKey: string;
  tracker: TrackerDefinition;
  jumps: number | null;
  distanceLy: number | null;
  mainGroup: MainGroup | null;
  mainShipGroup: MainShipGroup | null;
  /** Attacker ship types that satisfied a ship type/group clause (empty when none was set). */
  matchedShipTypeIds: number[];
}

export interface MatchOptions {
  /** The clock for max_age_minutes, epoch ms. Without it no age filter applies. */
  now?: number;
  /**
   * Character -> role links of the guild a tracker belongs to (its guildId as registered with the
   * matcher; undefined for trackers registered without one, e.g. in `killtracker replay`).
   * A role clause listing the guild id itself (Discord's @everyone role) means "any linked member".
   */
  linksFor?: (guildId: string | undefined) => CharacterRoleLinks | undefined;
}
