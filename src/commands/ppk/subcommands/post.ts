// /ppk post killmail: posts the kill's PPK message (summary, roster, claim buttons) in this channel. For
// every member: the seed of a PPK program is a pilot sharing their kill.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { UserError } from '../../../user-error.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { killmailArg, killmailOption } from '../options.ts';
import { postedText, postPpkMessage } from '../post-message.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'post',
  description: 'Post a kill with its claim buttons in this channel',
  options: [killmailOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const reference = killmailArg(args.killmail);
    const channelId = interaction.channelId;
    if (!channelId) throw new UserError('Run /ppk post in a server channel.');
    // The killmail may have to come from ESI: more than Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const posted = await postPpkMessage(ctx, { guildId: interaction.guildId, channelId, reference });
    await interaction.editReply({
      content: postedText(interaction.guildId, channelId, posted),
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
