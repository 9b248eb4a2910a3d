// /character list [member] [everyone]: your characters (or a member's, or every member's for admins),
// with corporation, alliance and whether each link is proven; long lists page with buttons.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { characterListPage, type ListSubject } from '../list-view.ts';
import { actorOf, memberOf } from '../members.ts';
import { memberOption } from '../options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'list',
  description: 'Your linked EVE characters (admins: a member’s, or everyone’s)',
  options: [
    { ...memberOption, description: "Admins: this member's characters" },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'everyone',
      description: 'Admins: every linked character of this server, with who linked it',
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const actor = await actorOf(interaction, ctx);
    const member = memberOf(args.member);
    const subject: ListSubject =
      args.everyone === true
        ? { kind: 'everyone' }
        : { kind: 'member', userId: member?.userId ?? actor.userId };
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply(await characterListPage(ctx, interaction.guildId, actor, subject, 0));
  },
} satisfies Subcommand<typeof data>;
