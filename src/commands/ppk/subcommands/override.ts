// /ppk override killmail value [reason]: an admin sets the ISK value a kill's pool is computed from (a kill
// fetched from ESI comes without one); reset:true goes back to zKillboard's.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { formatIsk } from '../../../engine/index.ts';
import { UserError } from '../../../user-error.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answer, killmailArg, killmailOption, reasonOption } from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'override',
  description: "Admins: set the ISK value a kill's payout is computed from",
  options: [
    killmailOption,
    {
      type: ApplicationCommandOptionType.Number,
      name: 'value',
      description: 'The value in ISK, e.g. 1500000000 for 1.5b',
      min_value: 0,
      max_value: 1e15,
    },
    reasonOption,
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'reset',
      description: "Forget the override: use zKillboard's value again",
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const { killmailId } = killmailArg(args.killmail);
    const value = args.reset === true ? null : args.value;
    if (value === undefined)
      throw new UserError(
        "Give the kill's value in ISK (value:1500000000), or reset:true to use zKillboard's.",
      );
    const view = await ctx.ppk.overrideValue({
      guildId: interaction.guildId,
      killmailId,
      actorUserId: interaction.user.id,
      reason: args.reason,
      value,
    });
    await answer(
      interaction,
      value === null
        ? `Killmail ${killmailId} uses zKillboard's value again (${formatIsk(view.value)}); its pool is ${formatIsk(view.poolIsk)}.`
        : `Killmail ${killmailId} is now worth ${formatIsk(value)} for pay-per-kill; its pool is ${formatIsk(view.poolIsk)}.`,
    );
  },
} satisfies Subcommand<typeof data>;
