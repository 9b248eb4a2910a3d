// /ppk settings pool rule ...: the ISK behind a kill: a percentage of its value (optionally capped per
// kill) or a fixed amount per share.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { PpkPoolRule } from '../../../../ppk/operations.ts';
import { UserError } from '../../../../user-error.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { answer } from '../../options.ts';
import { settingsText } from './settings-text.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'pool',
  description: 'Admins: the ISK behind a kill: a share of its value, or fixed ISK per share',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'rule',
      description: 'How a kill pays',
      required: true,
      choices: [
        { name: "percent of the kill's value", value: 'percent' },
        { name: 'fixed ISK per share', value: 'fixed' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Number,
      name: 'percent',
      description: "percent: the share of the kill's value, e.g. 10",
      min_value: 0,
      max_value: 100,
    },
    {
      type: ApplicationCommandOptionType.Number,
      name: 'cap',
      description: 'percent: at most this much ISK per kill (0 = no cap)',
      min_value: 0,
    },
    {
      type: ApplicationCommandOptionType.Number,
      name: 'isk-per-share',
      description: 'fixed: the ISK one share pays',
      min_value: 0,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    let pool: PpkPoolRule;
    if (args.rule === 'percent') {
      if (args.percent === undefined)
        throw new UserError('Give the percentage: /ppk settings pool rule:percent percent:10.');
      pool = { kind: 'percent', percent: args.percent, capIsk: args.cap ? args.cap : null };
    } else {
      const perShare = args['isk-per-share'];
      if (perShare === undefined)
        throw new UserError('Give the ISK per share: /ppk settings pool rule:fixed isk-per-share:5000000.');
      pool = { kind: 'fixed', iskPerShare: perShare };
    }
    const settings = await ctx.ppk.setSettings(interaction.guildId, { pool }, interaction.user.id);
    await answer(interaction, `Payout rule changed.\n${settingsText(settings)}`);
  },
} satisfies Subcommand<typeof data>;
