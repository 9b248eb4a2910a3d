// /ppk settings claim-window days: how long after a kill pilots may claim (and take back) events.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { answer } from '../../options.ts';
import { settingsText } from './settings-text.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'claim-window',
  description: 'Admins: how many days after a kill pilots may claim',
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'days',
      description: 'Days after the kill (default 7)',
      required: true,
      min_value: 1,
      max_value: 90,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const settings = await ctx.ppk.setSettings(
      interaction.guildId,
      { claimWindowDays: args.days },
      interaction.user.id,
    );
    await answer(
      interaction,
      `Claims are now open ${args.days} days after each kill.\n${settingsText(settings)}`,
    );
  },
} satisfies Subcommand<typeof data>;
