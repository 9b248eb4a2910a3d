// What members and admins do with the pilot registry, without any Discord reply code: link, unlink and
// list characters (one owner per character per guild; admins act for others and move characters),
// EVE SSO proof, and autocomplete sources. Refusals are UserErrors whose message the caller shows.
import {
  type CharacterRepository,
  type CharacterRow,
  createCharacterRepository,
} from '../db/character-repository.ts';
import type { Database } from '../db/client.ts';
import type { NameRepository } from '../db/name-repository.ts';
import type { EsiClient } from '../ingest/esi/client.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import {
  type CharacterLookup,
  type CharacterRef,
  characterChoice,
  characterChoices,
  characterLabel,
  resolveCharacter,
} from './character-input.ts';
import { UserError } from '../user-error.ts';
import { describeLinks, type LinkedCharacter } from './linked-characters.ts';
import type { MemberRefresher } from './member-refresh.ts';
import { type EveSso, type SsoCallback, SsoRefusedError } from './sso/eve-sso.ts';

/** A guild member the operation is about; `roleIds` when the caller knows their current roles. */
export interface PilotMember {
  userId: string;
  roleIds?: readonly string[] | undefined;
}

/** Who asks. `isAdmin`: Manage Server or the manager role, as the caller decided. */
export interface PilotActor extends PilotMember {
  isAdmin: boolean;
}

export type LinkOutcome =
  | { kind: 'linked'; character: CharacterRef; userId: string; movedFrom?: string | undefined }
  | { kind: 'already-linked'; character: CharacterRef; userId: string; verified: boolean }
  /** EVE SSO is on: the member proves the character by logging in at this URL (once, before expiresAt). */
  | { kind: 'sso'; url: string; expiresAt: Date };

export interface UnlinkOutcome {
  character: CharacterRef;
  userId: string;
}

/** The callback page's story: what was linked, or why nothing was. Plain text. */
export type SsoLinkOutcome =
  | { ok: true; guildId: string; userId: string; character: CharacterRef; movedFrom?: string | undefined }
  | { ok: false; message: string };

/** Self-declared links per member: plenty for alts, and a bound on squatting other pilots' names. */
export const MAX_CHARACTERS_PER_MEMBER = 50;

const ONLY_ADMINS =
  'Only admins (Manage Server, or the manager role) can manage the characters of other members.';

export interface PilotOperationsOptions {
  db: Database;
  esi: Pick<EsiClient, 'ids' | 'affiliations'>;
  names: NameRepository;
  nameResolver: NameResolver;
  log: Logger;
  /** Present when EVE SSO is configured: members then prove their characters. */
  sso?: EveSso | undefined;
  /** Looks the member's roles up after an SSO link (nobody handed them in). */
  memberRefresher?: MemberRefresher | undefined;
}

