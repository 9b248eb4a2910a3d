// /character unlink character [member]: removes one of your links (or, for an admin, one of a member's).
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { characterLabel } from '../../../pilots/character-input.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { actorOf, memberOf } from '../members.ts';
import { characterOption, memberOption } from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'unlink',
  description: 'Unlink one of your EVE characters',
  options: [
    { ...characterOption, description: 'One of your linked characters (start typing)' },
    { ...memberOption, description: "Admins: unlink one of this member's characters" },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  autocomplete: {
    async character({ typed, options, interaction }, ctx) {
      const member = options.member;
      return ctx.pilots.linkedChoices({
        guildId: interaction.guildId,
        actor: await actorOf(interaction, ctx),
        member: member === undefined || member === '' ? undefined : { userId: member },
        text: typed,
      });
    },
  },
  async execute(interaction, args, ctx) {
    const actor = await actorOf(interaction, ctx);
    const outcome = await ctx.pilots.unlink({
      guildId: interaction.guildId,
      actor,
      member: memberOf(args.member),
      character: args.character,
    });
    const whose = outcome.userId === actor.userId ? 'from you' : `from <@${outcome.userId}>`;
    await interaction.reply({
      content: `Unlinked **${characterLabel(outcome.character)}** ${whose}. It no longer earns pay-per-kill credit here.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
