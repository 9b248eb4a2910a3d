// Recognizes an alert already in a channel, for a delivery whose earlier POST may have reached Discord
// although its "sent" mark never got stored. Discord does not reliably return the nonce on fetched
// messages, so the bot's own message linking the same kill counts too (test alerts excepted).
import type { APIMessage } from 'discord-api-types/v10';
import { killUrl, TEST_ALERT_TITLE_PREFIX } from '../engine/render/index.ts';

export interface PostedAlertQuery {
  nonce: string;
  killmailId: number;
}

export function findPostedAlert(
  messages: readonly APIMessage[],
  botUserId: string,
  { nonce, killmailId }: PostedAlertQuery,
): APIMessage | undefined {
  const link = killUrl(killmailId);
  return messages.find((message) => {
    if (message.author.id !== botUserId) return false;
    if (message.nonce !== undefined && message.nonce !== null) return String(message.nonce) === nonce;
    const [embed] = message.embeds;
    return embed?.url === link && !(embed.title ?? '').startsWith(TEST_ALERT_TITLE_PREFIX);
  });
}
