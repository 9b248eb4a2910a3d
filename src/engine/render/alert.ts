// One Discord message per (channel, killmail): the pings and tracker names as content, the kill as
// an embed, and the pay-per-kill claim buttons when a matched tracker is a PPK one. Plain API JSON, no I/O.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { ItemCatalog } from '../catalog.ts';
import type { Killmail } from '../killmail/types.ts';
import type { TrackerMatch } from '../tracker/types.ts';
import { type PingHold, renderContent } from './content.ts';
import { renderEmbed } from './embed.ts';
import type { SystemLookup } from './embed-fields.ts';
import type { NameLookup } from './names.ts';
import { ppkClaimRows } from './ppk.ts';

export interface AlertInput {
  killmail: Killmail;
  /** The matches of ONE channel for this killmail, in tracker order (non-empty). */
  matches: readonly TrackerMatch[];
  /** ESI names resolved by the caller; unresolved ids show as "Character 123" linked to zKillboard. */
  names: NameLookup;
  universe: SystemLookup;
  catalog: ItemCatalog;
  /** A sample posted on request (/tracker test): marked as a test, and pings as configured to prove it can. */
  test?: boolean;
  /** Trackers whose ping cooldown holds their pings back on this alert (decided at delivery time). */
  pingsHeld?: readonly PingHold[];
}

/** Renders the alert a channel receives for a killmail its trackers matched. */
export function renderAlert(input: AlertInput): RESTPostAPIChannelMessageJSONBody {
  const test = input.test ?? false;
  const { content, allowedMentions } = renderContent(input.matches, test, input.killmail, input.pingsHeld);
  const message: RESTPostAPIChannelMessageJSONBody = {
    embeds: [renderEmbed({ ...input, test })],
    allowed_mentions: allowedMentions,
  };
  if (content !== '') message.content = content;
  // A kill of a pay-per-kill tracker carries the claim buttons (not on test samples: they are no kill to claim).
  if (!test && input.matches.some(({ tracker }) => tracker.ppk)) {
    message.components = ppkClaimRows(input.killmail.id);
  }
  return message;
}
