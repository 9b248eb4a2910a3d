// Help for `killtracker sde`.
import type { CommandHelp } from './format.ts';

export const sdeHelp: CommandHelp = {
  name: 'sde',
  summary: 'Import EVE static data; show what is imported',
  forms: [
    {
      subcommand: 'update',
      synopsis: 'sde update [--file PATH] [--force]',
      description:
        'Imports the EVE static data. Without --file, downloads the latest build from SDE_URL unless it is ' +
        'already imported. Prints {"imported": true, ...counts} or {"imported": false, "reason": "..."}.',
      options: [
        ['--file PATH', 'a JSONL SDE zip, the folder it unpacks to, or an http(s) URL of a zip'],
        ['--force', 'download the latest build even when it is already imported'],
      ],
      examples: [
        'killtracker sde update',
        'killtracker sde update --file ../shared/eve-sde/eve-online-static-data-1-jsonl.zip',
      ],
    },
    {
      subcommand: 'status',
      synopsis: 'sde status',
      description:
        'Prints the imported build and row counts as one JSON line: {"build": N, "regions": N, ' +
        '"constellations": N, "systems": N, "stargates": N, "types": N, "groups": N, "categories": N}.',
      examples: ['killtracker sde status'],
    },
  ],
};
