// The ping editor: the editor's Pings… button opens it as an ephemeral message; its buttons switch @here
// and @everyone, "No pings" clears everything, and a role select picks the roles. Every change saves at
// once and redraws the ping editor in place, with warnings when a ping would not notify anyone.

import { type BaseInteraction, MessageFlags } from 'discord.js';
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
  SelectMenuDefaultValueType,
} from 'discord-api-types/v10';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../messages.ts';
import { UserError } from '../../../user-error.ts';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import type { TrackerPing } from '../../../engine/tracker/types.ts';
import { pingWarnings } from '../bot-access.ts';
import { editorCustomId } from '../custom-ids.ts';
import { noticeText } from '../editor-reply.ts';
import { describePing, NO_PING } from '../ping-setting.ts';
import { updateTracker } from '../save-tracker.ts';
import { editorComponent } from './editor-button.ts';

const MAX_SELECTED_ROLES = 25;

function pingButton(row: TrackerRow, arg: 'none' | 'here' | 'everyone', label: string, active: boolean) {
  return {
    type: ComponentType.Button as const,
    style: active ? (ButtonStyle.Success as const) : (ButtonStyle.Secondary as const),
    label,
    custom_id: editorCustomId('ping', row.id, arg),
  };
}

function pingEditorMessage(interaction: BaseInteraction<'cached' | 'raw'>, row: TrackerRow, notice?: string) {
  const { ping } = row.definition;
  const nothing = !ping.everyone && !ping.here && ping.roles.length === 0;
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        pingButton(row, 'none', 'No pings', nothing),
        pingButton(row, 'here', '@here', ping.here),
        pingButton(row, 'everyone', '@everyone', ping.everyone),
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.RoleSelect,
          custom_id: editorCustomId('ping', row.id, 'roles'),
          placeholder: 'Roles to ping…',
          min_values: 0,
          max_values: MAX_SELECTED_ROLES,
          default_values: ping.roles
            .slice(0, MAX_SELECTED_ROLES)
            .map((id) => ({ id, type: SelectMenuDefaultValueType.Role })),
        },
      ],
    },
  ];
  const content = noticeText(
    notice,
    `Alerts of **${escapeMarkdown(row.name)}** ping ${describePing(ping)}.`,
    'The buttons switch @here and @everyone; the menu picks roles. Changes save at once.',
    ...pingWarnings(interaction, row.channelId, ping),
  );
  return { content: content ?? '', embeds: [], components, allowedMentions: { parse: [] } };
}

export const pingsButton = editorComponent('pings', async (interaction, row) => {
  await interaction.reply({ ...pingEditorMessage(interaction, row), flags: MessageFlags.Ephemeral });
});

export const pingChoice = editorComponent('ping', async (interaction, row, ctx, arg) => {
  const current = row.definition.ping;
  let ping: TrackerPing;
  if (arg === 'none' && interaction.isButton()) ping = { ...NO_PING, roles: [] };
  else if (arg === 'here' && interaction.isButton())
    ping = { ...current, here: !current.here, everyone: current.here ? current.everyone : false };
  else if (arg === 'everyone' && interaction.isButton())
    ping = { ...current, everyone: !current.everyone, here: current.everyone ? current.here : false };
  else if (arg === 'roles' && interaction.isRoleSelectMenu()) {
    if (interaction.values.includes(interaction.guildId))
      throw new UserError('To ping everyone, use the @everyone button rather than the @everyone role.');
    ping = { ...current, roles: [...interaction.values] };
  } else {
    throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  }
  const saved = await updateTracker(ctx, row, (definition) => ({ ...definition, ping }));
  await interaction.update(pingEditorMessage(interaction, saved, 'Saved.'));
});
