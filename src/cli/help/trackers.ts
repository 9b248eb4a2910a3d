// Help for `killtracker trackers`.
import type { CommandHelp } from './format.ts';

const GUILD_OPTION = [
  '--guild ID',
  'the Discord server id (Developer Mode on, right-click the server, Copy Server ID)',
] as const;

export const trackersHelp: CommandHelp = {
  name: 'trackers',
  summary: 'Import, export or list trackers (tracker JSON format)',
  forms: [
    {
      subcommand: 'import',
      synopsis: 'trackers import FILE --guild ID --channel ID [--replace]',
      description:
        'Creates the trackers of FILE (one tracker object or an array) in a server, posting to the ' +
        'channel. When the file has problems it lists every one, imports nothing and exits 2.',
      options: [
        GUILD_OPTION,
        ['--channel ID', 'the channel the alerts go to (right-click it, Copy Channel ID)'],
        ['--replace', 'overwrite trackers of the same name instead of refusing'],
      ],
      examples: [
        'killtracker trackers import trackers.json --guild 123456789012345678 --channel 223456789012345678',
      ],
    },
    {
      subcommand: 'export',
      synopsis: 'trackers export --guild ID [--tracker ID]',
      description: "Prints the server's trackers as a JSON array in the tracker JSON format.",
      options: [GUILD_OPTION, ['--tracker ID', 'only the tracker with this id (see trackers list)']],
      examples: ['killtracker trackers export --guild 123456789012345678 > trackers.json'],
    },
    {
      subcommand: 'list',
      synopsis: 'trackers list [--guild ID]',
      description:
        'Prints one JSON line per tracker (id, guild, channel, name, enabled, disabled_reason, clauses, ' +
        'last_match_at); with none, prints nothing and says so on stderr.',
      options: [['--guild ID', "only this server's trackers"]],
      examples: ['killtracker trackers list --guild 123456789012345678'],
    },
  ],
};
