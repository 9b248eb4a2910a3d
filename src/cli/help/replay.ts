// Help for `killtracker replay`.
import type { CommandHelp } from './format.ts';

export const replayHelp: CommandHelp = {
  name: 'replay',
  summary: 'Match a file of killmails against a file of trackers, offline',
  forms: [
    {
      synopsis:
        'replay --trackers FILE --killmails FILE [--links FILE] [--now ISO-TIME] [--sde ZIP] [--format jsonl|text]',
      description:
        'Prints one line per match: {"tracker": "<name>", "killmail_id": N, "jumps": N|null, ' +
        '"distance_ly": X|null}, then a summary on stderr. Nothing is stored and nothing is posted.',
      options: [
        ['--trackers FILE', 'one tracker (tracker JSON format) or an array of them'],
        ['--killmails FILE', 'R2Z2 killmail documents, one per line (JSONL) or a JSON array'],
        ['--links FILE', '{"<character_id>": ["<role_id>", ...]} for the *_roles clauses'],
        [
          '--now ISO-TIME',
          'apply max_age_minutes against this time (without it, killmails of any age match)',
        ],
        ['--sde ZIP', 'read the map from an SDE zip or folder instead of the database'],
        ['--format FORMAT', 'jsonl (default): one JSON line per match; text: one readable line per match'],
      ],
      examples: [
        'killtracker replay --trackers my-trackers.json --killmails kills.jsonl --format text',
        'killtracker replay --trackers my-trackers.json --killmails kills.jsonl --now 2026-11-21T08:00:00Z',
      ],
    },
  ],
};
