// Kill links as pilots paste them: zKillboard's kill page (the id only) and ESI's killmail URL (id and
// hash), anywhere in a message, or a bare killmail id typed into /ppk post.

/** A killmail named by a link: its id, and its hash when the link carries one (ESI links do). */
export interface KillmailReference {
  killmailId: number;
  hash?: string | undefined;
}

/** ESI ids are int32. */
const MAX_KILLMAIL_ID = 2_147_483_647;

const ZKILLBOARD_KILL = /\bhttps?:\/\/(?:www\.)?zkillboard\.com\/kill\/(\d{1,10})(?:\/|\b)/gi;
// ESI serves killmails with or without a version segment (/latest/, /v1/, /dev/ ...).
const ESI_KILLMAIL =
  /\bhttps?:\/\/esi\.evetech\.net\/(?:[a-z0-9_-]+\/)?killmails\/(\d{1,10})\/([0-9a-f]{40})(?:\/|\b)/gi;

function validId(text: string): number | undefined {
  const id = Number(text);
  return Number.isInteger(id) && id > 0 && id <= MAX_KILLMAIL_ID ? id : undefined;
}

/** Every kill link in a text, in the order they appear (an ESI link and a zKillboard link of one kill count once). */
export function findKillmailLinks(text: string): KillmailReference[] {
  const found: Array<KillmailReference & { at: number }> = [];
  for (const match of text.matchAll(ESI_KILLMAIL)) {
    const id = validId(match[1]!);
    if (id !== undefined) found.push({ killmailId: id, hash: match[2]!.toLowerCase(), at: match.index });
  }
  for (const match of text.matchAll(ZKILLBOARD_KILL)) {
    const id = validId(match[1]!);
    if (id !== undefined) found.push({ killmailId: id, at: match.index });
  }
  found.sort((a, b) => a.at - b.at);
  const byId = new Map<number, KillmailReference>();
  for (const { killmailId, hash } of found) {
    const known = byId.get(killmailId);
    if (!known) byId.set(killmailId, { killmailId, hash });
    else if (known.hash === undefined && hash !== undefined) known.hash = hash;
  }
  return [...byId.values()];
}

/** What was typed into a killmail option: a zKillboard or ESI link, or a bare killmail id. */
export function parseKillmailInput(text: string): KillmailReference | undefined {
  const typed = text.trim();
  if (/^\d{1,10}$/.test(typed)) {
    const id = validId(typed);
    return id === undefined ? undefined : { killmailId: id };
  }
  return findKillmailLinks(typed)[0];
}
