// /ppk repost killmail [channel]: posts the kill's PPK message again (its buttons broke, or it was
// deleted) and keeps the new one edited; claims stay as they are.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType, ChannelType } from 'discord-api-types/v10';
import { UserError } from '../../../user-error.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { killmailArg, killmailOption } from '../options.ts';
import { postedText, postPpkMessage } from '../post-message.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'repost',
  description: "Admins: post a kill's PPK message again, with working buttons",
  options: [
    killmailOption,
    {
      type: ApplicationCommandOptionType.Channel,
      name: 'channel',
      description: 'Where to post it (default: this channel)',
      channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const reference = killmailArg(args.killmail);
    const channelId = args.channel?.id ?? interaction.channelId;
    if (!channelId) throw new UserError('Say which channel to post in.');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const posted = await postPpkMessage(ctx, { guildId: interaction.guildId, channelId, reference });
    await interaction.editReply({
      content: postedText(interaction.guildId, channelId, posted),
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
