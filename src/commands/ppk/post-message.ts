// Posts a kill's PPK message (summary, roster, claim buttons) in a channel: the kill enters the guild's
// program first (its derived events are recorded), then the message is posted with the bot token and
// registered so it is kept edited as claims arrive. Used by /ppk post, /ppk repost and "Add PPK buttons".
import { renderPpkKill } from '../../delivery/ppk-message.ts';
import type { PpkKillmailSource, PpkKillView } from '../../ppk/operations.ts';
import { UserError } from '../../user-error.ts';
import type { BotContext } from '../contract.ts';
import type { KillmailReference } from './killmail-link.ts';
import { findKillmail } from './killmail-source.ts';

export interface PostedPpkMessage {
  messageId: string;
  view: PpkKillView;
  /** False when the kill was already in the program (its events stay as they are). */
  entered: boolean;
}

export function messageUrl(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/** Enters the kill (fetching it when it is not stored yet) and posts its PPK message in `channelId`. */
export async function postPpkMessage(
  ctx: BotContext,
  input: { guildId: string; channelId: string; reference: KillmailReference },
): Promise<PostedPpkMessage> {
  const { guildId, channelId } = input;
  const { killmailId } = input.reference;
  const known = await ctx.ppk.killView(guildId, killmailId);
  const killmail: PpkKillmailSource | undefined = known
    ? undefined
    : await findKillmail(ctx, input.reference, ctx.now());
  const entered = await ctx.ppk.enterKill({ guildId, killmailId, channelId, killmail });
  const body = await renderPpkKill(entered.view, ctx);
  const result = await ctx.sender.send(channelId, body, `ppk${killmailId}-${ctx.now().toString(36)}`);
  if (!result.ok) {
    const { failure } = result;
    throw new UserError(
      failure.kind === 'channel'
        ? `The bot could not post in <#${channelId}>. ${failure.reason}`
        : `Discord did not take the PPK message (${failure.reason}). Try again in a minute.`,
    );
  }
  const view = await ctx.ppk.setMessage({ guildId, killmailId, channelId, messageId: result.messageId });
  await ctx.ppkMessages.register({
    guildId,
    killmailId,
    channelId,
    messageId: result.messageId,
    showsRoster: true,
  });
  return { messageId: result.messageId, view, entered: entered.created };
}

/** What the member who posted is told (ephemerally). */
export function postedText(guildId: string, channelId: string, posted: PostedPpkMessage): string {
  const link = messageUrl(guildId, channelId, posted.messageId);
  const again = posted.entered
    ? ''
    : ' The kill was already in the program: its claims stay, and this message now shows them.';
  return `Posted the PPK message for killmail ${posted.view.killmailId}: ${link}.${again}`;
}
