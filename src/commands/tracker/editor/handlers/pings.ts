// The alert settings' ping components: the editor's "Pings & title…" button opens the alert settings
// (ephemeral); their ping buttons and role select save at once and redraw them in place.
import { MessageFlags } from 'discord.js';
import type { TrackerPing } from '../../../../engine/index.ts';
import { NO_PING } from '../../../../tracker-ops/ping.ts';
import { setPing, setPpk } from '../../../../tracker-ops/settings.ts';
import { UserError } from '../../../../user-error.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../../messages.ts';
import { editorComponent } from '../component.ts';
import { memberRights } from '../../member-rights.ts';
import { alertSettingsMessage } from '../alert-settings.ts';

export const pingsButton = editorComponent('pings', async (interaction, row) => {
  await interaction.reply({ ...alertSettingsMessage(interaction, row), flags: MessageFlags.Ephemeral });
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
  const change = await setPing(ctx, row, ping, memberRights(interaction));
  await interaction.update(alertSettingsMessage(interaction, change.row, 'Saved.'));
});

/** The alert settings' "PPK claim buttons" button: switches the claim buttons on the tracker's alerts. */
export const ppkToggle = editorComponent('ppk', async (interaction, row, ctx) => {
  if (!interaction.isButton()) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  const change = await setPpk(ctx, row, !row.definition.ppk);
  await interaction.update(alertSettingsMessage(interaction, change.row, change.notice));
});
