// /ppk paid period: marks a period's payouts as paid; its events are frozen and late claims count in the
// next unpaid period.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { formatIsk } from '../../../engine/index.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answer } from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'paid',
  description: "Admins: mark a period's payouts as paid (its events can no longer change)",
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'period',
      description: 'A month like 2026-11 or a week like 2026-W48 (EVE time)',
      required: true,
      max_length: 10,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const outcome = await ctx.ppk.markPaid(interaction.guildId, args.period.trim(), interaction.user.id);
    await answer(
      interaction,
      `Marked ${outcome.period} paid: ${outcome.events} events, ${formatIsk(outcome.isk)} in all. Its events are frozen; later claims count in the next unpaid period.`,
    );
  },
} satisfies Subcommand<typeof data>;
