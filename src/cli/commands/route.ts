// `killtracker route FROM TO [--avoid-high-sec]`: gate jumps and light years between two solar systems.
import { noPositionals, parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import type { SolarSystemInfo, Universe } from '../../engine/universe/index.ts';
import { CliError, UsageError } from '../errors.ts';
import { loadUniverseFromDatabase } from '../load-universe.ts';
import { jsonLine } from '../output.ts';

const ROUTE_OPTIONS = { 'avoid-high-sec': { type: 'boolean' } } as const;
const SUGGESTION_COUNT = 3;
/** Shortest text worth searching when looking for names close to a typo. */
const MIN_SUGGESTION_TEXT = 3;

interface RouteArgs {
  fromText: string;
  toText: string;
  avoidHighSec: boolean;
}

export const routeCommand: CliCommand<RouteArgs> = {
  parse(argv) {
    const { values, positionals } = parseCommandArgs(argv, ROUTE_OPTIONS);
    const [fromText, toText, ...extra] = positionals;
    if (fromText === undefined || toText === undefined) {
      throw new UsageError('Give two solar systems, FROM and TO (names or ids).');
    }
    noPositionals(extra);
    return { fromText, toText, avoidHighSec: values['avoid-high-sec'] === true };
  },
  async run({ fromText, toText, avoidHighSec }, ctx) {
    const universe = await loadUniverseFromDatabase(ctx);
    const from = resolveSystem(universe, fromText);
    const to = resolveSystem(universe, toText);
    const distance = universe.distanceLy(from.id, to.id);
    ctx.io.out(
      jsonLine({
        from: from.id,
        to: to.id,
        jumps: universe.jumps(from.id, to.id, avoidHighSec),
        distance_ly: distance === null ? null : Math.round(distance * 100) / 100,
      }),
    );
    return 0;
  },
};

/** A system by numeric id or by exact name (any case); otherwise an error with close names to try. */
function resolveSystem(universe: Universe, text: string): SolarSystemInfo {
  const trimmed = text.trim();
  const isId = /^\d+$/.test(trimmed);
  const found = isId ? universe.system(Number(trimmed)) : universe.systemByName(trimmed);
  if (found) return found;
  const suggestions = isId ? [] : suggestSystems(universe, trimmed);
  const hint =
    suggestions.length > 0
      ? `Did you mean: ${suggestions.join(', ')}?`
      : 'Check the spelling, or give the system id (Jita is 30000142).';
  throw new CliError(`Unknown solar system "${text}". ${hint}`);
}

/** Names matching the text, or failing that ever shorter beginnings of it (typos are often at the end). */
function suggestSystems(universe: Universe, text: string): string[] {
  if (text === '') return [];
  const shortest = Math.min(MIN_SUGGESTION_TEXT, text.length);
  for (let length = text.length; length >= shortest; length--) {
    const matches = universe.searchSystems(text.slice(0, length), SUGGESTION_COUNT);
    if (matches.length > 0) return matches.map((system) => system.name);
  }
  return [];
}
