// Linked characters as lists show them: name, corporation and alliance (ESI's public affiliation data,
// names from the cache or ESI), and the link itself. ESI being down only leaves names and groups out.
import type { CharacterRow } from '../db/character-repository.ts';
import type { EsiClient } from '../ingest/esi/client.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { EsiAffiliation } from '../ingest/esi/types.ts';
import type { Logger } from '../log.ts';

export interface NamedEntity {
  id: number;
  /** Unknown when neither the cache nor ESI (in time) had it. */
  name: string | undefined;
}

export interface LinkedCharacter {
  characterId: number;
  name: string | undefined;
  corporation: NamedEntity | undefined;
  alliance: NamedEntity | undefined;
  /** The Discord user who flies it. */
  userId: string;
  /** Proven through EVE SSO. */
  verified: boolean;
  linkedAt: Date;
  /** The admin who linked or moved it; null when the member linked it. */
  linkedBy: string | null;
}

export async function describeLinks(
  rows: readonly CharacterRow[],
  deps: { esi: Pick<EsiClient, 'affiliations'>; nameResolver: NameResolver; log: Logger },
): Promise<LinkedCharacter[]> {
  if (rows.length === 0) return [];
  const affiliations = new Map<number, EsiAffiliation>();
  try {
    for (const entry of await deps.esi.affiliations(rows.map((row) => row.characterId))) {
      affiliations.set(entry.character_id, entry);
    }
  } catch (error) {
    deps.log.debug({ err: error }, 'ESI affiliations unavailable; listing characters without groups');
  }
  const ids = new Set<number>();
  for (const row of rows) ids.add(row.characterId);
  for (const entry of affiliations.values()) {
    ids.add(entry.corporation_id);
    if (entry.alliance_id !== undefined) ids.add(entry.alliance_id);
  }
  const names = await deps.nameResolver.resolve(ids);
  const named = (id: number | undefined): NamedEntity | undefined =>
    id === undefined ? undefined : { id, name: names.get(id)?.name };
  return rows.map((row) => {
    const affiliation = affiliations.get(row.characterId);
    return {
      characterId: row.characterId,
      name: names.get(row.characterId)?.name,
      corporation: named(affiliation?.corporation_id),
      alliance: named(affiliation?.alliance_id),
      userId: row.userId,
      verified: row.verified,
      linkedAt: row.linkedAt,
      linkedBy: row.linkedBy,
    };
  });
}
