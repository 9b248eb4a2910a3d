// /tracker set ping-cooldown tracker minutes: at most one ping per this many minutes (0 removes it);
// alerts inside the cooldown post without pinging and say so in small text.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { MAX_PING_COOLDOWN_MINUTES } from '../../../../engine/index.ts';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setPingCooldown } from '../../../../tracker-ops/ping-rules.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'ping-cooldown',
  description: 'At most one ping per N minutes',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'minutes',
      description: 'Minutes (0 = no cooldown)',
      required: true,
      min_value: 0,
      max_value: MAX_PING_COOLDOWN_MINUTES,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setPingCooldown(ctx, row, args.minutes);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
