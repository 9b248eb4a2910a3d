// Help for `killtracker characters`.
import type { CommandHelp } from './format.ts';

const GUILD_OPTION = [
  '--guild ID',
  'the Discord server id (Developer Mode on, right-click the server, Copy Server ID)',
] as const;

export const charactersHelp: CommandHelp = {
  name: 'characters',
  summary: 'EVE characters linked to Discord members, as JSON',
  forms: [
    {
      subcommand: 'import',
      synopsis: 'characters import FILE --guild ID',
      description:
        'Links the EVE characters of FILE to Discord members of a server: [{"discord_user_id": "<user id>", ' +
        '"character_id": <character id>, "verified": false}, ...] (e.g. moved from Alliance Auth). A ' +
        'character listed already moves to the member the file names. When the file has problems it lists ' +
        'every one, imports nothing and exits 2. Prints {"guild": "<id>", "characters": N}.',
      options: [GUILD_OPTION],
      examples: ['killtracker characters import characters.json --guild 123456789012345678'],
    },
    {
      subcommand: 'export',
      synopsis: 'characters export --guild ID',
      description: "Prints the server's linked characters as one JSON array in the same format.",
      options: [GUILD_OPTION],
      examples: ['killtracker characters export --guild 123456789012345678 > characters.json'],
    },
  ],
};
