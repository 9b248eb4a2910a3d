// Keeps the stored roles of members with linked characters current while the bot runs: from the
// gateway's member events when Discord grants the Guild Members intent, else by asking REST now and
// then. Every process serves its own shards' guilds, so each guild is followed by exactly one process.
import { type Client, Events, type Guild } from 'discord.js';
import type {
  GatewayGuildMemberRemoveDispatchData,
  GatewayGuildMemberUpdateDispatchData,
} from 'discord-api-types/v10';
import { pause } from '../clock.ts';
import type { GuildMemberRepository } from '../db/guild-member-repository.ts';
import type { Logger } from '../log.ts';
import type { MemberRefresher } from '../pilots/member-refresh.ts';

export interface MemberRolesOptions {
  /** Ask for the privileged Guild Members intent (DISCORD_GUILD_MEMBERS_INTENT). */
  intent: boolean;
  members: GuildMemberRepository;
  /** REST look-ups: members never seen, and everyone now and then without the intent. */
  refresher: MemberRefresher;
  /** How often the REST round runs (default 1 minute). */
  roundMs?: number;
  /** Without the intent, members are looked up again after this long (default 15 minutes). */
  staleAfterMs?: number;
}

export const GUILD_MEMBERS_INTENT_HELP = [
  "Discord refused the Guild Members intent (gateway close code 4014), so members' roles are looked up over",
  'REST instead: role conditions may lag a role change by up to 15 minutes. To follow role changes at once,',
  'open https://discord.com/developers/applications, pick the bot, Bot -> Privileged Gateway Intents, switch on',
  '"Server Members Intent" and restart. To stop asking for it, set DISCORD_GUILD_MEMBERS_INTENT=false.',
].join(' ');

/** Discord takes at most 100 user ids per member request. */
const USERS_PER_REQUEST = 100;

export function watchMemberRoles(
  client: Client,
  options: MemberRolesOptions,
  gatewayEvents: boolean,
  log: Logger,
): { stop(): Promise<void> } {
  const { members } = options;
  const abort = new AbortController();
  // Member events are applied in the order Discord sent them (an update, then a leave).
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (what: string, task: () => Promise<unknown>) => {
    queue = queue.then(task).then(
      () => undefined,
      (error: unknown) => log.warn({ err: error }, `could not store a member change (${what})`),
    );
  };

  async function syncGuild(guild: Guild): Promise<void> {
    const userIds = await members.linkedUserIds(guild.id);
    for (let start = 0; start < userIds.length; start += USERS_PER_REQUEST) {
      const batch = userIds.slice(start, start + USERS_PER_REQUEST);
      const found = await guild.members.fetch({ user: batch });
      for (const userId of batch) {
        const member = found.get(userId);
        if (member) await members.set(guild.id, { userId, roleIds: [...member.roles.cache.keys()] });
        else await members.markLeft(guild.id, userId);
      }
    }
  }

  if (gatewayEvents) {
    client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
      if (packet.t === 'GUILD_MEMBER_ADD' || packet.t === 'GUILD_MEMBER_UPDATE') {
        const data = packet.d as GatewayGuildMemberUpdateDispatchData;
        enqueue(packet.t, () => members.set(data.guild_id, { userId: data.user.id, roleIds: data.roles }));
      } else if (packet.t === 'GUILD_MEMBER_REMOVE') {
        const data = packet.d as GatewayGuildMemberRemoveDispatchData;
        enqueue(packet.t, () => members.markLeft(data.guild_id, data.user.id));
      }
    });
    // After a (re)connect events may have been missed: read the linked members' roles afresh.
    const resync = (guild: Guild) =>
      enqueue('guild sync', () =>
        syncGuild(guild).catch((error: unknown) =>
          log.warn({ err: error, guild: guild.id }, 'could not read the members of a server'),
        ),
      );
    client.on(Events.ShardReady, (shardId) => {
      for (const guild of client.guilds.cache.values()) if (guild.shardId === shardId) resync(guild);
    });
    client.on(Events.GuildCreate, resync);
    for (const guild of client.guilds.cache.values()) resync(guild);
  }

  const rounds = (async () => {
    const roundMs = options.roundMs ?? 60_000;
    const staleAfterMs = gatewayEvents ? undefined : (options.staleAfterMs ?? 15 * 60_000);
    while (!abort.signal.aborted) {
      try {
        await options.refresher.refreshStale([...client.guilds.cache.keys()], staleAfterMs);
      } catch (error) {
        log.warn({ err: error }, 'member roles refresh failed; will try again');
      }
      await pause(roundMs, abort.signal);
    }
  })();

  return {
    async stop() {
      abort.abort();
      await rounds;
      await queue;
    },
  };
}
