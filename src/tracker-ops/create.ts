// A new tracker from /tracker create: DISABLED until the admin has added conditions and enabled it (a
// tracker without conditions posts every killmail).
import type { TrackerDefinition, TrackerPing } from '../engine/index.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import type { TrackerChange } from './change.ts';
import { parseColor } from './color.ts';
import type { TrackerStore } from './deps.ts';
import { resolveOrigin } from './origin.ts';
import { createTracker } from './save.ts';

interface NewTracker {
  guildId: string;
  channelId: string;
  name: string;
  /** A system name or id as typed; none = no origin. */
  origin?: string | undefined;
  /** A colour as typed; none = the default colour. */
  color?: string | undefined;
  ping: TrackerPing;
}

export async function createDraftTracker(deps: TrackerStore, input: NewTracker): Promise<TrackerChange> {
  const origin = input.origin === undefined ? null : resolveOrigin(deps.world().universe, input.origin);
  const color = input.color === undefined ? null : parseColor(input.color);
  const definition: TrackerDefinition = {
    version: 1,
    name: input.name,
    enabled: false,
    ...(origin !== null && { origin_solar_system_id: origin }),
    ...(color !== null && { color }),
    ping: input.ping,
    ppk: false,
    clauses: {},
  };
  const row = await createTracker(deps, { guildId: input.guildId, channelId: input.channelId, definition });
  return {
    row,
    notice: `Created **${escapeMarkdown(row.name)}**, disabled for now. Add conditions with the menus below (or /tracker add-clause), then press Enable.`,
  };
}
