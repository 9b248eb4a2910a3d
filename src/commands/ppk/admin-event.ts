// /ppk add and /ppk remove: an admin records or removes one event of any character on a kill, kept in the
// audit log. Both take the same options and differ only in the operation they call.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { characterLabel } from '../../pilots/character-input.ts';
import { type AdminEventInput, PPK_EVENT_LABELS, type PpkOperations } from '../../ppk/operations.ts';
import type { Subcommand } from '../contract.ts';
import type { SubcommandData } from '../options.ts';
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
} from './options.ts';

export function adminEventSubcommand<Name extends string>(spec: {
  name: Name;
  description: string;
  /** The past tense shown in the answer: "Added", "Removed". */
  done: string;
  apply: (ppk: PpkOperations, input: AdminEventInput) => Promise<unknown>;
}) {
  const data = {
    type: ApplicationCommandOptionType.Subcommand,
    name: spec.name,
    description: spec.description,
    options: [killmailOption, eventOption, characterOption, reasonOption],
  } as const satisfies SubcommandData;

  return {
    data,
    access: 'ppk-manager',
    autocomplete: { character: ({ typed }, ctx) => completeCharacter(typed, ctx) },
    async execute(interaction, args, ctx) {
      const { killmailId } = killmailArg(args.killmail);
      const type = eventArg(args.event);
      await deferEphemeral(interaction);
      const character = await characterArg(args.character, ctx);
      await spec.apply(ctx.ppk, {
        guildId: interaction.guildId,
        killmailId,
        characterId: character.id,
        type,
        actorUserId: interaction.user.id,
        reason: args.reason,
      });
      await answer(
        interaction,
        `${spec.done} **${PPK_EVENT_LABELS[type]}** for **${characterLabel(character)}** on killmail ${killmailId}. The audit log keeps it (/ppk audit).`,
      );
    },
  } satisfies Subcommand<typeof data>;
}
