// Who a /character command is by and about: the member who asks (with their current roles, and whether
// they are an admin) and, for admins, the member given in the `member` option.
import type { Interaction } from 'discord.js';
import type { PilotActor, PilotMember } from '../../pilots/operations.ts';
import { isTrackerManager } from '../access.ts';
import type { BotContext } from '../contract.ts';
import type { UserArg } from '../options.ts';

type MemberLike = { roles: string[] | { cache: ReadonlyMap<string, unknown> } } | null | undefined;

/** The member's role ids when Discord sent them (raw interactions list them; cached ones hold a cache). */
function roleIdsOf(member: MemberLike): string[] | undefined {
  if (!member) return undefined;
  const { roles } = member;
  return Array.isArray(roles) ? [...roles] : [...roles.cache.keys()];
}

export async function actorOf(interaction: Interaction, ctx: BotContext): Promise<PilotActor> {
  return {
    userId: interaction.user.id,
    roleIds: roleIdsOf(interaction.member as MemberLike),
    isAdmin: await isTrackerManager(interaction, ctx.guildSettings),
  };
}

/** The `member` option as the pilot registry takes it; undefined when it was not given. */
export function memberOf(arg: UserArg | undefined): PilotMember | undefined {
  if (!arg) return undefined;
  return { userId: arg.user.id, roleIds: roleIdsOf(arg.member as MemberLike) };
}
