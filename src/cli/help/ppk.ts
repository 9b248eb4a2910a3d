// Help for `killtracker ppk`.
import type { CommandHelp } from './format.ts';

export const ppkHelp: CommandHelp = {
  name: 'ppk',
  summary: 'Pay-per-kill ledger export, as CSV',
  forms: [
    {
      subcommand: 'export',
      synopsis: 'ppk export --guild ID --from YYYY-MM-DD --to YYYY-MM-DD',
      description:
        "Prints a server's pay-per-kill events as CSV on stdout, one row per event of the kills whose " +
        'killmail time is within the days --from to --to (inclusive, UTC), with the header ' +
        'killmail_id,killmail_time,character_id,character_name,corporation_id,discord_user_id,event,shares,isk,status. ' +
        "isk is the event's share of its kill's pool rounded to whole ISK under the server's current rules (as " +
        'frozen when its period was marked paid); status is unpaid, paid or excluded (the kill pays nothing: ' +
        "excluded by an admin, an NPC or awox kill, or one without a value). Names come from the bot's name " +
        'cache and are empty when unknown.',
      options: [
        ['--guild ID', 'the Discord server id (Developer Mode on, right-click the server, Copy Server ID)'],
        ['--from YYYY-MM-DD', 'the first day (UTC) of killmail times to export'],
        ['--to YYYY-MM-DD', 'the last day (UTC), included'],
      ],
      examples: [
        'killtracker ppk export --guild 123456789012345678 --from 2026-11-01 --to 2026-11-30 > ppk-2026-11.csv',
      ],
    },
  ],
};
