// /tracker delete tracker (and the editor's Delete button) only ask: the tracker is removed when the
// admin confirms with the delok button (buttons/delete.ts); delno keeps it.

import { MessageFlags } from 'discord.js';
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { BotContext } from '../contract.ts';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import { editorCustomId } from './custom-ids.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

/** The question and its two buttons, as a complete message body (it may replace the editor in place). */
export function deleteConfirmation(row: TrackerRow) {
  const row1: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: 'Delete it',
        custom_id: editorCustomId('delok', row.id),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Keep it',
        custom_id: editorCustomId('delno', row.id),
      },
    ],
  };
  return {
    content: `Delete the tracker **${escapeMarkdown(row.name)}**? Its alerts stop at once, and this cannot be undone (/tracker export keeps a copy).`,
    embeds: [],
    components: [row1],
    allowedMentions: { parse: [] },
  };
}

export async function executeDelete(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  await interaction.reply({ ...deleteConfirmation(row), flags: MessageFlags.Ephemeral });
}
