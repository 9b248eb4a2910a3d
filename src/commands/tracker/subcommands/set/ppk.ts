// /tracker set ppk tracker enabled: the tracker's alerts carry the pay-per-kill claim buttons, or not.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setPpk } from '../../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'ppk',
  description: "Put pay-per-kill claim buttons on the tracker's alerts",
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'enabled',
      description: 'True: alerts carry the claim buttons',
      required: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setPpk(ctx, row, args.enabled);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
