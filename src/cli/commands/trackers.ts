// `killtracker trackers import|export|list`: move trackers (the engine's JSON format) in and out of the
// database without Discord, e.g. to seed a server or back it up.
import { discordIdOption, parseCommandArgs } from '../args.ts';
import { readFile } from 'node:fs/promises';
import { createTrackerRepository, isTrackerActive } from '../../db/tracker-repository.ts';
import { loadUniverseData } from '../../db/universe-repository.ts';
import { type TrackerDefinition, validateTrackers } from '../../engine/index.ts';
import { createUniverse } from '../../engine/universe/index.ts';
import type { CliContext } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import type { CliCommand } from '../run.ts';

const USAGE = [
  'Usage:',
  '  killtracker trackers import FILE --guild ID --channel ID [--replace]',
  '  killtracker trackers export --guild ID [--tracker ID]',
  '  killtracker trackers list [--guild ID]',
].join('\n');

const OPTIONS = {
  guild: { type: 'string' },
  channel: { type: 'string' },
  tracker: { type: 'string' },
  replace: { type: 'boolean' },
} as const;

export const trackersCommand: CliCommand = {
  usage: 'trackers import|export|list ...',
  summary: 'Import, export or list trackers (tracker JSON format)',
  async run(args, ctx) {
    const [action, ...rest] = args;
    const parsed = parseCommandArgs(rest, OPTIONS, USAGE);
    switch (action) {
      case 'import':
        return importTrackers(ctx, parsed.positionals, parsed.values);
      case 'export':
        return exportTrackers(ctx, parsed.positionals, parsed.values);
      case 'list':
        return listTrackers(ctx, parsed.positionals, parsed.values);
      default:
        throw new UsageError(USAGE);
    }
  },
};

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

async function importTrackers(ctx: CliContext, positionals: string[], values: Values): Promise<number> {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(USAGE);
  const guildId = discordIdOption(values.guild, 'guild', USAGE);
  const channelId = discordIdOption(values.channel, 'channel', USAGE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const { db } = await ctx.database();
  const universeData = await loadUniverseData(db);
  const universe = universeData.systems.length > 0 ? createUniverse(universeData) : undefined;
  if (!universe) ctx.io.err('Note: no EVE static data imported yet, so system ids are not checked.');
  const result = validateTrackers(json, universe ? { universe } : {});
  if (!result.ok) {
    ctx.io.err(`${file} has ${result.problems.length} problem(s); nothing was imported:`);
    for (const problem of result.problems) {
      const where = problem.key === '' ? '' : `${problem.key}: `;
      const name = problem.name === undefined ? '' : ` (${problem.name})`;
      ctx.io.err(`  tracker ${problem.index}${name}: ${where}${problem.message}`);
    }
    return 2;
  }
  const repository = createTrackerRepository({ db });
  assertUniqueNames(result.trackers);
  const nameKey = (name: string) => name.toLowerCase();
  const existing = new Map(
    (
      await repository.findByNames(
        guildId,
        result.trackers.map((tracker) => tracker.name),
      )
    ).map((row) => [nameKey(row.name), row]),
  );
  if (existing.size > 0 && !values.replace) {
    const names = [...existing.values()].map((row) => `"${row.name}"`).join(', ');
    throw new CliError(`This guild already has trackers named ${names}. Use --replace to overwrite them.`);
  }
  // New trackers are created together (all or none); replaced ones are updated one by one.
  const fresh = result.trackers.filter((definition) => !existing.has(nameKey(definition.name)));
  const created = new Map(
    (await repository.createMany({ guildId, channelId, definitions: fresh })).map((row) => [
      nameKey(row.name),
      row,
    ]),
  );
  const saved: Array<{ id: number; name: string; replaced: boolean }> = [];
  for (const definition of result.trackers) {
    const previous = existing.get(nameKey(definition.name));
    const row = previous
      ? await repository.update(previous.id, guildId, { definition, channelId, disabledReason: null })
      : created.get(nameKey(definition.name));
    if (row) saved.push({ id: row.id, name: row.name, replaced: previous !== undefined });
  }
  ctx.io.out(jsonLine({ imported: saved.length, trackers: saved }));
  return 0;
}

function assertUniqueNames(trackers: TrackerDefinition[]): void {
  const seen = new Set<string>();
  for (const tracker of trackers) {
    const key = tracker.name.toLowerCase();
    if (seen.has(key))
      throw new CliError(`The file has two trackers named "${tracker.name}"; names must be unique.`, 2);
    seen.add(key);
  }
}

async function exportTrackers(ctx: CliContext, positionals: string[], values: Values): Promise<number> {
  if (positionals.length > 0) throw new UsageError(USAGE);
  const guildId = discordIdOption(values.guild, 'guild', USAGE);
  const repository = createTrackerRepository({ db: (await ctx.database()).db });
  let rows = await repository.list(guildId);
  if (values.tracker !== undefined) {
    rows = rows.filter((row) => String(row.id) === values.tracker);
    if (rows.length === 0) throw new CliError(`No tracker with id ${values.tracker} in guild ${guildId}.`);
  }
  ctx.io.out(
    JSON.stringify(
      rows.map((row) => row.definition),
      null,
      2,
    ),
  );
  return 0;
}

async function listTrackers(ctx: CliContext, positionals: string[], values: Values): Promise<number> {
  if (positionals.length > 0) throw new UsageError(USAGE);
  const guildId = values.guild === undefined ? undefined : discordIdOption(values.guild, 'guild', USAGE);
  const repository = createTrackerRepository({ db: (await ctx.database()).db });
  for (const row of await repository.list(guildId)) {
    ctx.io.out(
      jsonLine({
        id: row.id,
        guild: row.guildId,
        channel: row.channelId,
        name: row.name,
        enabled: isTrackerActive(row),
        disabled_reason: row.disabledReason,
        clauses: Object.keys(row.definition.clauses).length,
        last_match_at: row.lastMatchAt?.toISOString() ?? null,
      }),
    );
  }
  return 0;
}
