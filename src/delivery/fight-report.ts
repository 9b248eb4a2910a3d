// Renders a fight report message from the database at edit time: the fight's stored kills, their
// sides and figures, names from ESI (briefly; ids otherwise), and the tracker's name and colour.
import type { FightStore } from '../db/fight-store.ts';
import type { TrackerRepository } from '../db/tracker-repository.ts';
import { FIGHT_SIDE_NAMES, fightReport, type FightReport, renderFightReport } from '../engine/fight/index.ts';
import { type Killmail, normalizeKillmail } from '../engine/index.ts';
import { trackerColor } from '../engine/render/index.ts';
import type { ItemCatalog, Universe } from '../engine/universe/index.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import { nameLookup } from './alert-names.ts';
import type { LiveMessageRenderer } from './live-messages.ts';

export interface FightReportRendererOptions {
  fights: FightStore;
  trackers: Pick<TrackerRepository, 'get'>;
  names: NameResolver;
  world: () => { universe: Universe; catalog: ItemCatalog };
  /** How long an edit may wait for ESI names before it shows ids. */
  namesDeadlineMs?: number;
}

export function createFightReportRenderer(options: FightReportRendererOptions): LiveMessageRenderer {
  return async (ref) => {
    const fightId = Number(ref);
    const fight = Number.isSafeInteger(fightId) ? await options.fights.get(fightId) : undefined;
    if (!fight) return undefined;
    const documents = await options.fights.killmailsOf(fight.id);
    if (documents.length === 0) return undefined;
    const { universe, catalog } = options.world();
    const killmails: Killmail[] = documents.map((document) =>
      normalizeKillmail(document, { universe, catalog }),
    );
    const report = fightReport(killmails);
    const tracker = await options.trackers.get(fight.trackerId, fight.guildId);
    const resolved = await options.names.resolve(fightReportEntityIds(report), {
      deadlineMs: options.namesDeadlineMs ?? 3000,
    });
    return renderFightReport({
      report,
      trackerName: tracker?.name ?? 'Fight report',
      color: tracker ? trackerColor(tracker.definition) : undefined,
      closed: fight.closedAt !== null,
      names: nameLookup(resolved),
      universe,
      catalog,
    });
  };
}

/** Character, corporation, alliance and faction ids the report may print. */
export function fightReportEntityIds(report: FightReport): number[] {
  const ids = new Set<number>();
  for (const side of report.sides)
    for (const party of side.parties.slice(0, FIGHT_SIDE_NAMES)) ids.add(party.id);
  for (const kill of report.biggestKills) {
    if (kill.victimCharacterId !== undefined) ids.add(kill.victimCharacterId);
    else if (kill.victimParty) ids.add(kill.victimParty.id);
  }
  for (const pilot of [...report.topByKills, ...report.topByDamage]) ids.add(pilot.characterId);
  return [...ids];
}
