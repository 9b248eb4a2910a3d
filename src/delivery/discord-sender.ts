// Posts alert messages with the bot token through @discordjs/rest (which owns Discord's rate limits),
// and sorts every failure into "retry later", "this channel is gone" or "this message is bad".
import { DiscordAPIError, HTTPError, REST } from '@discordjs/rest';
import {
  type APIMessage,
  type APIUser,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord-api-types/v10';
import { findPostedAlert, type PostedAlertQuery } from './posted-alert.ts';

export type SendFailure =
  /**
   * 5xx, network trouble, timeouts, a bad token: try again later. `mayHaveLanded` when Discord may have
   * created the message anyway (a 5xx, a dropped connection), false when it surely did not (429, 401).
   */
  | { kind: 'retry'; reason: string; mayHaveLanded?: boolean }
  /** 403/404 on the channel: stop posting there and tell the admins why. */
  | { kind: 'channel'; reason: string }
  /** Discord rejected this message itself (400): retrying cannot help. */
  | { kind: 'message'; reason: string };

export type SendResult = { ok: true; messageId: string } | { ok: false; failure: SendFailure };

export interface AlertSender {
  send(channelId: string, body: RESTPostAPIChannelMessageJSONBody, nonce: string): Promise<SendResult>;
  /**
   * The id of the alert for this delivery if it is among the channel's recent messages (an earlier
   * POST landed but was never marked sent). Throws when Discord cannot be asked (e.g. the bot lacks Read
   * Message History): the caller then posts, relying on the nonce.
   */
  findPosted?(channelId: string, query: PostedAlertQuery): Promise<string | undefined>;
  /** Replaces a posted message's content (messages kept edited in place). */
  edit(channelId: string, messageId: string, body: RESTPatchAPIChannelMessageJSONBody): Promise<SendResult>;
}

/** How far back a re-sent delivery looks for its alert: a busy channel's last minutes. */
const RECENT_MESSAGES = 50;

const CHANNEL_ADVICE: Record<number, string> = {
  10003:
    'Unknown Channel: the channel was deleted. Move the tracker to another channel with /tracker set channel.',
  50001: 'Missing Access: give the bot View Channel in this channel, then re-enable the tracker.',
  50013:
    'Missing Permissions: give the bot Send Messages and Embed Links in this channel, then re-enable the tracker.',
};

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : 0;
    if (error.status === 403 || error.status === 404) {
      return {
        kind: 'channel',
        reason:
          CHANNEL_ADVICE[code] ?? `Discord answered ${error.status} (${error.message}) for this channel.`,
      };
    }
    if (error.status === 401) {
      return {
        kind: 'retry',
        reason: 'Discord rejected the bot token (401): check DISCORD_TOKEN.',
        mayHaveLanded: false,
      };
    }
    if (error.status >= 400 && error.status < 500 && error.status !== 429) {
      return {
        kind: 'message',
        reason: `Discord rejected the message (${error.status} ${code}): ${error.message}`,
      };
    }
    return {
      kind: 'retry',
      reason: `Discord error ${error.status}: ${error.message}`,
      mayHaveLanded: error.status !== 429,
    };
  }
  if (error instanceof HTTPError) {
    return {
      kind: 'retry',
      reason: `Discord HTTP ${error.status}: ${error.message}`,
      mayHaveLanded: error.status !== 429,
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'retry', reason: `network error talking to Discord: ${message}`, mayHaveLanded: true };
}

export function createRestAlertSender(options: {
  token: string;
  apiUrl: string;
  timeoutMs?: number;
  retries?: number;
}): AlertSender {
  const rest = new REST({
    api: options.apiUrl,
    timeout: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 2,
  }).setToken(options.token);
  let botUserId: Promise<string> | undefined;
  return {
    async send(channelId, body, nonce) {
      try {
        // With enforce_nonce Discord returns the earlier message instead of posting twice when the
        // same delivery is sent again after a crash between Discord's answer and our bookkeeping.
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: { ...body, nonce, enforce_nonce: true },
        })) as RESTPostAPIChannelMessageResult;
        return { ok: true, messageId: message.id };
      } catch (error) {
        return { ok: false, failure: classifySendError(error) };
      }
    },

    async edit(channelId, messageId, body) {
      try {
        const message = (await rest.patch(Routes.channelMessage(channelId, messageId), {
          body,
        })) as APIMessage;
        return { ok: true, messageId: message.id };
      } catch (error) {
        return { ok: false, failure: classifySendError(error) };
      }
    },

    async findPosted(channelId, query) {
      botUserId ??= (rest.get(Routes.user('@me')) as Promise<APIUser>).then((user) => user.id);
      botUserId.catch(() => (botUserId = undefined));
      const [userId, messages] = await Promise.all([
        botUserId,
        rest.get(Routes.channelMessages(channelId), {
          query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }),
        }) as Promise<APIMessage[]>,
      ]);
      return findPostedAlert(messages, userId, query)?.id;
    },
  };
}
