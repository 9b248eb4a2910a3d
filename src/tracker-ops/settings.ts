// A tracker's settings besides its clauses: name (and copies), description, origin, colour, channel, max age
// and ping (the alert title, with its preview, is in title.ts).
// Each change is validated and saved, and says what changed.
import type { TrackerRow } from '../db/tracker-repository.ts';
import { everyPossiblePing, type TrackerPing } from '../engine/index.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import { noticeText, type TrackerChange } from './change.ts';
import { parseColor } from './color.ts';
import type { TrackerStore } from './deps.ts';
import { checkAlertChannel, checkPings, type MemberRights } from './member-rights.ts';
import { resolveOrigin, systemLabel } from './origin.ts';
import { describePing } from './ping.ts';
import { createTracker, updateTracker } from './save.ts';

/** Names are unique per guild, case-insensitively. */
export async function renameTracker(
  deps: TrackerStore,
  row: TrackerRow,
  name: string,
): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (definition) => ({ ...definition, name }));
  return {
    row: saved,
    notice: `Renamed **${escapeMarkdown(row.name)}** to **${escapeMarkdown(saved.name)}**.`,
  };
}

/**
 * A disabled copy in the same channel, to try a variant without touching the original: a new tracker, so
 * the member must be able to post and ping there as the original does.
 */
export async function cloneTracker(
  deps: TrackerStore,
  row: TrackerRow,
  name: string,
  rights: MemberRights,
): Promise<TrackerChange> {
  const here = rights(row.channelId);
  checkAlertChannel(here);
  checkPings(here, everyPossiblePing(row.definition));
  const copy = await createTracker(deps, {
    guildId: row.guildId,
    channelId: row.channelId,
    definition: { ...structuredClone(row.definition), name, enabled: false },
  });
  return {
    row: copy,
    notice: `Copied **${escapeMarkdown(row.name)}** as **${escapeMarkdown(copy.name)}**, disabled for now: change what you need, then press Enable.`,
  };
}

/** The system jump and light-year conditions measure from; "none" clears it (refused while one needs it). */
export async function setOrigin(deps: TrackerStore, row: TrackerRow, system: string): Promise<TrackerChange> {
  const { universe } = deps.world();
  const origin = resolveOrigin(universe, system);
  const saved = await updateTracker(deps, row, (definition) => {
    const { origin_solar_system_id: _previous, ...rest } = definition;
    return origin === null ? rest : { ...rest, origin_solar_system_id: origin };
  });
  return {
    row: saved,
    notice: origin === null ? 'Origin cleared.' : `Origin set to ${systemLabel(universe, origin)}.`,
  };
}

/** The colour of the alert embeds ("none" = the default colour). */
export async function setColor(deps: TrackerStore, row: TrackerRow, text: string): Promise<TrackerChange> {
  const color = parseColor(text);
  const saved = await updateTracker(deps, row, (definition) => {
    const { color: _previous, ...rest } = definition;
    return color === null ? rest : { ...rest, color };
  });
  return {
    row: saved,
    notice: color === null ? 'Alerts use the default colour again.' : `Alert colour set to ${color}.`,
  };
}

/**
 * Moves the alerts, and their pings, to a channel the member can post and ping in; a delivery failure
 * reason is cleared (the admin is fixing it).
 */
export async function setChannel(
  deps: TrackerStore,
  row: TrackerRow,
  channelId: string,
  rights: MemberRights,
): Promise<TrackerChange> {
  const there = rights(channelId);
  checkAlertChannel(there);
  checkPings(there, everyPossiblePing(row.definition));
  const saved = await updateTracker(deps, row, (definition) => definition, {
    channelId,
    disabledReason: null,
  });
  const notice = noticeText(
    `Alerts now go to <#${channelId}>.`,
    row.disabledReason !== null &&
      saved.definition.enabled &&
      'The earlier delivery failure is cleared: the tracker posts again.',
  );
  return { row: saved, notice: notice ?? '' };
}

/** What the tracker is for, in the admins' words: shown in the editor ("none" or nothing clears it). */
export async function setDescription(
  deps: TrackerStore,
  row: TrackerRow,
  text: string,
): Promise<TrackerChange> {
  const description = text.trim();
  const clear = description === '' || description.toLowerCase() === 'none';
  const saved = await updateTracker(deps, row, (definition) => {
    const { description: _previous, ...rest } = definition;
    return clear ? rest : { ...rest, description };
  });
  const name = `**${escapeMarkdown(saved.name)}**`;
  return { row: saved, notice: clear ? `Removed the description of ${name}.` : `Described ${name}.` };
}

/** Killmails older than this (zKillboard can be late) are not posted. */
export async function setMaxAge(
  deps: TrackerStore,
  row: TrackerRow,
  minutes: number,
): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (definition) => ({ ...definition, max_age_minutes: minutes }));
  return {
    row: saved,
    notice: `Killmails older than ${minutes} minute${minutes === 1 ? '' : 's'} are no longer posted.`,
  };
}

/** Who alerts ping: what the member adds must be what they could ping in the tracker's channel. */
export async function setPing(
  deps: TrackerStore,
  row: TrackerRow,
  ping: TrackerPing,
  rights: MemberRights,
): Promise<TrackerChange> {
  checkPings(rights(row.channelId), ping, row.definition.ping);
  const saved = await updateTracker(deps, row, (definition) => ({ ...definition, ping }));
  return { row: saved, notice: `Alerts now ping ${describePing(ping)}.` };
}

/** Whether the tracker's alerts carry the pay-per-kill claim buttons. */
export async function setPpk(deps: TrackerStore, row: TrackerRow, enabled: boolean): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (definition) => ({ ...definition, ppk: enabled }));
  return {
    row: saved,
    notice: enabled
      ? `Alerts of **${escapeMarkdown(saved.name)}** now carry the pay-per-kill claim buttons (Participant, Tackle, Dictor, Logi, Scout, FC).`
      : `Alerts of **${escapeMarkdown(saved.name)}** no longer carry claim buttons; claims already made stay.`,
  };
}
