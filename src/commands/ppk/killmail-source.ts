// Finds the killmail a pilot pointed at: the bot's store first (the feed brought it), else ESI with the
// hash from the link. zKillboard links carry no hash, so a kill the bot never stored needs its ESI link.
import { parseKillmailDocument } from '../../engine/index.ts';
import { EsiUnavailableError } from '../../ingest/esi/errors.ts';
import type { PpkKillmailSource } from '../../ppk/operations.ts';
import { UserError } from '../../user-error.ts';
import type { BotContext } from '../contract.ts';
import type { KillmailReference } from './killmail-link.ts';

export function notStoredMessage(killmailId: number): string {
  return (
    `The bot has not stored killmail ${killmailId} (it keeps what zKillboard's feed brought). ` +
    `Use its ESI link instead, with the hash: https://esi.evetech.net/latest/killmails/${killmailId}/<hash>/ ` +
    "(zKillboard's kill page links it)."
  );
}

export async function findKillmail(
  ctx: Pick<BotContext, 'killmails' | 'esi'>,
  reference: KillmailReference,
  now: number,
): Promise<PpkKillmailSource> {
  const { killmailId, hash } = reference;
  const stored = await ctx.killmails.get(killmailId);
  if (stored) return stored;
  if (hash === undefined) throw new UserError(notStoredMessage(killmailId));
  let esi: unknown;
  try {
    esi = await ctx.esi.killmail(killmailId, hash);
  } catch (error) {
    if (error instanceof EsiUnavailableError)
      throw new UserError(
        'ESI did not answer in time, so the killmail could not be fetched. Try again in a minute.',
      );
    throw error;
  }
  if (esi === undefined)
    throw new UserError(
      `ESI knows no killmail ${killmailId} with the hash ${hash}: check that the link is complete.`,
    );
  // zKillboard's part (value, npc, awox) is unknown for a killmail fetched from ESI: an admin sets the value.
  const parsed = parseKillmailDocument(
    { killmail_id: killmailId, hash, esi, zkb: { hash, npc: false, solo: false, awox: false } },
    { now },
  );
  if (!parsed.ok) throw new UserError(`ESI sent a killmail the bot cannot read: ${parsed.error}`);
  return { killmail_id: killmailId, hash, esi: parsed.document.esi };
}
