// Kills entering a guild's pay-per-kill program: stored once with their derived events, and the roster
// message they are shown in.
import {
  findPpkKill,
  insertPpkEvents,
  insertPpkKill,
  linkedOwners,
  updatePpkKill,
} from '../../db/ppk-repository.ts';
import type { EsiKillmail, ZkbInfo } from '../../engine/index.ts';
import { UserError } from '../../user-error.ts';
import { derivedEvents, killFacts, type PpkKillFacts } from '../derivation.ts';
import type { PpkKillView } from '../types.ts';
import { NOT_IN_PROGRAM, type PpkContext } from './context.ts';

/**
 * A killmail to enter: the stored R2Z2 document, or one fetched from ESI (`/killmails/{id}/{hash}/`),
 * which comes without zKillboard's data (no value until an admin overrides it).
 */
export interface PpkKillmailSource {
  killmail_id: number;
  hash: string;
  esi: EsiKillmail;
  zkb?: ZkbInfo | undefined;
}

export interface EnterKillInput {
  guildId: string;
  killmailId: number;
  /** The channel of the roster message. */
  channelId: string;
  /** The roster message, when already posted (an alert, or a repost). */
  messageId?: string | undefined;
  /** The killmail when the caller has it (e.g. fetched from ESI); else it is read from the store. */
  killmail?: PpkKillmailSource | undefined;
}

export interface EnterKillOutcome {
  /** False when the kill was already in this guild's program (nothing recorded again). */
  created: boolean;
  view: PpkKillView;
}

export interface PpkKillEntryOperations {
  /**
   * Enters a kill into the guild's program, once: stores its facts and records the derived events
   * (participant, final_blow, top_damage) of attacker characters linked in the guild. Entering it again
   * only moves the roster message when a new `messageId` or channel is given.
   * UserError when the killmail is neither given nor stored.
   */
  enterKill(input: EnterKillInput): Promise<EnterKillOutcome>;
  /** Points the kill's roster at a (re)posted message. UserError when the kill is not in the program. */
  setMessage(input: {
    guildId: string;
    killmailId: number;
    channelId: string;
    messageId: string;
  }): Promise<PpkKillView>;
  /** The kill as the roster shows it; undefined when it is not in this guild's program. */
  killView(guildId: string, killmailId: number): Promise<PpkKillView | undefined>;
}

export function createKillEntryOperations(context: PpkContext): PpkKillEntryOperations {
  const { db, log, now, bookingTime, killChanged, requireKill, viewOf, buildView } = context;
  return {
    async enterKill(input) {
      const { guildId, killmailId } = input;
      const existing = await findPpkKill(db, guildId, killmailId);
      let facts: PpkKillFacts | undefined;
      if (!existing) {
        const source = input.killmail ?? (await context.killmails?.get(killmailId));
        if (!source || source.killmail_id !== killmailId) {
          throw new UserError(
            `Killmail ${killmailId} is not stored here. Give its zKillboard or ESI link so it can be fetched.`,
          );
        }
        facts = killFacts(source);
      }
      const created = await db.transaction(async (tx) => {
        const current = await findPpkKill(tx, guildId, killmailId, true);
        if (current || !facts) {
          const moved =
            current !== undefined &&
            ((input.messageId !== undefined && input.messageId !== current.messageId) ||
              input.channelId !== current.channelId);
          if (current && moved) {
            await updatePpkKill(tx, guildId, killmailId, {
              channelId: input.channelId,
              messageId: input.messageId ?? null,
            });
            await killChanged(tx, guildId, killmailId);
          }
          if (!current) throw new UserError(NOT_IN_PROGRAM);
          return false;
        }
        const inserted = await insertPpkKill(tx, {
          guildId,
          killmailId,
          hash: facts.hash,
          killmailTime: facts.killmailTime,
          solarSystemId: facts.solarSystemId,
          victim: facts.victim,
          attackers: facts.attackers,
          zkbValue: facts.zkbValue,
          npc: facts.npc,
          awox: facts.awox,
          channelId: input.channelId,
          messageId: input.messageId ?? null,
          enteredAt: new Date(now()),
        });
        // Another process entered it between the read and the insert: theirs stands.
        if (!inserted) return false;
        const owners = await linkedOwners(
          tx,
          guildId,
          facts.attackers.map((attacker) => attacker.characterId),
        );
        const bookedAt = await bookingTime(tx, guildId, facts.killmailTime);
        const corporations = new Map(facts.attackers.map((a) => [a.characterId, a.corporationId ?? null]));
        await insertPpkEvents(
          tx,
          derivedEvents(facts.attackers, (characterId) => owners.has(characterId)).map((event) => ({
            guildId,
            killmailId,
            characterId: event.characterId,
            type: event.type,
            userId: owners.get(event.characterId) ?? null,
            corporationId: corporations.get(event.characterId) ?? null,
            source: 'derived',
            createdBy: null,
            createdAt: new Date(now()),
            bookedAt,
          })),
        );
        await killChanged(tx, guildId, killmailId);
        return true;
      });
      if (created) log.info({ guild: guildId, killmail: killmailId }, 'kill entered the PPK program');
      return { created, view: await viewOf(guildId, killmailId) };
    },

    async setMessage(input) {
      await db.transaction(async (tx) => {
        await requireKill(tx, input.guildId, input.killmailId, true);
        await updatePpkKill(tx, input.guildId, input.killmailId, {
          channelId: input.channelId,
          messageId: input.messageId,
        });
        await killChanged(tx, input.guildId, input.killmailId);
      });
      return viewOf(input.guildId, input.killmailId);
    },

    async killView(guildId, killmailId) {
      const kill = await findPpkKill(db, guildId, killmailId);
      return kill ? buildView(kill) : undefined;
    },
  };
}
