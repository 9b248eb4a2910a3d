// Every change to a tracker goes through the engine's validation before it is stored, so no command,
// component or import can save a tracker the engine would reject.
import { DuplicateTrackerNameError, type TrackerRow } from '../db/tracker-repository.ts';
import { type TrackerDefinition, type TrackerProblem, validateTracker } from '../engine/index.ts';
import { UserError } from '../user-error.ts';
import type { TrackerStore } from './deps.ts';
import { trackerGone } from './find.ts';

function problemsText(problems: readonly TrackerProblem[]): string {
  return problems
    .map((problem) => `• ${problem.key === '' ? '' : `\`${problem.key}\`: `}${problem.message}`)
    .join('\n');
}

/** Validates a definition (with the universe, so unknown systems are caught) or throws a UserError. */
function validated(deps: TrackerStore, definition: unknown): TrackerDefinition {
  const result = validateTracker(definition, { universe: deps.world().universe });
  if (!result.ok)
    throw new UserError(`That change would make the tracker invalid:\n${problemsText(result.problems)}`);
  return result.tracker;
}

/** A taken tracker name as advice for the user; anything else is rethrown. */
export function duplicateName(error: unknown): never {
  if (error instanceof DuplicateTrackerNameError) throw new UserError(error.message);
  throw error;
}

/** Applies `change` to a copy of the stored definition, validates it and saves it. */
export async function updateTracker(
  deps: TrackerStore,
  row: TrackerRow,
  change: (definition: TrackerDefinition) => TrackerDefinition,
  extra: { channelId?: string; disabledReason?: string | null } = {},
): Promise<TrackerRow> {
  const definition = validated(deps, change(structuredClone(row.definition)));
  const saved = await deps.trackers
    .update(row.id, row.guildId, { definition, ...extra })
    .catch(duplicateName);
  if (!saved) throw trackerGone();
  return saved;
}

export async function createTracker(
  deps: TrackerStore,
  input: { guildId: string; channelId: string; definition: unknown },
): Promise<TrackerRow> {
  const definition = validated(deps, input.definition);
  return deps.trackers
    .create({ guildId: input.guildId, channelId: input.channelId, definition })
    .catch(duplicateName);
}
