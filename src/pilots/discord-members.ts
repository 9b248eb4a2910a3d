// A member's current roles straight from Discord's REST API (GET /guilds/{guild}/members/{user}), for
// when the gateway's member events are not available.
import { DiscordAPIError, REST } from '@discordjs/rest';
import { type APIGuildMember, RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { DiscordMemberSource } from './member-refresh.ts';

/** Discord's answers that mean "not a member of that guild" (or the bot is not in it any more). */
const NOT_A_MEMBER = new Set<number>([
  RESTJSONErrorCodes.UnknownMember,
  RESTJSONErrorCodes.UnknownUser,
  RESTJSONErrorCodes.UnknownGuild,
]);

export function createRestMemberSource(options: { token: string; apiUrl: string }): DiscordMemberSource {
  const rest = new REST({ api: options.apiUrl, timeout: 15_000, retries: 2 }).setToken(options.token);
  return {
    async roles(guildId, userId) {
      try {
        const member = (await rest.get(Routes.guildMember(guildId, userId))) as APIGuildMember;
        return member.roles;
      } catch (error) {
        if (
          error instanceof DiscordAPIError &&
          typeof error.code === 'number' &&
          NOT_A_MEMBER.has(error.code)
        ) {
          return null;
        }
        throw error;
      }
    },
  };
}
