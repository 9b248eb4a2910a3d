// Trackers as tracker JSON (version 1), the format of /tracker export|import and the CLI: a guild's
// trackers out as one object or an array, and a file's trackers in, all created or none, with every
// problem listed at once, including names the guild already uses.
import {
  everyPossiblePing,
  type TrackerDefinition,
  trackerInKeyOrder,
  validateTrackers,
} from '../engine/index.ts';
import { DISCORD_LIMITS, escapeMarkdown, joinWithinLimit, truncateMarkdown } from '../engine/render/index.ts';
import { UserError } from '../user-error.ts';
import type { TrackerStore } from './deps.ts';
import { findTracker } from './find.ts';
import { checkGuildLimits } from './limits.ts';
import {
  type ChannelRights,
  checkAlertChannel,
  type MemberRights,
  pingsBeyondRights,
} from './member-rights.ts';
import { trackerNameProblem } from './name.ts';
import { duplicateName } from './save.ts';

// One problem per line, short enough that a long engine message (a list of every clause) cannot crowd
// out the others.
const MAX_PROBLEM_LENGTH = 300;

/** One tracker (by id or name) as an object, or all of the guild's as an array. */
export async function exportTrackers(
  deps: TrackerStore,
  guildId: string,
  tracker: string | undefined,
): Promise<TrackerDefinition | TrackerDefinition[]> {
  if (tracker !== undefined)
    return trackerInKeyOrder((await findTracker(deps.trackers, guildId, tracker)).definition);
  const rows = await deps.trackers.list(guildId);
  if (rows.length === 0)
    throw new UserError('This server has no trackers to export yet. Create one with /tracker create.');
  return rows.map((row) => trackerInKeyOrder(row.definition));
}

interface ImportProblem {
  index: number;
  name: string | undefined;
  key: string;
  message: string;
}

type ImportResult = { ok: true; created: TrackerDefinition[] } | { ok: false; problems: string };

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${escapeMarkdown(fileName)} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Export a tracker with /tracker export to see the format.`,
    );
  }
}

/** Unreadable names, names used twice in the file or already used in the guild (compared as the database does). */
async function nameProblems(deps: TrackerStore, guildId: string, value: unknown): Promise<ImportProblem[]> {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const named: Array<{ index: number; name: string }> = [];
  for (const [index, item] of items.entries()) {
    const raw = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const name = raw.trim();
    const unreadable = trackerNameProblem(name);
    if (unreadable !== undefined) {
      problems.push({ index, name: undefined, key: 'name', message: unreadable });
      continue;
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        index,
        name,
        key: 'name',
        message: `is also the name of tracker #${first + 1} in the file`,
      });
      continue;
    }
    seen.set(key, index);
    named.push({ index, name });
  }
  const taken = new Set(
    (
      await deps.trackers.findByNames(
        guildId,
        named.map(({ name }) => name),
      )
    ).map((row) => row.name.toLowerCase()),
  );
  for (const { index, name } of named) {
    if (!taken.has(name.toLowerCase())) continue;
    problems.push({
      index,
      name,
      key: 'name',
      message:
        'is already used by a tracker of this server: rename it in the file, or delete or rename the existing one',
    });
  }
  return problems;
}

/** Pings the member could not make in the import's channel themselves. */
function pingProblems(rights: ChannelRights, trackers: readonly TrackerDefinition[]): ImportProblem[] {
  return trackers.flatMap((tracker, index) =>
    pingsBeyondRights(rights, everyPossiblePing(tracker)).map((beyond) => ({
      index,
      name: tracker.name,
      key: 'ping',
      message: `${beyond.ping.startsWith('<@&') ? `role ${beyond.ping.slice(3, -1)}` : beyond.ping} ${beyond.why} in the channel you import into: remove it from the file, or ask a member who has it there to import the file`,
    })),
  );
}

function problemsMessage(fileName: string, problems: ImportProblem[]): string {
  const header = `${escapeMarkdown(fileName)} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. Fix them and import the file again:`;
  const lines = problems
    .sort((a, b) => a.index - b.index)
    .map((problem) => {
      const where = `#${problem.index + 1}${problem.name === undefined ? '' : ` "${problem.name}"`}`;
      const key = problem.key.replace(/^\[\d+\]\.?/, '');
      const line = `• ${escapeMarkdown(where)}${key === '' ? '' : ` \`${key}\``}: ${escapeMarkdown(problem.message)}`;
      return truncateMarkdown(line, MAX_PROBLEM_LENGTH);
    });
  return `${header}\n${joinWithinLimit(lines, '\n', DISCORD_LIMITS.content - header.length - 1)}`;
}

/** Creates every tracker of the file's text in the channel, or none and says why. */
export async function importTrackers(
  deps: TrackerStore,
  input: { guildId: string; channelId: string; fileName: string; text: string; rights: MemberRights },
): Promise<ImportResult> {
  const there = input.rights(input.channelId);
  checkAlertChannel(there);
  const value = parseJson(input.text, input.fileName);
  const validation = validateTrackers(value, {
    universe: deps.world().universe,
    maxListEntries: deps.limits.listEntriesPerClause,
  });
  const problems: ImportProblem[] = validation.ok ? [] : [...validation.problems];
  problems.push(...(await nameProblems(deps, input.guildId, value)));
  if (validation.ok) problems.push(...pingProblems(there, validation.trackers));
  if (!validation.ok || problems.length > 0)
    return { ok: false, problems: problemsMessage(input.fileName, problems) };
  // All or none: one transaction, so a name taken meanwhile leaves nothing half-imported.
  const { guildId, channelId } = input;
  const definitions = validation.trackers;
  const created = await deps.trackers
    .createMany({ guildId, channelId, definitions }, (current) =>
      checkGuildLimits(
        deps.limits,
        current,
        definitions.map((definition) => ({ definition })),
      ),
    )
    .catch(duplicateName);
  return { ok: true, created: created.map((row) => row.definition) };
}
