// Help for `killtracker deadletter`.
import type { CommandHelp } from './format.ts';

export const deadletterHelp: CommandHelp = {
  name: 'deadletter',
  summary: 'R2Z2 documents set aside because storing them kept failing',
  forms: [
    {
      subcommand: 'list',
      synopsis: 'deadletter list',
      description:
        'Prints one JSON line per document the feed set aside after storing it failed the same way ' +
        'several times: id, sequence, killmail_id, error, first_failed_at, last_failed_at, attempts.',
      examples: ['killtracker deadletter list'],
    },
    {
      subcommand: 'retry',
      synopsis: 'deadletter retry ID',
      description:
        'Stores the document again the way the live feed does (once its cause is fixed). When that works ' +
        'it leaves the list: {"id": N, "killmail_id": N, "outcome": "stored", "deliveries": N} (or ' +
        '"duplicate", "replaced", "invalid"); when it fails again it stays, and the command exits 1.',
      examples: ['killtracker deadletter retry 3'],
    },
  ],
};
