// /character link character [member]: links an EVE character to yourself (or, for an admin, to a member).
// With EVE SSO configured, a member linking for themselves gets a one-time login link instead, and the
// character they log in as is linked, verified, when EVE Online sends them back.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { LinkOutcome } from '../../../pilots/operations.ts';
import { characterLabel } from '../../../pilots/character-input.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { actorOf, memberOf } from '../members.ts';
import { characterOption, completeKnownCharacter, memberOption } from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'link',
  description: 'Link an EVE character you fly to your Discord account',
  options: [
    { ...characterOption, description: 'The character (start typing its name, or give its id)' },
    { ...memberOption, description: 'Admins: link it to this member instead' },
  ],
} as const satisfies SubcommandData;

function linkedText(outcome: Exclude<LinkOutcome, { kind: 'sso' }>, forSelf: boolean): string {
  const who = forSelf ? 'you' : `<@${outcome.userId}>`;
  const character = `**${characterLabel(outcome.character)}**`;
  if (outcome.kind === 'already-linked') {
    return `${character} is already linked to ${who}${outcome.verified ? ' (verified)' : ''}. Nothing changed.`;
  }
  const moved = outcome.movedFrom ? ` It was linked to <@${outcome.movedFrom}> until now.` : '';
  return `Linked ${character} to ${who} (self-declared, unverified).${moved} Pay-per-kill credit and the role conditions of trackers now count it.`;
}

export default {
  data,
  autocomplete: { character: ({ typed }, ctx) => completeKnownCharacter(typed, ctx) },
  async execute(interaction, args, ctx) {
    // The character may have to be looked up at ESI, which can take longer than Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const actor = await actorOf(interaction, ctx);
    const member = memberOf(args.member);
    const outcome = await ctx.pilots.link({
      guildId: interaction.guildId,
      actor,
      member,
      character: args.character,
    });
    if (outcome.kind === 'sso') {
      const expires = Math.floor(outcome.expiresAt.getTime() / 1000);
      await interaction.editReply({
        content: [
          'Prove that you fly the character: log in with EVE Online **as that character** and it is linked to you, verified.',
          `The login link works once and expires <t:${expires}:R>. The bot asks for no access to your character: only who it is.`,
        ].join('\n'),
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Link,
                label: 'Log in with EVE Online',
                url: outcome.url,
              },
            ],
          },
        ],
        allowedMentions: { parse: [] },
      });
      return;
    }
    await interaction.editReply({
      content: linkedText(outcome, outcome.userId === actor.userId),
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
