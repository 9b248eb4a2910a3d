// Members claiming and unclaiming events on a kill with the roster's buttons, for their own linked
// characters while the claim window is open.
import {
  deleteUnpaidPpkEvent,
  findPpkEvent,
  insertPpkEvents,
  linkedOwners,
  memberCharacterIds,
} from '../../db/ppk-repository.ts';
import { UserError } from '../../user-error.ts';
import {
  isClaimableEventType,
  PPK_EVENT_LABELS,
  type PpkClaimableCharacter,
  type PpkEventType,
  type PpkKillView,
} from '../types.ts';
import { claimWindowClosesAt, PAID_PERIOD, type PpkContext } from './context.ts';

export interface ToggleClaimInput {
  guildId: string;
  killmailId: number;
  userId: string;
  characterId: number;
  type: PpkEventType;
}

export interface PpkClaimOperations {
  /** The member's linked characters: those on the killmail first, then the rest (link order). */
  claimableCharacters(guildId: string, userId: string, killmailId: number): Promise<PpkClaimableCharacter[]>;
  /**
   * Claims the event for the member's character, or removes it when it is there (toggle). UserError when the
   * member has no linked character, the character is not theirs, the claim window closed, the period is
   * paid, the kill is excluded, or the kill is not in this guild's program.
   */
  toggleClaim(input: ToggleClaimInput): Promise<{ added: boolean; view: PpkKillView }>;
}

export function createClaimOperations(context: PpkContext): PpkClaimOperations {
  const {
    db,
    log,
    now,
    bookingTime,
    corporationOf,
    killChanged,
    loadSettings,
    namesOf,
    requireKill,
    viewOf,
  } = context;
  return {
    async claimableCharacters(guildId, userId, killmailId) {
      const kill = await requireKill(db, guildId, killmailId, false);
      const ids = await memberCharacterIds(db, guildId, userId);
      const onKill = new Set(kill.attackers.map((attacker) => attacker.characterId));
      const names = await namesOf(ids);
      const described = ids.map((characterId) => ({
        characterId,
        characterName: names.get(characterId),
        onKillmail: onKill.has(characterId),
      }));
      return [
        ...described.filter((entry) => entry.onKillmail),
        ...described.filter((entry) => !entry.onKillmail),
      ];
    },

    async toggleClaim(input) {
      const { guildId, killmailId, userId, characterId, type } = input;
      if (!isClaimableEventType(type)) {
        throw new UserError(`${PPK_EVENT_LABELS[type]} comes from the killmail; it cannot be claimed.`);
      }
      // Resolved before the transaction: it may ask ESI.
      const preview = await requireKill(db, guildId, killmailId, false);
      const corporationId = await corporationOf(preview, characterId);
      const added = await db.transaction(async (tx) => {
        const kill = await requireKill(tx, guildId, killmailId, true);
        const mine = await memberCharacterIds(tx, guildId, userId);
        if (mine.length === 0) {
          throw new UserError(
            'You have no EVE character linked in this server. Link one with /character link, then press the button again.',
          );
        }
        if (!mine.includes(characterId)) {
          const owner = (await linkedOwners(tx, guildId, [characterId])).get(characterId);
          throw new UserError(
            owner === undefined
              ? 'That character is not linked in this server. Link it with /character link, then claim again.'
              : 'That character is linked to another member of this server: only they can claim for it. Pick one of yours (/character list).',
          );
        }
        if (kill.excludedAt !== null) {
          throw new UserError(
            `This kill is excluded from the pay-per-kill program${kill.excludedReason ? ` (${kill.excludedReason})` : ''}: nothing can be claimed on it.`,
          );
        }
        const settings = await loadSettings(tx, guildId);
        const closesAt = claimWindowClosesAt(kill, settings);
        if (now() >= closesAt.getTime()) {
          throw new UserError(
            `Claims on this kill closed on ${closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${settings.claimWindowDays} days after the kill). Ask a PPK admin to add it with /ppk add.`,
          );
        }
        const existing = await findPpkEvent(tx, { guildId, killmailId, characterId, type });
        if (existing) {
          if (existing.payoutId !== null || !(await deleteUnpaidPpkEvent(tx, existing.id))) {
            throw new UserError(PAID_PERIOD);
          }
          await killChanged(tx, guildId, killmailId);
          return false;
        }
        await insertPpkEvents(tx, [
          {
            guildId,
            killmailId,
            characterId,
            type,
            userId,
            corporationId,
            source: 'claim',
            createdBy: userId,
            createdAt: new Date(now()),
            bookedAt: await bookingTime(tx, guildId, kill.killmailTime),
          },
        ]);
        await killChanged(tx, guildId, killmailId);
        return true;
      });
      log.info(
        { guild: guildId, killmail: killmailId, user: userId, character: characterId, type, added },
        added ? 'PPK claim recorded' : 'PPK claim removed',
      );
      return { added, view: await viewOf(guildId, killmailId) };
    },
  };
}
