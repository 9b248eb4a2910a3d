// Names for the ids in a tracker's clauses, for its description in the editor: systems, types and
// groups from the SDE, alliances/corporations/pilots/factions from the name cache (then ESI, briefly),
// roles as mentions. Every outside name is markdown-escaped.
import {
  type ClauseNameKind,
  type ClauseNameLookup,
  findClause,
  type TrackerDefinition,
  valueInputOf,
} from '../../../engine/index.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import type { BotContext } from '../../contract.ts';
import { ANY_LINKED_MEMBER } from '../clause-input/roles.ts';

/** The editor answers within Discord's 3 s: names ESI has not given by then show as ids. */
const NAME_DEADLINE_MS = 1_000;

/** The ids of alliances, corporations, pilots and factions named anywhere in the tracker. */
function entityIds(tracker: TrackerDefinition): number[] {
  const ids = new Set<number>();
  for (const [key, value] of Object.entries(tracker.clauses)) {
    const kind = findClause(key)?.valueKind;
    if (kind === undefined || valueInputOf(kind).input !== 'entities' || !Array.isArray(value)) continue;
    for (const id of value) if (typeof id === 'number') ids.add(id);
  }
  return [...ids];
}

interface ClauseNames {
  /** For embeds: names escaped, roles as mentions. */
  markdown: ClauseNameLookup;
  /** For select menu texts, which Discord shows as typed: names as they are, no role mentions. */
  plain: ClauseNameLookup;
}

export async function clauseNames(
  ctx: BotContext,
  guildId: string,
  tracker: TrackerDefinition,
): Promise<ClauseNames> {
  const { universe, catalog } = ctx.world();
  const ids = entityIds(tracker);
  const entities =
    ids.length > 0 ? await ctx.nameResolver.resolve(ids, { deadlineMs: NAME_DEADLINE_MS }) : new Map();
  const sdeName = (kind: ClauseNameKind, id: number): string | undefined => {
    switch (kind) {
      case 'solar_system':
        return universe.system(id)?.name;
      case 'constellation':
        return universe.constellation(id)?.name;
      case 'region':
        return universe.region(id)?.name;
      case 'ship_type':
      case 'weapon_type':
        return catalog.typeName(id);
      case 'ship_group':
      case 'weapon_group':
        return catalog.groupName(id);
      default:
        return entities.get(id)?.name;
    }
  };
  return {
    markdown: (kind, id) => {
      if (kind === 'role') return String(id) === guildId ? ANY_LINKED_MEMBER : `<@&${id}>`;
      const name = sdeName(kind, Number(id));
      return name === undefined ? undefined : escapeMarkdown(name);
    },
    plain: (kind, id) => {
      if (kind === 'role') return String(id) === guildId ? ANY_LINKED_MEMBER : undefined;
      return sdeName(kind, Number(id));
    },
  };
}
