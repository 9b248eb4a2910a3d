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
        'start downloads the EVE static data. ' +
        "Gateway shards (Discord requires them past 2,500 servers): by default one process serves Discord's " +
        'recommended number of shards. SHARD_COUNT=N sets the number of shards over all processes; ' +
        'SHARD_IDS (e.g. 0,1 or 2-3) the ones this process serves, so several processes on several machines ' +
        'share the bot: they need one PostgreSQL (DATABASE_URL), as the embedded database belongs to one ' +
        'process. The process serving shard 0 registers the slash commands.',
      examples: [
        'killtracker start',
        'DATABASE_URL=postgres://user:pass@db:5432/killtracker killtracker start',
        'SHARD_IDS=0-1 killtracker start   # with SHARD_COUNT=4 and DATABASE_URL in .env; another serves 2-3',
      ],
    },
  ],
};
