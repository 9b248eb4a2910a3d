// /killtracker settings manager-role [role]: who besides Manage Server may manage trackers.
import { MessageFlags } from 'discord.js';
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { SlashCommand } from '../contract.ts';
import { UserError } from '../../user-error.ts';

const KILLTRACKER_COMMAND = {
  name: 'killtracker',
  description: 'Killtracker settings for this server',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'settings',
      description: 'Server settings',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'manager-role',
          description: 'Let members with this role manage trackers (leave empty to clear)',
          options: [
            {
              type: ApplicationCommandOptionType.Role,
              name: 'role',
              description: 'The tracker manager role',
            },
          ],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const killtrackerCommand: SlashCommand = {
  data: KILLTRACKER_COMMAND,
  access: 'manager',
  async execute(interaction, ctx) {
    const sub =
      `${interaction.options.getSubcommandGroup(false) ?? ''} ${interaction.options.getSubcommand()}`.trim();
    if (sub !== 'settings manager-role')
      throw new UserError(`Unknown subcommand /killtracker ${sub}. The bot may be restarting; try again.`);
    // Only Manage Server may hand out the manager role: a manager must not be able to appoint others.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the Manage Server permission can change who manages trackers.');
    }
    const role = interaction.options.getRole('role');
    await ctx.guildSettings.setManagerRole(interaction.guildId, role?.id ?? null);
    await interaction.reply({
      content: role
        ? `Members with <@&${role.id}> can now manage trackers. (Also allow the role to use /tracker under Server Settings → Integrations → Killtracker.)`
        : 'Only members with Manage Server can manage trackers now.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
};
