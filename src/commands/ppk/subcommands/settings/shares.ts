// /ppk settings shares event shares: how many shares of a kill's pool one event of a type earns.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { PPK_EVENT_LABELS } from '../../../../ppk/operations.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { answer, eventArg, eventOption } from '../../options.ts';
import { settingsText } from './settings-text.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'shares',
  description: "Admins: the shares of a kill's pool an event type earns",
  options: [
    eventOption,
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'shares',
      description: 'Shares per event (0 pays nothing for it)',
      required: true,
      min_value: 0,
      max_value: 1000,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const type = eventArg(args.event);
    const settings = await ctx.ppk.setSettings(
      interaction.guildId,
      { shares: { [type]: args.shares } },
      interaction.user.id,
    );
    await answer(
      interaction,
      `${PPK_EVENT_LABELS[type]} now earns ${args.shares} shares.\n${settingsText(settings)}`,
    );
  },
} satisfies Subcommand<typeof data>;
