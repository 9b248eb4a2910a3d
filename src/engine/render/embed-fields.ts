// The facts of a kill as embed field values: victim, ship, system, value, final blow, attackers,
// main group and ship class, tracked ships. Every outside name is escaped and linked.
import type { ItemCatalog } from '../catalog.ts';
import { formatCount, formatIsk, formatSecurity } from '../format.ts';
import type { AttackerInfo, Killmail } from '../killmail/types.ts';
import type { TrackerMatch } from '../tracker/types.ts';
import type { Universe } from '../universe/types.ts';
import { dotlanSystemUrl, markdownLink, shipUrl, zkillboardSystemUrl } from './links.ts';
import { entityLink, type NameLookup, nameLabel } from './names.ts';

const MAX_URL_LENGTH = 200;

/** The only universe query rendering needs; the real Universe satisfies it. */
export type SystemLookup = Pick<Universe, 'system'>;

/** Type name from the SDE, or "Type 123" for a type newer than the imported SDE. */
export function typeName(catalog: ItemCatalog, typeId: number): string {
  return catalog.typeName(typeId) ?? `Type ${typeId}`;
}

export function systemName(universe: SystemLookup, systemId: number): string {
  return universe.system(systemId)?.name ?? `System ${systemId}`;
}

/** The system linked to Dotlan (zKillboard for abyssal and unknown systems, which Dotlan has no page for). */
export function systemLink(universe: SystemLookup, systemId: number): string {
  const system = universe.system(systemId);
  if (!system) return markdownLink(`System ${systemId}`, zkillboardSystemUrl(systemId));
  const dotlan = dotlanSystemUrl(system.name);
  // Dotlan has no abyssal pages; an absurdly long name would make a link too long to keep whole in a field.
  const url =
    system.spaceClass === 'abyssal' || dotlan.length > MAX_URL_LENGTH
      ? zkillboardSystemUrl(systemId)
      : dotlan;
  return markdownLink(nameLabel(system.name), url);
}

/** "[Huola](dotlan) (0.4)" then the region on its own line. */
export function systemValue(universe: SystemLookup, systemId: number): string {
  const system = universe.system(systemId);
  const link = systemLink(universe, systemId);
  if (!system) return link;
  const region = system.regionName === null ? [] : [nameLabel(system.regionName)];
  return [`${link} (${formatSecurity(system.security)})`, ...region].join('\n');
}

/** Pilot, corporation and alliance (or faction) of the victim, one per line. */
export function victimValue(killmail: Killmail, names: NameLookup): string {
  const { characterId, corporationId, allianceId, factionId } = killmail.victim;
  const lines: string[] = [];
  if (characterId !== undefined) lines.push(entityLink(names, 'character', characterId));
  if (corporationId !== undefined) lines.push(entityLink(names, 'corporation', corporationId));
  if (allianceId !== undefined) lines.push(entityLink(names, 'alliance', allianceId));
  else if (factionId !== undefined) lines.push(entityLink(names, 'faction', factionId));
  return lines.length > 0 ? lines.join('\n') : 'unknown';
}

/** Ship linked to its zKillboard page, then its group ("Frigate"). */
export function shipValue(catalog: ItemCatalog, shipTypeId: number, shipGroupId: number | undefined): string {
  const link = markdownLink(nameLabel(typeName(catalog, shipTypeId)), shipUrl(shipTypeId));
  const group = shipGroupId === undefined ? undefined : catalog.groupName(shipGroupId);
  return group === undefined ? link : `${link}\n${nameLabel(group)}`;
}

export function valueValue(killmail: Killmail): string {
  return formatIsk(killmail.value);
}

/** Who landed the final blow (pilot, else faction, else corporation, e.g. for NPCs), their corporation, their ship. */
export function finalBlowValue(
  attacker: AttackerInfo | undefined,
  names: NameLookup,
  catalog: ItemCatalog,
): string {
  if (!attacker) return 'unknown';
  const { characterId, corporationId, factionId, shipTypeId } = attacker;
  const lines: string[] = [];
  if (characterId !== undefined) {
    lines.push(entityLink(names, 'character', characterId));
    if (corporationId !== undefined) lines.push(entityLink(names, 'corporation', corporationId));
  } else if (factionId !== undefined) {
    lines.push(entityLink(names, 'faction', factionId));
  } else if (corporationId !== undefined) {
    lines.push(entityLink(names, 'corporation', corporationId));
  }
  if (shipTypeId !== undefined) lines.push(nameLabel(typeName(catalog, shipTypeId)));
  return lines.length > 0 ? lines.join('\n') : 'unknown';
}

function share(count: number, attackerCount: number): string {
  return `${formatCount(count)} of ${formatCount(attackerCount)} attackers`;
}

/** The alliance or corporation most attackers flew for, when a match detected one. */
export function mainGroupValue(
  matches: readonly TrackerMatch[],
  killmail: Killmail,
  names: NameLookup,
): string | undefined {
  const group = matches.find((match) => match.mainGroup !== null)?.mainGroup;
  if (!group) return undefined;
  return `${entityLink(names, group.kind, group.id)}\n${share(group.count, killmail.attackerCount)}`;
}

/** The ship group most attackers flew, when a match detected one. */
export function mainShipClassValue(
  matches: readonly TrackerMatch[],
  killmail: Killmail,
  catalog: ItemCatalog,
): string | undefined {
  const shipGroup = matches.find((match) => match.mainShipGroup !== null)?.mainShipGroup;
  if (!shipGroup) return undefined;
  const name = catalog.groupName(shipGroup.groupId) ?? `Group ${shipGroup.groupId}`;
  return `${nameLabel(name)}\n${share(shipGroup.count, killmail.attackerCount)}`;
}

/** Attacker ship types that satisfied a tracker's ship clause, with how many attackers flew each. */
export function trackedShipItems(
  matches: readonly TrackerMatch[],
  killmail: Killmail,
  catalog: ItemCatalog,
): string[] {
  const typeIds = new Set<number>();
  for (const match of matches) for (const typeId of match.matchedShipTypeIds) typeIds.add(typeId);
  return [...typeIds].map((typeId) => {
    const pilots = killmail.attackers.filter((attacker) => attacker.shipTypeId === typeId).length;
    const name = nameLabel(typeName(catalog, typeId));
    return pilots > 1 ? `${name} ×${formatCount(pilots)}` : name;
  });
}
