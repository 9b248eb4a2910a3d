// /ppk exclude killmail reason [undo]: an admin takes a kill out of the payouts (its events stay, and pay
// nothing), or puts it back with undo:true; both are kept in the audit log.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answer, killmailArg, killmailOption } from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'exclude',
  description: 'Admins: a kill pays nothing (or pays again with undo)',
  options: [
    killmailOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'reason',
      description: 'Why (kept in the audit log)',
      required: true,
      max_length: 300,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'undo',
      description: 'Put the kill back into the payouts',
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const { killmailId } = killmailArg(args.killmail);
    const input = {
      guildId: interaction.guildId,
      killmailId,
      actorUserId: interaction.user.id,
      reason: args.reason,
    };
    if (args.undo === true) {
      await ctx.ppk.include(input);
      await answer(interaction, `Killmail ${killmailId} pays again. The audit log keeps why.`);
      return;
    }
    await ctx.ppk.exclude(input);
    await answer(
      interaction,
      `Killmail ${killmailId} is excluded: its events pay nothing and no more claims are taken. Undo with /ppk exclude undo:true.`,
    );
  },
} satisfies Subcommand<typeof data>;
