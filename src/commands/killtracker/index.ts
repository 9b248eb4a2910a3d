// /killtracker: the bot's settings for a server, assembled from its subcommand files.
import { InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { slashCommand } from '../assemble.ts';
import settings from './subcommands/settings/index.ts';

export const killtrackerCommand = slashCommand({
  data: {
    name: 'killtracker',
    description: 'Killtracker settings for this server',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [InteractionContextType.Guild],
  },
  access: 'manager',
  subcommands: [settings],
});
