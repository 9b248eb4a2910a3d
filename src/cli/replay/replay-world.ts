// The EVE world a replay matches in: read straight from an SDE zip or folder (--sde), or the SDE imported
// into the configured database.
import { readSde } from '../../ingest/sde/read-sde.ts';
import { SdeError } from '../../ingest/sde/sde-error.ts';
import { buildWorld, loadWorld, type World } from '../../pipeline/world.ts';
import type { CliContext } from '../context.ts';
import { CliError } from '../errors.ts';

export const NO_REPLAY_STATIC_DATA_MESSAGE =
  'No EVE static data imported yet: run killtracker sde update or pass --sde with an SDE zip or folder.';

export async function loadReplayWorld(ctx: CliContext, sdePath: string | undefined): Promise<World> {
  if (sdePath === undefined) {
    const world = await loadWorld((await ctx.database()).db);
    if (world.universe.systemCount === 0) throw new CliError(NO_REPLAY_STATIC_DATA_MESSAGE);
    return world;
  }
  try {
    const sde = await readSde(sdePath);
    if (sde.universe.systems.length === 0) {
      throw new CliError(`--sde ${sdePath} holds no solar systems: give a complete SDE zip or folder.`, 2);
    }
    return buildWorld(sde);
  } catch (error) {
    if (error instanceof SdeError) throw new CliError(`--sde: ${error.message}`, 2);
    throw error;
  }
}
