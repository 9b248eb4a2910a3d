// Help for `killtracker links`.
import type { CommandHelp } from './format.ts';

export const linksHelp: CommandHelp = {
  name: 'links',
  summary: 'Character -> Discord role links for the *_roles clauses',
  forms: [
    {
      subcommand: 'import',
      synopsis: 'links import FILE --guild ID [--replace]',
      description:
        'Reads which Discord roles the member behind each EVE character holds, ' +
        '{"<character_id>": ["<role_id>", ...]} (e.g. exported from Alliance Auth), for the *_roles ' +
        'clauses. The running bot picks the change up within 30 seconds.',
      options: [
        ['--guild ID', 'the Discord server id (Developer Mode on, right-click the server, Copy Server ID)'],
        ['--replace', "make the file the server's whole set (characters not in it lose their links)"],
      ],
      examples: ['killtracker links import links.json --guild 123456789012345678 --replace'],
    },
    {
      subcommand: 'export',
      synopsis: 'links export --guild ID',
      description: "Prints the server's links in the same format.",
      options: [['--guild ID', 'the Discord server id']],
      examples: ['killtracker links export --guild 123456789012345678 > links.json'],
    },
  ],
};
