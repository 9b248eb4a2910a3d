// The PPK message of a kill as it stands in the database: the view of the pay-per-kill program turned
// into the engine's message (names resolved briefly; ids shown for those ESI could not give in time).
// /ppk post renders it first; the live-message worker re-renders it whenever the kill changes.
import type { ItemCatalog, Universe } from '../engine/universe/index.ts';
import { type PpkMessage, renderPpkMessage } from '../engine/render/index.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import {
  PPK_EVENT_LABELS,
  PPK_EVENT_TYPES,
  type PpkKillView,
  type PpkNoPayReason,
  type PpkOperations,
} from '../ppk/operations.ts';
import { nameLookup } from './alert-names.ts';

/** The live-message kind of PPK messages; their ref is `<guildId>:<killmailId>`. */
export const PPK_LIVE_KIND = 'ppk';

export function ppkMessageRef(guildId: string, killmailId: number): string {
  return `${guildId}:${killmailId}`;
}

export function parsePpkMessageRef(ref: string): { guildId: string; killmailId: number } | undefined {
  const match = /^(\d{1,20}):(\d{1,10})$/.exec(ref);
  return match ? { guildId: match[1]!, killmailId: Number(match[2]) } : undefined;
}

export interface PpkMessageDeps {
  nameResolver: Pick<NameResolver, 'resolve'>;
  world: () => { universe: Pick<Universe, 'system'>; catalog: ItemCatalog };
  /** How long names may take before the message shows ids. */
  namesDeadlineMs?: number;
}

function noPayText(view: PpkKillView): string | undefined {
  const reasons: Record<PpkNoPayReason, string> = {
    excluded: `excluded by an admin${view.excluded ? ` (${view.excluded.reason})` : ''}`,
    npc: 'NPC kill',
    awox: 'awox (members shot each other)',
    no_value: 'no known value (an admin can set it with /ppk override)',
  };
  return view.noPayReason === undefined ? undefined : reasons[view.noPayReason];
}

export async function renderPpkKill(view: PpkKillView, deps: PpkMessageDeps): Promise<PpkMessage> {
  const { victim } = view;
  const ids = [
    victim.characterId,
    victim.corporationId,
    victim.allianceId,
    ...view.unlinkedCharacterIds,
  ].filter((id): id is number => id !== undefined);
  const resolved = await deps.nameResolver.resolve(ids, { deadlineMs: deps.namesDeadlineMs ?? 2000 });
  const { universe, catalog } = deps.world();
  return renderPpkMessage({
    killmailId: view.killmailId,
    killmailTime: view.killmailTime,
    solarSystemId: view.solarSystemId,
    victim,
    value: view.value,
    valueOverridden: view.valueOverride !== undefined,
    poolIsk: view.poolIsk,
    noPay: noPayText(view),
    claimWindowClosesAt: view.claimWindowClosesAt,
    claimWindowOpen: view.claimWindowOpen && view.excluded === undefined,
    roster: PPK_EVENT_TYPES.map((type) => ({ label: PPK_EVENT_LABELS[type], characters: view.roster[type] })),
    unlinked: view.unlinkedCharacterIds.map((characterId) => ({
      characterId,
      characterName: resolved.get(characterId)?.name,
    })),
    names: nameLookup(resolved),
    universe,
    catalog,
  });
}

/** The live-message renderer of kind 'ppk': the kill's message now, or undefined when it left the program. */
export function createPpkMessageRenderer(deps: PpkMessageDeps & { ppk: Pick<PpkOperations, 'killView'> }) {
  return async (ref: string): Promise<PpkMessage | undefined> => {
    const parsed = parsePpkMessageRef(ref);
    if (!parsed) return undefined;
    const view = await deps.ppk.killView(parsed.guildId, parsed.killmailId);
    return view && renderPpkKill(view, deps);
  };
}
