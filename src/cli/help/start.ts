// Help for `killtracker start`.
import type { CommandHelp } from './format.ts';

export const startHelp: CommandHelp = {
  name: 'start',
  summary: 'Run the bot: follow zKillboard, match trackers, post alerts',
  forms: [
    {
      synopsis: 'start',
      description:
        'Runs the feed, the matcher, the alert delivery and the Discord gateway until Ctrl+C or SIGTERM. ' +
        'Needs DISCORD_TOKEN (in .env or the environment). Applies database migrations, and on the first ' +
        'start downloads the EVE static data.',
      examples: [
        'killtracker start',
        'DATABASE_URL=postgres://user:pass@db:5432/killtracker killtracker start',
      ],
    },
  ],
};