export function createPilotOperations(options: PilotOperationsOptions) {
  const { log } = options;
  const characters: CharacterRepository = createCharacterRepository({ db: options.db });
  const lookup: CharacterLookup = {
    esi: options.esi,
    names: options.names,
    nameResolver: options.nameResolver,
    log,
  };

  /** The member acted upon: the actor, or another member when the actor is an admin. */
  function targetOf(actor: PilotActor, member: PilotMember | undefined): PilotMember {
    if (!member || member.userId === actor.userId) return actor;
    if (!actor.isAdmin) throw new UserError(ONLY_ADMINS);
    return member;
  }

  function heldElsewhere(character: CharacterRef, holder: string): UserError {
    return new UserError(
      `${characterLabel(character)} is linked to <@${holder}> in this server. Ask <@${holder}> to unlink it, or an admin can move it to you.`,
    );
  }

  /** A linked character of the guild by what the member typed: an id, or the name of one linked there. */
  async function findLinked(rows: CharacterRow[], text: string): Promise<CharacterRow | undefined> {
    const typed = text.trim();
    if (/^\d+$/.test(typed)) return rows.find((row) => row.characterId === Number(typed));
    const names = await options.names.get(rows.map((row) => row.characterId));
    const needle = typed.toLowerCase();
    return rows.find((row) => names.get(row.characterId)?.name.toLowerCase() === needle);
  }

  async function nameOf(characterId: number): Promise<CharacterRef> {
    const known = (await options.names.get([characterId])).get(characterId);
    return { id: characterId, name: known?.name };
  }

  return {
    /**
     * Links a character to the actor (or, for an admin, to `member`). With EVE SSO on, a member linking
     * for themselves gets a login URL instead and the character is linked, verified, by the callback.
     */
    async link(input: {
      guildId: string;
      actor: PilotActor;
      member?: PilotMember | undefined;
      character?: string | undefined;
    }): Promise<LinkOutcome> {
      const { guildId, actor } = input;
      const target = targetOf(actor, input.member);
      const forSelf = target.userId === actor.userId;
      if (options.sso && forSelf) {
        const login = await options.sso.loginUrl(guildId, actor.userId);
        return { kind: 'sso', ...login };
      }
      if (input.character === undefined) {
        throw new UserError('Say which character to link: its exact name, or its id.');
      }
      const character = await resolveCharacter(lookup, input.character);
      if (
        !actor.isAdmin &&
        (await characters.countForMember(guildId, target.userId)) >= MAX_CHARACTERS_PER_MEMBER
      ) {
        throw new UserError(
          `You have ${MAX_CHARACTERS_PER_MEMBER} characters linked, the most a member may link. Unlink one first (/character unlink), or ask an admin.`,
        );
      }
      const link = {
        guildId,
        characterId: character.id,
        userId: target.userId,
        verified: false,
        linkedBy: forSelf ? null : actor.userId,
      };
      const roles = target.roleIds ? { userId: target.userId, roleIds: target.roleIds } : undefined;
      const claimed = await characters.claim(link, roles);
      if (claimed.kind === 'linked') {
        log.info(
          { guild: guildId, character: character.id, user: target.userId, by: actor.userId },
          'character linked',
        );
        return { kind: 'linked', character, userId: target.userId };
      }
      if (claimed.kind === 'already-linked') {
        return { kind: 'already-linked', character, userId: target.userId, verified: claimed.row.verified };
      }
      if (!actor.isAdmin) throw heldElsewhere(character, claimed.row.userId);
      // The row keeps who moved it; the log keeps from whom.
      const previous = await characters.move({ ...link, linkedBy: actor.userId }, roles ? { roles } : {});
      const movedFrom = previous !== undefined && previous !== 'refused' ? previous.userId : undefined;
      log.info(
        { guild: guildId, character: character.id, from: movedFrom, to: target.userId, by: actor.userId },
        'an admin moved a character to another member',
      );
      return { kind: 'linked', character, userId: target.userId, movedFrom };
    },

    /** Unlinks one of the actor's characters (or, for an admin, one of `member`'s). */
    async unlink(input: {
      guildId: string;
      actor: PilotActor;
      member?: PilotMember | undefined;
      character: string;
    }): Promise<UnlinkOutcome> {
      const { guildId, actor } = input;
      const target = targetOf(actor, input.member);
      const whose = target.userId === actor.userId ? 'yours' : `linked to <@${target.userId}>`;
      const row = await findLinked(await characters.forMember(guildId, target.userId), input.character);
      if (!row) {
        throw new UserError(
          `That character is not ${whose} in this server. Pick it from the list while typing; /character list shows the linked ones.`,
        );
      }
      if (!(await characters.remove(guildId, row.characterId, target.userId))) {
        throw new UserError(
          'That character was just unlinked or moved by someone else. Run /character list to see where it is.',
        );
      }
      log.info(
        { guild: guildId, character: row.characterId, user: target.userId, by: actor.userId },
        'character unlinked',
      );
      return { character: await nameOf(row.characterId), userId: target.userId };
    },

    /** The actor's characters (or, for an admin, `member`'s), with corporation and alliance. */
    async list(input: {
      guildId: string;
      actor: PilotActor;
      member?: PilotMember | undefined;
    }): Promise<LinkedCharacter[]> {
      const target = targetOf(input.actor, input.member);
      return describeLinks(await characters.forMember(input.guildId, target.userId), options);
    },

    /** Every link of the guild, for admins: who linked what, verified or not, by whom. */
    async listAll(input: { guildId: string; actor: PilotActor }): Promise<LinkedCharacter[]> {
      if (!input.actor.isAdmin) throw new UserError(ONLY_ADMINS);
      return describeLinks(await characters.forGuild(input.guildId), options);
    },

    /** Autocomplete for linking: characters seen on killmails, the id as the value. */
    characterChoices: (text: string) => characterChoices(lookup, text),

    /** Autocomplete for unlinking: the target member's linked characters matching the text. */
    async linkedChoices(input: {
      guildId: string;
      actor: PilotActor;
      member?: PilotMember | undefined;
      text: string;
    }): Promise<Array<{ name: string; value: string }>> {
      const target = targetOf(input.actor, input.member);
      const rows = await characters.forMember(input.guildId, target.userId);
      const names = await options.names.get(rows.map((row) => row.characterId));
      const needle = input.text.trim().toLowerCase();
      return rows
        .map((row) => characterChoice({ id: row.characterId, name: names.get(row.characterId)?.name }))
        .filter((choice) => choice.name.toLowerCase().includes(needle))
        .slice(0, 25);
    },

    /**
     * The EVE SSO callback: checks the login and links the proven character, verified, to the member
     * who asked for the login URL. A verified link replaces another member's unproven claim (logged);
     * another member's proven link is left alone.
     */
    async completeSsoLink(callback: SsoCallback): Promise<SsoLinkOutcome> {
      if (!options.sso) return { ok: false, message: 'EVE SSO is not configured on this bot.' };
      let proof;
      try {
        proof = await options.sso.prove(callback);
      } catch (error) {
        if (error instanceof SsoRefusedError) return { ok: false, message: error.message };
        throw error;
      }
      const { guildId, userId } = proof;
      const character: CharacterRef = { id: proof.character.characterId, name: proof.character.name };
      if (character.name !== undefined) {
        await options.names
          .put([{ id: character.id, name: character.name, category: 'character' }])
          .catch((error: unknown) => log.warn({ err: error }, 'could not keep the name EVE SSO gave'));
      }
      const link = { guildId, characterId: character.id, userId, verified: true, linkedBy: null };
      const previous = await characters.move(link, {
        onlyFrom: (row) => row.userId === userId || !row.verified,
      });
      if (previous === 'refused') {
        return {
          ok: false,
          message: `${character.name ?? `Character ${character.id}`} is already linked, with EVE SSO proof, to another member of that server. Nothing was changed: ask them to unlink it, or ask an admin to move it to you.`,
        };
      }
      const movedFrom = previous && previous.userId !== userId ? previous.userId : undefined;
      log.info(
        { guild: guildId, character: character.id, user: userId, from: movedFrom },
        movedFrom
          ? 'character proven through EVE SSO: taken over from an unverified link'
          : 'character linked through EVE SSO',
      );
      await options.memberRefresher
        ?.refresh(guildId, userId)
        .catch((error: unknown) =>
          log.warn(
            { err: error, guild: guildId, user: userId },
            'could not look up the member after an SSO link',
          ),
        );
      return { ok: true, guildId, userId, character, movedFrom };
    },
  };
}

export type PilotOperations = ReturnType<typeof createPilotOperations>;
