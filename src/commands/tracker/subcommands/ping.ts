// /tracker ping tracker mode [role] [role-2] [role-3]: who an alert pings, with warnings when Discord
// would show the ping as text without notifying anyone.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { noticeText } from '../../../tracker-ops/change.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import { pingForMode } from '../../../tracker-ops/ping.ts';
import { setPing } from '../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { pingWarnings } from '../bot-access.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'ping',
  description: 'Who gets pinged on an alert',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'mode',
      description: 'none, @here, @everyone, or roles only',
      required: true,
      choices: [
        { name: 'none', value: 'none' },
        { name: '@here', value: 'here' },
        { name: '@everyone', value: 'everyone' },
        { name: 'roles only', value: 'roles' },
      ],
    },
    { type: ApplicationCommandOptionType.Role, name: 'role', description: 'A role to ping' },
    { type: ApplicationCommandOptionType.Role, name: 'role-2', description: 'Another role to ping' },
    { type: ApplicationCommandOptionType.Role, name: 'role-3', description: 'Another role to ping' },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const roleIds = [args.role, args['role-2'], args['role-3']].flatMap((role) => role?.id ?? []);
    const change = await setPing(ctx, row, pingForMode(interaction.guildId, args.mode, roleIds));
    const { ping } = change.row.definition;
    await replyWithEditor(
      interaction,
      ctx,
      change.row,
      noticeText(change.notice, ...pingWarnings(interaction, change.row.channelId, ping)),
    );
  },
} satisfies Subcommand<typeof data>;
