// /tracker create name channel [origin] [color] [ping]: a new tracker, DISABLED until the admin has added
// conditions and pressed Enable in the editor it answers with (an empty tracker posts every killmail).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { noticeText } from '../../../tracker-ops/change.ts';
import { createDraftTracker } from '../../../tracker-ops/create.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { channelAccessWarning, pingWarnings } from '../bot-access.ts';
import { suggestSystems } from '../clause-input/suggest.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { completePingChoice, parsePingChoice } from '../ping-choice.ts';
import { ALERT_CHANNEL_TYPES } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'create',
  description: 'Create a tracker that posts matching killmails to a channel',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'name',
      description: 'A name, e.g. "Caps near home"',
      required: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.Channel,
      name: 'channel',
      description: 'Where alerts are posted',
      required: true,
      channel_types: ALERT_CHANNEL_TYPES,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'origin',
      description: 'Solar system that jump and light-year conditions measure from',
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'color',
      description: 'Alert colour, e.g. #ff5500 or red',
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'ping',
      description: 'Who to ping on an alert: none, @here, @everyone or a role',
      autocomplete: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const channelId = args.channel.id;
    const ping = parsePingChoice(interaction, args.ping);
    const change = await createDraftTracker(ctx, {
      guildId: interaction.guildId,
      channelId,
      name: args.name,
      origin: args.origin,
      color: args.color,
      ping,
    });
    await replyWithEditor(
      interaction,
      ctx,
      change.row,
      noticeText(
        change.notice,
        channelAccessWarning(interaction, channelId),
        ...pingWarnings(interaction, channelId, ping),
      ),
    );
  },
  autocomplete: {
    origin: ({ typed }, ctx) => suggestSystems(ctx, typed),
    ping: completePingChoice,
  },
} satisfies Subcommand<typeof data>;
