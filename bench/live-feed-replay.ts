// The real killmails of ../shared/killmails replayed as new kills for a running bot: each replay gets a
// fresh killmail id and a kill time of just now, so the bot takes it for a kill it has not seen and
// that is young enough to alert on. Also the names those killmails mention, for a fake ESI to answer.
import type { EsiName, EsiNameCategory } from '../src/engine/index.ts';

interface ReplayDocument {
  killmail_id?: unknown;
  esi?: Record<string, unknown> & { killmail_id?: unknown; killmail_time?: unknown };
  zkb?: Record<string, unknown> & { href?: unknown };
}

/** Hands out the corpus again and again, each document as a new kill. */
export class KillmailReplay {
  private next = 0;
  private nextKillmailId: number;
  private readonly firstKillmailId: number;
  private readonly documents: ReplayDocument[];

  /** `firstKillmailId` stays far above real ids of the corpus so replays never collide with them. */
  constructor(texts: readonly string[], firstKillmailId = 500_000_000) {
    this.documents = texts.map((text) => JSON.parse(text) as ReplayDocument);
    this.firstKillmailId = firstKillmailId;
    this.nextKillmailId = firstKillmailId;
  }

  /** Documents handed out so far. */
  get replayed(): number {
    return this.nextKillmailId - this.firstKillmailId;
  }

  get corpusSize(): number {
    return this.documents.length;
  }

  /** The next document of the corpus (round robin) as a new kill that happened `ageMs` ago. */
  take(ageMs = 30_000): Record<string, unknown> {
    const source = this.documents[this.next]!;
    this.next = (this.next + 1) % this.documents.length;
    const killmailId = this.nextKillmailId++;
    const esi = source.esi && {
      ...source.esi,
      killmail_id: killmailId,
      killmail_time: new Date(Date.now() - ageMs).toISOString().replace('.000Z', 'Z'),
    };
    const zkb =
      source.zkb &&
      (typeof source.zkb.href === 'string'
        ? { ...source.zkb, href: source.zkb.href.replace(/\/killmails\/\d+\//, `/killmails/${killmailId}/`) }
        : source.zkb);
    return { ...source, killmail_id: killmailId, ...(esi && { esi }), ...(zkb && { zkb }) };
  }
}

const PARTY_FIELDS: ReadonlyArray<[string, EsiNameCategory]> = [
  ['character_id', 'character'],
  ['corporation_id', 'corporation'],
  ['alliance_id', 'alliance'],
  ['faction_id', 'faction'],
];

/** A made-up name for every character, corporation, alliance and faction the documents mention. */
export function partyNamesOf(texts: readonly string[]): EsiName[] {
  const names = new Map<number, EsiName>();
  for (const text of texts) {
    const esi = (JSON.parse(text) as ReplayDocument).esi;
    if (!esi) continue;
    const parties = [esi.victim, ...(Array.isArray(esi.attackers) ? esi.attackers : [])];
    for (const party of parties) {
      if (typeof party !== 'object' || party === null) continue;
      for (const [field, category] of PARTY_FIELDS) {
        const id = (party as Record<string, unknown>)[field];
        if (typeof id === 'number' && !names.has(id))
          names.set(id, { id, name: `${category} ${id}`, category });
      }
    }
  }
  return [...names.values()];
}
