// "Apps > Add PPK buttons" on any message with a zKillboard or ESI kill link: the kill enters the pay-per-kill
// program and its PPK message (summary, roster, claim buttons) is posted in the same channel.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandType, InteractionContextType } from 'discord-api-types/v10';
import { UserError } from '../../user-error.ts';
import type { MessageCommand } from '../contract.ts';
import { findKillmailLinks } from './killmail-link.ts';
import { postedText, postPpkMessage } from './post-message.ts';

export const ADD_PPK_BUTTONS = 'Add PPK buttons';

export const NO_LINK_MESSAGE =
  'That message has no kill link. Use Add PPK buttons on a message with a zKillboard kill link (https://zkillboard.com/kill/<id>/) or an ESI killmail link, or run /ppk post killmail:<link or id>.';

/** Kill links in the message's text and in the embeds Discord unfurled from its links. */
function messageText(message: {
  content: string;
  embeds: ReadonlyArray<{ url: string | null; description: string | null }>;
}): string {
  const parts = [message.content];
  for (const embed of message.embeds) parts.push(embed.url ?? '', embed.description ?? '');
  return parts.join('\n');
}

export const addPpkButtonsCommand: MessageCommand = {
  data: {
    type: ApplicationCommandType.Message,
    name: ADD_PPK_BUTTONS,
    contexts: [InteractionContextType.Guild],
  },
  access: 'member',
  async execute(interaction, ctx) {
    const [link] = findKillmailLinks(messageText(interaction.targetMessage));
    if (!link) throw new UserError(NO_LINK_MESSAGE);
    if (!interaction.channelId) throw new UserError('Use Add PPK buttons on a message in a server channel.');
    // Entering the kill may have to fetch it from ESI: more than Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const posted = await postPpkMessage(ctx, {
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      reference: link,
    });
    await interaction.editReply({
      content: postedText(interaction.guildId, interaction.channelId, posted),
      allowedMentions: { parse: [] },
    });
  },
};
