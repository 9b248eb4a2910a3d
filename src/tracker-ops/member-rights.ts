// Members cannot make the bot do what they could not do themselves: point alerts at a channel they cannot
// see or post in, or ping @here, @everyone or a role they could not mention there. The Discord layer says
// what the acting member may do in a channel (as Discord computed it); the rules and their words are here.
import type { TrackerPing } from '../engine/index.ts';
import { UserError } from '../user-error.ts';

/** What the acting member may do in one channel; anything that could not be known is false. */
export interface ChannelRights {
  channelId: string;
  viewChannel: boolean;
  sendMessages: boolean;
  /** Mention Everyone: @everyone, @here and every role, mentionable or not. */
  mentionEveryone: boolean;
  /** Whether anyone may mention the role (then no permission is needed). */
  roleMentionable(roleId: string): boolean;
}

/** The acting member's rights in any channel of the guild. */
export type MemberRights = (channelId: string) => ChannelRights;

const ASK_SOMEONE = 'or ask a member who can to do it';

/** What the member lacks to post in the channel (View Channel, Send Messages), empty when nothing. */
function missingToPost(rights: ChannelRights): string[] {
  return [...(rights.viewChannel ? [] : ['View Channel']), ...(rights.sendMessages ? [] : ['Send Messages'])];
}

/** Alerts go only where the member could post: throws a UserError saying what they lack. */
export function checkAlertChannel(rights: ChannelRights): void {
  const missing = missingToPost(rights);
  if (missing.length === 0) return;
  throw new UserError(
    `You lack ${missing.join(' and ')} in <#${rights.channelId}>, and the bot only posts alerts where you could post yourself. Pick a channel you can post in, ${ASK_SOMEONE}.`,
  );
}

/** A test post goes only where the member could post: throws a UserError saying what they lack. */
export function checkTestChannel(rights: ChannelRights): void {
  const missing = missingToPost(rights);
  if (missing.length === 0) return;
  throw new UserError(
    `You lack ${missing.join(' and ')} in <#${rights.channelId}>, so the bot will not post a test alert there for you: ask a member who can post there to run the test.`,
  );
}

/**
 * The pings of `ping` the member could not make there themselves, each with why, leaving out what the
 * tracker already pinged (`granted`): keeping what an admin set is no new ping.
 */
export function pingsBeyondRights(
  rights: ChannelRights,
  ping: TrackerPing,
  granted: TrackerPing = { everyone: false, here: false, roles: [] },
): Array<{ ping: string; why: string }> {
  if (rights.mentionEveryone) return [];
  const everyoneWhy = 'needs your own Mention Everyone permission';
  const beyond: Array<{ ping: string; why: string }> = [];
  if (ping.everyone && !granted.everyone) beyond.push({ ping: '@everyone', why: everyoneWhy });
  if (ping.here && !ping.everyone && !granted.here && !granted.everyone)
    beyond.push({ ping: '@here', why: everyoneWhy });
  for (const role of ping.roles) {
    if (granted.roles.includes(role) || rights.roleMentionable(role)) continue;
    beyond.push({ ping: `<@&${role}>`, why: 'is not mentionable, and you lack Mention Everyone' });
  }
  return beyond;
}

/** Throws a UserError listing the pings the member could not make in the channel themselves. */
export function checkPings(rights: ChannelRights, ping: TrackerPing, granted?: TrackerPing): void {
  const beyond = pingsBeyondRights(rights, ping, granted);
  if (beyond.length === 0) return;
  throw new UserError(
    [
      `You cannot make the bot ping what you could not ping yourself in <#${rights.channelId}>:`,
      ...beyond.map((entry) => `• ${entry.ping} ${entry.why}`),
      `Choose other pings (or none), ${ASK_SOMEONE} (a member with Mention Everyone in that channel).`,
    ].join('\n'),
  );
}

/** The ping without what the member could not ping there themselves, and what was left out. */
export function pingWithinRights(
  rights: ChannelRights,
  ping: TrackerPing,
): { ping: TrackerPing; withheld: string[] } {
  const beyond = new Set(pingsBeyondRights(rights, ping).map((entry) => entry.ping));
  return {
    ping: {
      everyone: ping.everyone && !beyond.has('@everyone'),
      here: ping.here && !beyond.has('@here') && !beyond.has('@everyone'),
      roles: ping.roles.filter((role) => !beyond.has(`<@&${role}>`)),
    },
    withheld: [...beyond],
  };
}
