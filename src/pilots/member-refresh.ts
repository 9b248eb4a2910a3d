// Keeps linked members' roles current by asking Discord (REST) when the gateway cannot tell us: after
// an EVE SSO link, for members never looked up, and periodically when the Guild Members intent is off.
import type { GuildMemberRepository } from '../db/guild-member-repository.ts';
import type { Logger } from '../log.ts';

export interface DiscordMemberSource {
  /** The member's role ids now, or null when the user is not in the guild. */
  roles(guildId: string, userId: string): Promise<string[] | null>;
}

export interface MemberRefresher {
  /** Asks Discord about one member and stores the answer. */
  refresh(guildId: string, userId: string): Promise<void>;
  /**
   * Looks up linked members of these guilds whose roles are unknown, or older than `staleAfterMs` when
   * given; resolves how many were looked up.
   */
  refreshStale(guildIds: readonly string[], staleAfterMs?: number): Promise<number>;
}

/** Members looked up per round: Discord's rate limits are shared with everything else the bot does. */
const PER_ROUND = 50;

export function createMemberRefresher(options: {
  members: GuildMemberRepository;
  source: DiscordMemberSource;
  log: Logger;
  now?: () => number;
}): MemberRefresher {
  const { members, source, log } = options;
  const now = options.now ?? Date.now;

  async function refresh(guildId: string, userId: string): Promise<void> {
    const roles = await source.roles(guildId, userId);
    if (roles === null) await members.markLeft(guildId, userId);
    else await members.set(guildId, { userId, roleIds: roles });
  }

  return {
    refresh,
    async refreshStale(guildIds, staleAfterMs) {
      const olderThan = staleAfterMs === undefined ? undefined : new Date(now() - staleAfterMs);
      const stale = await members.stale(guildIds, olderThan, PER_ROUND);
      let refreshed = 0;
      for (const { guildId, userId } of stale) {
        try {
          await refresh(guildId, userId);
          refreshed++;
        } catch (error) {
          // Discord being unwell is no reason to hammer it: the rest waits for the next round.
          log.warn(
            { err: error, guild: guildId, user: userId },
            'could not look up a member; will try again later',
          );
          break;
        }
      }
      return refreshed;
    },
  };
}
