// /ppk settings manager-role [role]: who besides Manage Server (and tracker managers) runs the pay-per-kill
// program. Only Manage Server may change it: a PPK manager must not appoint others.
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError } from '../../../../user-error.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { answer } from '../../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'manager-role',
  description: 'Let members with this role run pay-per-kill (leave empty to clear)',
  options: [{ type: ApplicationCommandOptionType.Role, name: 'role', description: 'The PPK manager role' }],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild))
      throw new UserError('Only members with the Manage Server permission can change who runs pay-per-kill.');
    const { role } = args;
    await ctx.ppk.setSettings(interaction.guildId, { managerRoleId: role?.id ?? null }, interaction.user.id);
    await answer(
      interaction,
      role
        ? `Members with <@&${role.id}> can now correct claims, override values, exclude kills, see summaries and mark periods paid.`
        : 'Only members with Manage Server (and tracker managers) run pay-per-kill now.',
    );
  },
} satisfies Subcommand<typeof data>;
