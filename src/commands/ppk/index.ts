// /ppk: the pay-per-kill program in Discord. Posting kills and /ppk me are for every member; corrections,
// money and settings need Manage Server, the tracker manager role or the PPK manager role (each admin
// subcommand declares it). The claim buttons and the "Add PPK buttons" message command live beside it.
import { InteractionContextType } from 'discord-api-types/v10';
import { slashCommand } from '../assemble.ts';
import type { ComponentHandler } from '../contract.ts';
import { ppkCharacterPick, ppkClaimButton } from './claim.ts';
import add from './subcommands/add.ts';
import audit from './subcommands/audit.ts';
import exclude from './subcommands/exclude.ts';
import me from './subcommands/me.ts';
import override from './subcommands/override.ts';
import paid from './subcommands/paid.ts';
import post from './subcommands/post.ts';
import remove from './subcommands/remove.ts';
import repost from './subcommands/repost.ts';
import settings from './subcommands/settings/index.ts';
import summary from './subcommands/summary.ts';

export const ppkCommand = slashCommand({
  data: {
    name: 'ppk',
    description: 'Pay-per-kill: post kills to claim, see earnings, and (admins) run the program',
    contexts: [InteractionContextType.Guild],
  },
  access: 'member',
  subcommands: [post, me, summary, add, remove, override, exclude, repost, audit, paid, settings],
});

export const PPK_COMPONENT_HANDLERS = [
  ppkClaimButton,
  ppkCharacterPick,
] as unknown as readonly ComponentHandler<never>[];

export { addPpkButtonsCommand } from './add-buttons.ts';
