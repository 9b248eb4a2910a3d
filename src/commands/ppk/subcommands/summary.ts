// /ppk summary [period] [by]: the period's top earners, totals and paid vs unpaid, with the full table as
// a CSV attachment. Calendar month in EVE time (UTC) by default; weeks like 2026-W48 too.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { currentMonth, periodOption } from '../options.ts';
import { summaryCsv, summaryEmbed } from '../summary-view.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'summary',
  description: "Admins: a period's pay-per-kill earnings, with the full table as CSV",
  options: [
    periodOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'by',
      description: 'Earnings per pilot (default) or per corporation',
      choices: [
        { name: 'pilot', value: 'pilot' },
        { name: 'corporation', value: 'corporation' },
      ],
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const period = args.period?.trim() || currentMonth(ctx.now());
    const by = args.by ?? 'pilot';
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const summary = await ctx.ppk.summary(interaction.guildId, period, by);
    await interaction.editReply({
      embeds: [summaryEmbed(summary)],
      files: [
        { attachment: Buffer.from(summaryCsv(summary), 'utf8'), name: `ppk-${summary.period}-${by}.csv` },
      ],
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
