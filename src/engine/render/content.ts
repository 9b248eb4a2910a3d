// The message content of an alert (pings and matched tracker names) and the allowed_mentions that
// let exactly those pings through: nothing else in the message can ping anyone.
import { AllowedMentionsTypes, type APIAllowedMentions } from 'discord-api-types/v10';
import { isSnowflake } from '../clauses/values.ts';
import { type PingFacts, pingForKill } from '../tracker/ping-rules.ts';
import type { TrackerMatch } from '../tracker/types.ts';
import { DISCORD_LIMITS, joinWithinLimit } from './limits.ts';
import { nameLabel } from './names.ts';

export interface AlertContent {
  content: string;
  allowedMentions: APIAllowedMentions;
}

// A test alert pings for real: it is how an admin proves the bot may ping in that channel.
const TEST_NOTICE = '**Test alert**: a sample of what this tracker posts, with its real pings.';

/** A tracker whose ping cooldown held back its pings on this alert, and when it may ping again. */
export interface PingHold {
  trackerKey: string;
  /** Epoch ms: the end of the cooldown. */
  until: number;
}

/**
 * The pings the matched trackers ask for this kill (their ping rules, else their ping), without those a
 * cooldown holds, de-duplicated in tracker order.
 */
function askedPings(
  matches: readonly TrackerMatch[],
  facts: PingFacts,
  held: readonly PingHold[],
): { everyone: boolean; here: boolean; roles: string[] } {
  let everyone = false;
  let here = false;
  const roles = new Set<string>();
  for (const { tracker, trackerKey } of matches) {
    if (held.some((hold) => hold.trackerKey === trackerKey)) continue;
    const ping = pingForKill(tracker, facts);
    everyone ||= ping.everyone;
    here ||= ping.here;
    // Role ids are snowflakes; anything else would render as text or, worse, as a different mention.
    for (const role of ping.roles) if (isSnowflake(role)) roles.add(role);
  }
  return { everyone, here, roles: [...roles] };
}

function hhmm(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 16);
}

/** Subtext naming the trackers whose pings a cooldown held back (no mention in it pings). */
function heldLine(matches: readonly TrackerMatch[], held: readonly PingHold[], max: number): string {
  const parts = held.flatMap((hold) => {
    const match = matches.find(({ trackerKey }) => trackerKey === hold.trackerKey);
    if (!match) return [];
    const minutes = match.tracker.ping_cooldown_minutes ?? 0;
    return [
      `${nameLabel(match.tracker.name)} pings at most once every ${minutes} min (next ping from ${hhmm(hold.until)} UTC)`,
    ];
  });
  if (parts.length === 0) return '';
  const label = '-# No ping: ';
  return label + joinWithinLimit(parts, ' · ', max - label.length);
}

/** Tracker names in bold, de-duplicated (two trackers with the same name read as one). */
function trackerNamesLine(matches: readonly TrackerMatch[], max: number): string {
  const names = [...new Set(matches.map(({ tracker }) => tracker.name))].map(
    (name) => `**${nameLabel(name)}**`,
  );
  if (names.length === 0) return '';
  const label = names.length === 1 ? 'Tracker: ' : 'Trackers: ';
  return label + joinWithinLimit(names, ' · ', max - label.length);
}

/**
 * Content and allowed_mentions for one channel's alert. @everyone covers @here, so only the wider of
 * the two is sent. Role mentions that would not fit in the content are left out of both. A test alert
 * is marked as one and pings exactly like a live alert.
 */
export function renderContent(
  matches: readonly TrackerMatch[],
  test: boolean,
  facts: PingFacts,
  held: readonly PingHold[] = [],
): AlertContent {
  const asked = askedPings(matches, facts, held);
  const lines: string[] = [];
  if (test) lines.push(TEST_NOTICE);
  let budget = DISCORD_LIMITS.content - (test ? TEST_NOTICE.length + 1 : 0);

  const pings: string[] = [];
  if (asked.everyone) pings.push('@everyone');
  else if (asked.here) pings.push('@here');
  const pingedRoles: string[] = [];
  // Keep room for a short tracker names line after the pings.
  const pingBudget = budget - 200;
  let pingLength = pings.join(' ').length;
  for (const role of asked.roles) {
    const mention = `<@&${role}>`;
    const added = (pingLength > 0 ? 1 : 0) + mention.length;
    if (pingedRoles.length >= DISCORD_LIMITS.allowedRoles || pingLength + added > pingBudget) break;
    pings.push(mention);
    pingedRoles.push(role);
    pingLength += added;
  }
  if (pings.length > 0) {
    lines.push(pings.join(' '));
    budget -= pingLength + 1;
  }

  const names = trackerNamesLine(matches, budget - (held.length > 0 ? 300 : 0));
  if (names !== '') {
    lines.push(names);
    budget -= names.length + 1;
  }
  const heldNote = heldLine(matches, held, budget);
  if (heldNote !== '') lines.push(heldNote);

  const everyoneAllowed = asked.everyone || asked.here;
  return {
    content: lines.join('\n'),
    allowedMentions: {
      parse: everyoneAllowed ? [AllowedMentionsTypes.Everyone] : [],
      roles: pingedRoles,
    },
  };
}
