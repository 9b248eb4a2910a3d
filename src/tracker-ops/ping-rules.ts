// Tiered pings and the ping cooldown of a tracker: saving them (every ping a rule adds must be one the
// member could make in the tracker's channel) and one wording of them for the editor and confirmations.
import type { TrackerRow } from '../db/tracker-repository.ts';
import { describePingRuleCondition, everyPossiblePing, type PingRule } from '../engine/index.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import type { TrackerChange } from './change.ts';
import type { TrackerStore } from './deps.ts';
import { checkPings, type MemberRights } from './member-rights.ts';
import { describePing } from './ping.ts';
import { updateTracker } from './save.ts';

/** "≥ 20b ISK → @everyone; ≥ 1b ISK → <@&1>; otherwise nobody". */
export function describePingRules(rules: readonly PingRule[]): string {
  const lines = rules.map((rule) => `${describePingRuleCondition(rule)} → ${describePing(rule.ping)}`);
  const catchAll = rules.some((rule) => rule.min_value === undefined && rule.min_attackers === undefined);
  return [...lines, ...(catchAll ? [] : ['otherwise nobody'])].join('; ');
}

/** The ordered rules (an empty list removes them: alerts ping as set with /tracker ping again). */
export async function setPingRules(
  deps: TrackerStore,
  row: TrackerRow,
  rules: PingRule[],
  rights: MemberRights,
): Promise<TrackerChange> {
  checkPings(
    rights(row.channelId),
    everyPossiblePing({ ping: row.definition.ping, ping_rules: rules }),
    everyPossiblePing(row.definition),
  );
  const saved = await updateTracker(deps, row, (definition) => {
    const { ping_rules: _previous, ...rest } = definition;
    return rules.length === 0 ? rest : { ...rest, ping_rules: rules };
  });
  const name = `**${escapeMarkdown(saved.name)}**`;
  return {
    row: saved,
    notice:
      rules.length === 0
        ? `Removed the ping rules of ${name}: alerts ping ${describePing(saved.definition.ping)}.`
        : `Alerts of ${name} ping by rule, the first that matches: ${describePingRules(rules)}. Every alert posts either way.`,
  };
}

/** At most one ping per `minutes` (0 removes the cooldown). */
export async function setPingCooldown(
  deps: TrackerStore,
  row: TrackerRow,
  minutes: number,
): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (definition) => {
    const { ping_cooldown_minutes: _previous, ...rest } = definition;
    return minutes === 0 ? rest : { ...rest, ping_cooldown_minutes: minutes };
  });
  const name = `**${escapeMarkdown(saved.name)}**`;
  return {
    row: saved,
    notice:
      minutes === 0
        ? `Alerts of ${name} ping every time again (no cooldown).`
        : `Alerts of ${name} ping at most once every ${minutes} minute${minutes === 1 ? '' : 's'}; alerts in between post without pinging and say so.`,
  };
}
