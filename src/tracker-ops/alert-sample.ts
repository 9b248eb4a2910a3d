// Renders a stored killmail exactly as the delivery worker would post it (names from the cache or ESI
// within a short deadline), for previews and test posts.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { alertEntityIds, nameLookup } from '../delivery/alert-names.ts';
import type { Killmail, TrackerMatch } from '../engine/index.ts';
import { renderAlert } from '../engine/render/index.ts';
import type { HistoryDeps } from './deps.ts';

const NAMES_DEADLINE_MS = 2000;

export async function renderSampleAlert(
  deps: HistoryDeps,
  killmail: Killmail,
  matches: TrackerMatch[],
  test: boolean,
): Promise<RESTPostAPIChannelMessageJSONBody> {
  const { universe, catalog } = deps.world();
  const resolved = await deps.nameResolver.resolve(alertEntityIds(killmail, matches), {
    deadlineMs: NAMES_DEADLINE_MS,
  });
  return renderAlert({ killmail, matches, names: nameLookup(resolved), universe, catalog, test });
}
