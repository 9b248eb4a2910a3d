// One Discord message per (channel, killmail): the pings and tracker names as content, the kill as
// an embed, and a pay-per-kill claim button when a matched tracker wants one. Plain API JSON, no I/O.
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import type { ItemCatalog } from '../catalog.ts';
import type { Killmail } from '../killmail/types.ts';
import type { TrackerMatch } from '../tracker/types.ts';
import { renderContent } from './content.ts';
import { renderEmbed } from './embed.ts';
import type { SystemLookup } from './embed-fields.ts';
import type { NameLookup } from './names.ts';

/** The pay-per-kill claim button; its custom_id is the command layer's to define (1-100 characters). */
export interface PpkClaimButton {
  customId: string;
}

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
  /** Shown only when a matched tracker has `ppk: true`, and never on a test alert. */
  ppk?: PpkClaimButton;
}

const MAX_CUSTOM_ID_LENGTH = 100;

function ppkComponents(input: AlertInput): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const { ppk, matches, test } = input;
  if (!ppk || test || !matches.some(({ tracker }) => tracker.ppk)) return [];
  // Discord rejects the whole message for a bad custom_id: losing the button beats losing the alert.
  if (ppk.customId.length === 0 || ppk.customId.length > MAX_CUSTOM_ID_LENGTH) return [];
  const button: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: 'Claim PPK',
    custom_id: ppk.customId,
  };
  return [{ type: ComponentType.ActionRow, components: [button] }];
}

/** Renders the alert a channel receives for a killmail its trackers matched. */
export function renderAlert(input: AlertInput): RESTPostAPIChannelMessageJSONBody {
  const test = input.test ?? false;
  const { content, allowedMentions } = renderContent(input.matches, test);
  const message: RESTPostAPIChannelMessageJSONBody = {
    embeds: [renderEmbed({ ...input, test })],
    allowed_mentions: allowedMentions,
  };
  if (content !== '') message.content = content;
  const components = ppkComponents(input);
  if (components.length > 0) message.components = components;
  return message;
}
