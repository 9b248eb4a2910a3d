// /ppk settings show: the program's payout rules, claim window and manager role.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { answer } from '../../options.ts';
import { settingsText } from './settings-text.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'show',
  description: 'The payout rules, claim window and manager role',
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, _args, ctx) {
    await answer(interaction, settingsText(await ctx.ppk.getSettings(interaction.guildId)));
  },
} satisfies Subcommand<typeof data>;
