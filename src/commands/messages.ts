// What the bot answers when an interaction cannot run: outside a server, without the access it needs, an
// unknown command or stale component, or a failure. The router picks the case; the words are here.
import { DiscordAPIError } from '@discordjs/rest';

export const NO_PERMISSION_MESSAGE =
  'You need the Manage Server permission (or the tracker manager role set with /killtracker settings manager-role) to manage trackers.';
export const NO_PPK_PERMISSION_MESSAGE =
  'Only pay-per-kill admins can do that: Manage Server, the tracker manager role, or the PPK manager role set with /ppk settings manager-role.';
export const GUILD_ONLY_MESSAGE =
  "Killtracker works inside a server: use this command in one of your server's channels.";
const UNEXPECTED_ERROR_MESSAGE =
  'Something went wrong on our side while handling that. It has been logged; please try again in a moment.';
export const UNKNOWN_COMPONENT_MESSAGE =
  'This button or menu is no longer valid. Run /tracker show to open a fresh editor.';

export function unknownCommandMessage(command: string): string {
  return `Unknown command /${command}. The bot may be restarting; try again.`;
}

export function unknownSubcommandMessage(command: string, subcommand: string): string {
  return `Unknown subcommand /${command} ${subcommand}. The bot may be restarting; try again.`;
}

/** Discord errors the admin can fix themselves get advice instead of a generic apology. */
export function adviceFor(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.code === 50013 || error.code === 50001) {
      return 'The bot is missing permissions in that channel: give it View Channel, Send Messages and Embed Links, then try again.';
    }
    if (error.code === 10003) return 'That channel no longer exists. Pick another channel.';
  }
  return UNEXPECTED_ERROR_MESSAGE;
}
