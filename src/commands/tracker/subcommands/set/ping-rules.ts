// /tracker set ping-rules tracker rules: tiered pings, the first rule a kill meets decides who is pinged
// (e.g. "isk 20b -> @everyone; isk 1b -> @FC"); "none" removes them. Alerts post either way.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { everyPossiblePing } from '../../../../engine/index.ts';
import { noticeText } from '../../../../tracker-ops/change.ts';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setPingRules } from '../../../../tracker-ops/ping-rules.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { pingWarnings } from '../../bot-access.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { memberRights } from '../../member-rights.ts';
import { parsePingRules } from '../../ping-rules-input.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'ping-rules',
  description: 'Pings by tier, first match wins',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'rules',
      description: 'e.g. isk 20b -> @everyone; isk 1b -> @FC; attackers 30 -> @here (none removes)',
      required: true,
      max_length: 1000,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const rules = parsePingRules(args.rules, interaction.guildId);
    const change = await setPingRules(ctx, row, rules, memberRights(interaction));
    await replyWithEditor(
      interaction,
      ctx,
      change.row,
      noticeText(
        change.notice,
        ...pingWarnings(interaction, change.row.channelId, everyPossiblePing(change.row.definition)),
      ),
    );
  },
} satisfies Subcommand<typeof data>;
