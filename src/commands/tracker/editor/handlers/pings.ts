// The ping editor's components: the editor's Pings… button opens it (ephemeral); its buttons and role
// select save at once and redraw it in place.
import { MessageFlags } from 'discord.js';
import type { TrackerPing } from '../../../../engine/index.ts';
import { NO_PING } from '../../../../tracker-ops/ping.ts';
import { setPing } from '../../../../tracker-ops/settings.ts';
import { UserError } from '../../../../user-error.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../../messages.ts';
import { editorComponent } from '../component.ts';
import { pingEditorMessage } from '../ping-editor.ts';

export const pingsButton = editorComponent('pings', async (interaction, row) => {
  await interaction.reply({ ...pingEditorMessage(interaction, row), flags: MessageFlags.Ephemeral });
});

/** `ping` with none | here | everyone is a button, with roles the role select. */
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
  const change = await setPing(ctx, row, ping);
  await interaction.update(pingEditorMessage(interaction, change.row, 'Saved.'));
});
