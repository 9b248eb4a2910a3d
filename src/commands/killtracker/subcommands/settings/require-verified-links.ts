// /killtracker settings require-verified-links enabled: whether self-declared (unverified) character
// links count for the role conditions of trackers.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'require-verified-links',
  description: 'Count only characters proven with EVE SSO in role conditions',
  options: [
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'enabled',
      description: 'true: unverified links count for nothing; false: every link counts',
      required: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    await ctx.guildSettings.setRequireVerifiedLinks(interaction.guildId, args.enabled);
    await interaction.reply({
      content: args.enabled
        ? 'Only characters proven with EVE SSO now count in the role conditions of trackers. Members prove theirs with /character link (EVE SSO must be configured on the bot).'
        : 'Every linked character counts in the role conditions of trackers again, verified or not.',
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies Subcommand<typeof data>;
