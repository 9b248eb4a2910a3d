// Who a tracker pings: the four modes of /tracker ping, and one wording of a ping for every place that
// shows it (the editor's field, the ping editor, previews, test posts, confirmations).
import type { TrackerPing } from '../engine/index.ts';
import { UserError } from '../user-error.ts';

type PingMode = 'none' | 'here' | 'everyone' | 'roles';

export const NO_PING: TrackerPing = { everyone: false, here: false, roles: [] };

/** The ping of a mode plus up to three roles, checked so a mode and its roles never contradict. */
export function pingForMode(guildId: string, mode: PingMode, roleIds: readonly string[]): TrackerPing {
  const roles = [...new Set(roleIds)];
  if (roles.includes(guildId)) {
    throw new UserError(
      'To ping everyone, choose the mode @everyone (or @here) rather than the @everyone role.',
    );
  }
  switch (mode) {
    case 'none':
      if (roles.length > 0)
        throw new UserError(
          'Mode "none" pings nobody: leave the role options empty, or choose "roles only".',
        );
      return { ...NO_PING, roles: [] };
    case 'here':
      return { everyone: false, here: true, roles };
    case 'everyone':
      return { everyone: true, here: false, roles };
    case 'roles':
      if (roles.length === 0)
        throw new UserError('Mode "roles only" needs at least one role: fill in the role option.');
      return { everyone: false, here: false, roles };
  }
}

/**
 * "@here, <@&1>" or "nobody", as an alert pings: @everyone covers @here. Role mentions render as names
 * in Discord without pinging anyone (the answers send no allowed mentions).
 */
export function describePing(ping: TrackerPing): string {
  const parts = [
    ...(ping.everyone ? ['@everyone'] : ping.here ? ['@here'] : []),
    ...ping.roles.map((role) => `<@&${role}>`),
  ];
  return parts.length === 0 ? 'nobody' : parts.join(', ');
}
