// /killtracker settings manager-role [role]: who besides Manage Server may manage trackers.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError } from '../../../../user-error.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';

const data = {
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
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    // Only Manage Server may hand out the manager role: a manager must not be able to appoint others.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the Manage Server permission can change who manages trackers.');
    }
    const { role } = args;
    await ctx.guildSettings.setManagerRole(interaction.guildId, role?.id ?? null);
    await interaction.reply({
      content: role
        ? `Members with <@&${role.id}> can now manage trackers. (Also allow the role to use /tracker under Server Settings → Integrations → Killtracker.)`
        : 'Only members with Manage Server can manage trackers now.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
