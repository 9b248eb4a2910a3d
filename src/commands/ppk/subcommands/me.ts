// /ppk me [period]: what your own linked characters earned in a period, paid and unpaid.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { currentMonth, periodOption } from '../options.ts';
import { meEmbed } from '../summary-view.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'me',
  description: 'What your linked characters earned in pay-per-kill',
  options: [periodOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const period = args.period?.trim() || currentMonth(ctx.now());
    const me = await ctx.ppk.me(interaction.guildId, interaction.user.id, period);
    await interaction.reply({
      embeds: [meEmbed(me)],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
