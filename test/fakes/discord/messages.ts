// Turns what the bot sent (a message body and its files) into the APIMessage Discord would answer
// with, including who it really pings under `allowed_mentions`.
import {
  AllowedMentionsTypes,
  type APIAllowedMentions,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIUser,
  MessageType,
} from 'discord-api-types/v10';
import { nextSnowflake } from './snowflake.ts';

/** A file the bot uploaded (multipart `files[n]`). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** The subset of a message body the fake reads; everything else is kept as sent. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  allowed_mentions?: APIAllowedMentions;
  flags?: number;
  attachments?: Array<{ id: string | number; filename?: string; description?: string }>;
}

export interface BuildMessageOptions {
  channelId: string;
  author: APIUser;
  body: MessageBody;
  files: readonly RecordedFile[];
  /** Base URL for attachment links, e.g. http://127.0.0.1:PORT */
  origin: string;
  webhookId?: string;
}

export function buildMessage(options: BuildMessageOptions): APIMessage {
  const { body } = options;
  const content = body.content ?? '';
  const pings = mentionsOf(content, body.allowed_mentions);
  const message: APIMessage = {
    id: nextSnowflake(),
    channel_id: options.channelId,
    author: options.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: pings.everyone,
    mentions: [],
    mention_roles: pings.roles,
    attachments: attachmentsOf(options.files, options.origin),
    embeds: body.embeds ?? [],
    pinned: false,
    type: MessageType.Default,
    flags: body.flags ?? 0,
    components: body.components ?? [],
  };
  if (options.webhookId) message.webhook_id = options.webhookId;
  return message;
}

/** Applies an edit (PATCH body) to a stored message, as Discord does: absent fields stay. */
export function editMessage(
  message: APIMessage,
  body: MessageBody,
  files: readonly RecordedFile[],
  origin: string,
) {
  if (body.content !== undefined) {
    message.content = body.content;
    const pings = mentionsOf(body.content, body.allowed_mentions);
    message.mention_everyone = pings.everyone;
    message.mention_roles = pings.roles;
  }
  if (body.embeds !== undefined) message.embeds = body.embeds;
  if (body.components !== undefined) message.components = body.components;
  if (body.flags !== undefined) message.flags = body.flags;
  if (files.length > 0) message.attachments = attachmentsOf(files, origin);
  message.edited_timestamp = new Date().toISOString();
}

function attachmentsOf(files: readonly RecordedFile[], origin: string): APIAttachment[] {
  return files.map((file) => {
    const id = nextSnowflake();
    const url = `${origin}/attachments/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: file.filename,
      size: file.data.length,
      url,
      proxy_url: url,
      content_type: file.contentType,
    };
  });
}

/**
 * Who a message really pings. Without `allowed_mentions` everything in the content pings; with
 * it, only what it lists (Discord's rule; the MENTION_EVERYONE permission is not modelled).
 */
export function mentionsOf(
  content: string,
  allowed: APIAllowedMentions | undefined,
): { everyone: boolean; roles: string[] } {
  const roleIds = [...new Set([...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1] as string))];
  const saysEveryone = /@(everyone|here)\b/.test(content);
  if (!allowed) return { everyone: saysEveryone, roles: roleIds };
  const parse = allowed.parse ?? [];
  const everyone = saysEveryone && parse.includes(AllowedMentionsTypes.Everyone);
  const roles = parse.includes(AllowedMentionsTypes.Role)
    ? roleIds
    : roleIds.filter((id) => (allowed.roles ?? []).includes(id));
  return { everyone, roles };
}
