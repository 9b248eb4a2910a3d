// Help for `killtracker db`.
import type { CommandHelp } from './format.ts';

export const dbHelp: CommandHelp = {
  name: 'db',
  summary: 'Apply pending database migrations',
  forms: [
    {
      subcommand: 'migrate',
      synopsis: 'db migrate',
      description:
        'Applies pending migrations to the configured database (DATABASE_URL, or the embedded one in ' +
        'DATA_DIR) and prints {"migrated": true, "database": "pglite"|"postgres"}. start does this too.',
      examples: ['killtracker db migrate'],
    },
  ],
};
