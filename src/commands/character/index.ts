// /character: the pilot registry in Discord, for every member of the server (no Manage Server needed);
// acting for another member needs admin rights, which the registry checks.
import { InteractionContextType } from 'discord-api-types/v10';
import { slashCommand } from '../assemble.ts';
import link from './subcommands/link.ts';
import list from './subcommands/list.ts';
import unlink from './subcommands/unlink.ts';

export const characterCommand = slashCommand({
  data: {
    name: 'character',
    description: 'Link the EVE characters you fly to your Discord account',
    contexts: [InteractionContextType.Guild],
  },
  access: 'member',
  subcommands: [link, unlink, list],
});

export { characterListPager } from './list-view.ts';
