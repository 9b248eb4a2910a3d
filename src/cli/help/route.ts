// Help for `killtracker route`.
import type { CommandHelp } from './format.ts';

export const routeHelp: CommandHelp = {
  name: 'route',
  summary: 'Gate jumps and light years between two solar systems',
  forms: [
    {
      synopsis: 'route FROM TO [--avoid-high-sec]',
      description:
        'Prints {"from": id, "to": id, "jumps": N|null, "distance_ly": X|null} for two solar systems ' +
        '(FROM/TO: system names in any case, or ids). null when no gate route or no light-year distance ' +
        'exists (w-space, Pochven, abyssal).',
      options: [['--avoid-high-sec', 'count jumps on a route that never passes through high-sec']],
      examples: [
        'killtracker route Huola Haras     # {"from": 30003067, "to": 30003087, "jumps": 7, "distance_ly": 5.85}',
        'killtracker route Huola Haras --avoid-high-sec',
      ],
    },
  ],
};
