// `killtracker trackers import|export|list`: move trackers (the engine's JSON format) in and out of the
// database without Discord, e.g. to seed a server or back it up.
import { readFile } from 'node:fs/promises';
import { createTrackerRepository, isTrackerActive, type TrackerRow } from '../../db/tracker-repository.ts';
import { loadUniverseData } from '../../db/universe-repository.ts';
import { type TrackerDefinition, trackerInKeyOrder, validateTrackers } from '../../engine/index.ts';
import { createUniverse } from '../../engine/universe/index.ts';
import { checkGuildLimits, trackerLimits } from '../../tracker-ops/limits.ts';
import { trackerNameProblem } from '../../tracker-ops/name.ts';
import { UserError } from '../../user-error.ts';
import { discordIdOption, noPositionals, parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import { trackerProblemLines } from '../tracker-problems.ts';

const GUILD = { guild: { type: 'string' } } as const;
const IMPORT_OPTIONS = { ...GUILD, channel: { type: 'string' }, replace: { type: 'boolean' } } as const;
const EXPORT_OPTIONS = { ...GUILD, tracker: { type: 'string' } } as const;

type TrackersArgs =
  | { action: 'import'; file: string; guildId: string; channelId: string; replace: boolean }
  | { action: 'export'; guildId: string; trackerId: string | undefined }
  | { action: 'list'; guildId: string | undefined };

export const trackersCommand: CliCommand<TrackersArgs> = {
  parse(argv, subcommand) {
    switch (subcommand) {
      case 'import': {
        const { values, positionals } = parseCommandArgs(argv, IMPORT_OPTIONS);
        const [file, ...extra] = positionals;
        if (file === undefined) throw new UsageError('Give the FILE of trackers to import.');
        noPositionals(extra);
        return {
          action: 'import',
          file,
          guildId: discordIdOption(values.guild, 'guild'),
          channelId: discordIdOption(values.channel, 'channel'),
          replace: values.replace === true,
        };
      }
      case 'export': {
        const { values, positionals } = parseCommandArgs(argv, EXPORT_OPTIONS);
        noPositionals(positionals);
        return {
          action: 'export',
          guildId: discordIdOption(values.guild, 'guild'),
          trackerId: values.tracker,
        };
      }
      case 'list':
      default: {
        const { values, positionals } = parseCommandArgs(argv, GUILD);
        noPositionals(positionals);
        return {
          action: 'list',
          guildId: values.guild === undefined ? undefined : discordIdOption(values.guild, 'guild'),
        };
      }
    }
  },
  async run(args, ctx) {
    switch (args.action) {
      case 'import':
        return importTrackers(ctx, args);
      case 'export':
        return exportTrackers(ctx, args);
      case 'list':
        return listTrackers(ctx, args);
    }
  },
};

async function importTrackers(
  ctx: CliContext,
  { file, guildId, channelId, replace }: Extract<TrackersArgs, { action: 'import' }>,
): Promise<number> {
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
  const result = validateTrackers(json, {
    ...(universe ? { universe } : {}),
    maxListEntries: ctx.env.MAX_LIST_ENTRIES_PER_CLAUSE,
  });
  if (!result.ok) {
    for (const line of trackerProblemLines(file, 'nothing was imported', result.problems)) ctx.io.err(line);
    return 2;
  }
  const repository = createTrackerRepository({ db });
  assertReadableNames(result.trackers);
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
  if (existing.size > 0 && !replace) {
    const names = [...existing.values()].map((row) => `"${row.name}"`).join(', ');
    throw new CliError(`This guild already has trackers named ${names}. Use --replace to overwrite them.`);
  }
  // New trackers are created together (all or none); replaced ones are updated one by one. The guild's
  // limits count both, as the settings of the running bot say.
  const fresh = result.trackers.filter((definition) => !existing.has(nameKey(definition.name)));
  const saving = result.trackers.map((definition) => ({
    ...(existing.has(nameKey(definition.name)) ? { id: existing.get(nameKey(definition.name))!.id } : {}),
    definition,
  }));
  const withinLimits = (current: TrackerRow[]) => {
    try {
      checkGuildLimits(trackerLimits(ctx.env), current, saving);
    } catch (error) {
      if (error instanceof UserError) throw new CliError(`Nothing was imported. ${error.message}`, 2);
      throw error;
    }
  };
  withinLimits(await repository.list(guildId));
  const created = new Map(
    (await repository.createMany({ guildId, channelId, definitions: fresh }, withinLimits)).map((row) => [
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

function assertReadableNames(trackers: TrackerDefinition[]): void {
  for (const [index, tracker] of trackers.entries()) {
    const problem = trackerNameProblem(tracker.name);
    if (problem !== undefined)
      throw new CliError(`Tracker ${index}: its name ${problem}. Nothing was imported.`, 2);
  }
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

async function exportTrackers(
  ctx: CliContext,
  { guildId, trackerId }: Extract<TrackersArgs, { action: 'export' }>,
): Promise<number> {
  const repository = createTrackerRepository({ db: (await ctx.database()).db });
  let rows = await repository.list(guildId);
  if (trackerId !== undefined) {
    rows = rows.filter((row) => String(row.id) === trackerId);
    if (rows.length === 0) {
      throw new CliError(
        `No tracker with id ${trackerId} in guild ${guildId}: "killtracker trackers list --guild ${guildId}" shows their ids.`,
      );
    }
  }
  ctx.io.out(
    JSON.stringify(
      rows.map((row) => trackerInKeyOrder(row.definition)),
      null,
      2,
    ),
  );
  return 0;
}

async function listTrackers(
  ctx: CliContext,
  { guildId }: Extract<TrackersArgs, { action: 'list' }>,
): Promise<number> {
  const repository = createTrackerRepository({ db: (await ctx.database()).db });
  const rows = await repository.list(guildId);
  // Nothing on stdout keeps the output valid JSON lines; the person at the terminal still learns why.
  if (rows.length === 0) ctx.io.err(noTrackersMessage(guildId));
  for (const row of rows) {
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

function noTrackersMessage(guildId: string | undefined): string {
  const where = guildId === undefined ? 'No trackers yet' : `No trackers in guild ${guildId}`;
  return (
    `${where}. Create one in Discord with /tracker create, or import a file: ` +
    'killtracker trackers import FILE --guild ID --channel ID'
  );
}
