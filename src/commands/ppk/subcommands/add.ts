// /ppk add killmail event character [reason]: an admin records an event for any character (linked or not),
// kept in the audit log.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { characterLabel } from '../../../pilots/character-input.ts';
import { PPK_EVENT_LABELS } from '../../../ppk/operations.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import {
  answer,
  characterArg,
  characterOption,
  completeCharacter,
  deferEphemeral,
  eventArg,
  eventOption,
  killmailArg,
  killmailOption,
  reasonOption,
} from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'add',
  description: 'Admins: record an event for any character on a kill',
  options: [killmailOption, eventOption, characterOption, reasonOption],
} as const satisfies SubcommandData;

export default {
  data,
  access: 'ppk-manager',
  autocomplete: { character: ({ typed }, ctx) => completeCharacter(typed, ctx) },
  async execute(interaction, args, ctx) {
    const { killmailId } = killmailArg(args.killmail);
    const type = eventArg(args.event);
    await deferEphemeral(interaction);
    const character = await characterArg(args.character, ctx);
    await ctx.ppk.addEvent({
      guildId: interaction.guildId,
      killmailId,
      characterId: character.id,
      type,
      actorUserId: interaction.user.id,
      reason: args.reason,
    });
    await answer(
      interaction,
      `Added **${PPK_EVENT_LABELS[type]}** for **${characterLabel(character)}** on killmail ${killmailId}. The audit log keeps it (/ppk audit).`,
    );
  },
} satisfies Subcommand<typeof data>;
