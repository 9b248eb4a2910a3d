// Builds the universe model from the configured database for CLI commands that need the map.
import { loadUniverseData } from '../db/universe-repository.ts';
import { createUniverse, type Universe } from '../engine/universe/index.ts';
import type { CliContext } from './context.ts';
import { CliError } from './errors.ts';

export const NO_STATIC_DATA_MESSAGE = 'No EVE static data imported yet. Run: killtracker sde update';

export async function loadUniverseFromDatabase(ctx: CliContext): Promise<Universe> {
  const handle = await ctx.database();
  const data = await loadUniverseData(handle.db);
  if (data.systems.length === 0) throw new CliError(NO_STATIC_DATA_MESSAGE);
  return createUniverse(data);
}
