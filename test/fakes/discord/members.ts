// Guild members in the fake Discord: joining, role changes and leaving change the guild's state and
// reach the bot as GUILD_MEMBER_* events (only over sessions with the Guild Members intent, as on
// Discord), and REQUEST_GUILD_MEMBERS (op 8) is answered with a GUILD_MEMBERS_CHUNK.
import {
  type APIGuildMember,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayGuildMembersChunkDispatchData,
  GatewayIntentBits,
  type GatewayRequestGuildMembersData,
} from 'discord-api-types/v10';
import { fakeMember } from './entities.ts';

/** Privileged intents and what a test may refuse. */
export const GUILD_MEMBERS_INTENT: number = GatewayIntentBits.GuildMembers;

export interface MemberEventTarget {
  guild(id: string): GatewayGuildCreateDispatchData | undefined;
  /** Sends the event to sessions that asked for `intent`. */
  dispatchWithIntent(event: string, data: unknown, intent: number): void;
}

function guildOf(target: MemberEventTarget, guildId: string): GatewayGuildCreateDispatchData {
  const guild = target.guild(guildId);
  if (!guild) throw new Error(`fake Discord: no guild ${guildId}`);
  return guild;
}

export function addMember(
  target: MemberEventTarget,
  guildId: string,
  user: APIUser,
  roles: string[],
): APIGuildMember {
  const guild = guildOf(target, guildId);
  const member = fakeMember(user, roles);
  guild.members = [...guild.members.filter((candidate) => candidate.user.id !== user.id), member];
  guild.member_count = guild.members.length;
  target.dispatchWithIntent('GUILD_MEMBER_ADD', { ...member, guild_id: guildId }, GUILD_MEMBERS_INTENT);
  return member;
}

export function setMemberRoles(
  target: MemberEventTarget,
  guildId: string,
  userId: string,
  roles: string[],
): void {
  const member = guildOf(target, guildId).members.find((candidate) => candidate.user.id === userId);
  if (!member) throw new Error(`fake Discord: ${userId} is not a member of ${guildId}`);
  member.roles = [...roles];
  target.dispatchWithIntent(
    'GUILD_MEMBER_UPDATE',
    {
      guild_id: guildId,
      user: member.user,
      roles: member.roles,
      joined_at: member.joined_at,
      deaf: false,
      mute: false,
      flags: member.flags,
    },
    GUILD_MEMBERS_INTENT,
  );
}

export function removeMember(target: MemberEventTarget, guildId: string, userId: string): void {
  const guild = guildOf(target, guildId);
  const member = guild.members.find((candidate) => candidate.user.id === userId);
  if (!member) throw new Error(`fake Discord: ${userId} is not a member of ${guildId}`);
  guild.members = guild.members.filter((candidate) => candidate !== member);
  guild.member_count = guild.members.length;
  target.dispatchWithIntent(
    'GUILD_MEMBER_REMOVE',
    { guild_id: guildId, user: member.user },
    GUILD_MEMBERS_INTENT,
  );
}

/** The answer to op 8: the requested users (or everyone matching the query) in one chunk. */
export function membersChunk(
  guild: GatewayGuildCreateDispatchData,
  request: GatewayRequestGuildMembersData,
): GatewayGuildMembersChunkDispatchData {
  const wanted =
    'user_ids' in request && request.user_ids !== undefined ? [request.user_ids].flat() : undefined;
  const query = 'query' in request ? (request.query ?? '') : '';
  const members = wanted
    ? guild.members.filter((member) => wanted.includes(member.user.id))
    : guild.members.filter((member) => member.user.username.toLowerCase().startsWith(query.toLowerCase()));
  return {
    guild_id: guild.id,
    members,
    chunk_index: 0,
    chunk_count: 1,
    ...(wanted ? { not_found: wanted.filter((id) => !members.some((member) => member.user.id === id)) } : {}),
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
  };
}
