// The fake's REST routes: what discord.js and @discordjs/rest call, answered from the fake's
// state, with scripted failures applied first and Discord's limits checked on the way in.
import {
  type APIApplicationCommand,
  type APIMessage,
  ApplicationCommandType,
  InteractionResponseType,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { failureAnswer } from './failures.ts';
import { buildMessage, editMessage, type MessageBody } from './messages.ts';
import type { FakeDiscord, PostedMessage, RecordedRestCall } from './server.ts';
import { nextSnowflake } from './snowflake.ts';
import { autocompleteProblems, commandProblems, messageProblems, modalProblems } from './validation.ts';

export interface RestAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; undefined sends no body (204). */
  body?: unknown;
}

const ok = (body: unknown): RestAnswer => ({ status: 200, body });
const noContent: RestAnswer = { status: 204 };
const apiError = (status: number, code: number, message: string, extra: object = {}): RestAnswer => ({
  status,
  body: { message, code, ...extra },
});
const invalidForm = (problems: string[]): RestAnswer =>
  apiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body', { errors: problems });
const unknownMessage = () => apiError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');

type Handler = (
  fake: FakeDiscord,
  call: RecordedRestCall,
  params: string[],
) => RestAnswer | Promise<RestAnswer>;

interface Route {
  method: string;
  path: RegExp;
  /** Interaction callbacks and webhook routes are authenticated by their token, not the bot's. */
  needsBotToken: boolean;
  handle: Handler;
}

const ID = '(\\d+)';
const TOKEN = '([^/]+)';
const route = (method: string, path: string, handle: Handler, needsBotToken = true): Route => ({
  method,
  path: new RegExp(`^${path}$`),
  needsBotToken,
  handle,
});

export async function handleRestCall(fake: FakeDiscord, call: RecordedRestCall): Promise<RestAnswer> {
  const found = ROUTES.map((candidate) => ({ candidate, match: candidate.path.exec(call.path) })).find(
    ({ candidate, match }) => match !== null && candidate.method === call.method,
  );
  const needsBotToken = found?.candidate.needsBotToken ?? true;
  if (needsBotToken && call.headers.authorization !== `Bot ${fake.token}`) {
    return apiError(401, 0, '401: Unauthorized');
  }
  const failure = fake.failures.find(
    (rule) =>
      rule.remaining > 0 &&
      (rule.method === undefined || rule.method === call.method) &&
      rule.path.test(call.path),
  );
  if (failure) {
    failure.remaining -= 1;
    const scripted = failure.failure;
    if (scripted.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    const answer = failureAnswer(scripted, `fake-${call.path.split('/').slice(1, 3).join('-')}`);
    if (answer) return answer;
  }
  if (!found?.match)
    return apiError(404, 0, `404: Not Found (fake has no route ${call.method} ${call.path})`);
  return found.candidate.handle(fake, call, found.match.slice(1) as string[]);
}

// ---- commands ---------------------------------------------------------------------------------

function commandList(fake: FakeDiscord, guildId: string | undefined): APIApplicationCommand[] {
  if (!guildId) return fake.globalCommands;
  let list = fake.guildCommands.get(guildId);
  if (!list) {
    list = [];
    fake.guildCommands.set(guildId, list);
  }
  return list;
}

function toCommand(
  fake: FakeDiscord,
  body: Record<string, unknown>,
  guildId: string | undefined,
): APIApplicationCommand {
  return {
    id: nextSnowflake(),
    application_id: fake.applicationId,
    version: nextSnowflake(),
    type: ApplicationCommandType.ChatInput,
    default_member_permissions: null,
    description: '',
    ...(guildId ? { guild_id: guildId } : {}),
    ...body,
  } as APIApplicationCommand;
}

const putCommands: Handler = (fake, call, [, guildId]) => {
  const problems = commandProblems(call.body);
  if (problems.length > 0) return invalidForm(problems);
  const list = commandList(fake, guildId);
  const previous = new Map(list.map((command) => [command.name, command.id]));
  const next = (call.body as Array<Record<string, unknown>>).map((body) => {
    const command = toCommand(fake, body, guildId);
    command.id = previous.get(command.name) ?? command.id;
    return command;
  });
  list.splice(0, list.length, ...next);
  return ok(next);
};

const postCommand: Handler = (fake, call, [, guildId]) => {
  const problems = commandProblems([call.body]);
  if (problems.length > 0) return invalidForm(problems);
  const list = commandList(fake, guildId);
  const command = toCommand(fake, call.body as Record<string, unknown>, guildId);
  const existing = list.findIndex((candidate) => candidate.name === command.name);
  if (existing >= 0) list.splice(existing, 1, { ...command, id: list[existing]?.id ?? command.id });
  else list.push(command);
  return {
    status: existing >= 0 ? 200 : 201,
    body: list.find((candidate) => candidate.name === command.name),
  };
};

const commandById = (fake: FakeDiscord, guildId: string | undefined, id: string | undefined) => {
  const list = commandList(fake, guildId);
  return { list, index: list.findIndex((command) => command.id === id) };
};

// ---- channels and messages -------------------------------------------------------------------

function findChannel(fake: FakeDiscord, channelId: string) {
  for (const guild of fake.guilds.values()) {
    const channel = guild.channels.find((candidate) => candidate.id === channelId);
    if (channel) return { guild, channel: { ...channel, guild_id: guild.id } };
  }
  return undefined;
}

function findPosted(fake: FakeDiscord, channelId: string, messageId: string): PostedMessage | undefined {
  return fake.channelMessages
    .get(channelId)
    ?.find((posted) => posted.message.id === messageId && !posted.deleted);
}

const postChannelMessage: Handler = (fake, call, [channelId = '']) => {
  const problems = messageProblems(call.body, { fileCount: call.files.length, isEdit: false });
  if (problems.length > 0) return invalidForm(problems);
  const body = (call.body ?? {}) as Record<string, unknown>;
  const list = fake.channelMessages.get(channelId) ?? [];
  // Like Discord: with enforce_nonce, a repeated nonce returns the message already created.
  if (body.enforce_nonce === true && body.nonce !== undefined) {
    const earlier = list.find(
      (posted) => posted.body.nonce === body.nonce && !posted.deleted && !posted.nonceExpired,
    );
    if (earlier) return ok(earlier.message);
  }
  const message = buildMessage({
    channelId,
    author: fake.botUser,
    body: body as MessageBody,
    files: call.files,
    origin: fake.origin,
  });
  list.push({ channelId, message, body, files: call.files, deleted: false });
  fake.channelMessages.set(channelId, list);
  return ok(message);
};

// ---- interactions ------------------------------------------------------------------------------

function interactionChannelId(fake: FakeDiscord, token: string): string {
  const interaction = fake.interactions.get(token);
  return interaction?.channel?.id ?? interaction?.channel_id ?? '0';
}

/** The message a component interaction came from, preferring the stored channel copy. */
function componentMessage(fake: FakeDiscord, token: string): APIMessage | undefined {
  const source = fake.interactions.get(token)?.message;
  if (!source) return undefined;
  return findPosted(fake, source.channel_id, source.id)?.message ?? structuredClone(source);
}

const interactionCallback: Handler = (fake, call, [interactionId = '', token = '']) => {
  if (fake.callbackFor(interactionId)) {
    return apiError(
      400,
      RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
      'Interaction has already been acknowledged.',
    );
  }
  const response = (call.body ?? {}) as { type?: InteractionResponseType; data?: Record<string, unknown> };
  const type = response.type;
  const data = response.data;
  let problems: string[] = [];
  let message: APIMessage | undefined;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      problems = messageProblems(data, { fileCount: call.files.length, isEdit: false });
      message = buildMessage({
        channelId: interactionChannelId(fake, token),
        author: fake.botUser,
        body: (data ?? {}) as MessageBody,
        files: call.files,
        origin: fake.origin,
        webhookId: fake.applicationId,
      });
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      message = buildMessage({
        channelId: interactionChannelId(fake, token),
        author: fake.botUser,
        body: {
          content: '',
          flags: (Number(data?.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading,
        },
        files: [],
        origin: fake.origin,
        webhookId: fake.applicationId,
      });
      break;
    case InteractionResponseType.DeferredMessageUpdate:
      message = componentMessage(fake, token);
      break;
    case InteractionResponseType.UpdateMessage:
      problems = messageProblems(data, { fileCount: call.files.length, isEdit: true });
      message = componentMessage(fake, token);
      if (message && problems.length === 0)
        editMessage(message, (data ?? {}) as MessageBody, call.files, fake.origin);
      break;
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      problems = autocompleteProblems(data);
      break;
    case InteractionResponseType.Modal:
      problems = modalProblems(data);
      break;
    case InteractionResponseType.Pong:
      break;
    default:
      problems = [`type: ${String(type)} is not an interaction response type`];
  }
  if (problems.length > 0) return invalidForm(problems);
  if (message) fake.originals.set(token, message);
  fake.callbacks.push({
    interactionId,
    token,
    type: type as InteractionResponseType,
    data,
    files: call.files,
  });
  if (call.query.with_response !== 'true') return noContent;
  const interaction = fake.interactions.get(token);
  return ok({
    interaction: {
      id: interactionId,
      type: interaction?.type ?? 2,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: Boolean((message.flags ?? 0) & MessageFlags.Loading),
            response_message_ephemeral: Boolean((message.flags ?? 0) & MessageFlags.Ephemeral),
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  });
};

const postFollowUp: Handler = (fake, call, [applicationId = '', token = '']) => {
  const problems = messageProblems(call.body, { fileCount: call.files.length, isEdit: false });
  if (problems.length > 0) return invalidForm(problems);
  const message = buildMessage({
    channelId: interactionChannelId(fake, token),
    author: fake.botUser,
    body: (call.body ?? {}) as MessageBody,
    files: call.files,
    origin: fake.origin,
    webhookId: applicationId,
  });
  const list = fake.followUps.get(token) ?? [];
  list.push(message);
  fake.followUps.set(token, list);
  return call.query.wait === 'false' ? noContent : ok(message);
};

function webhookMessage(fake: FakeDiscord, token: string, messageId: string): APIMessage | undefined {
  if (messageId === '@original') return fake.originals.get(token);
  return fake.followUps.get(token)?.find((message) => message.id === messageId);
}

const getWebhookMessage: Handler = (fake, _call, [, token = '', messageId = '']) => {
  const message = webhookMessage(fake, token, messageId);
  return message ? ok(message) : unknownMessage();
};

const editWebhookMessage: Handler = (fake, call, [, token = '', messageId = '']) => {
  const message = webhookMessage(fake, token, messageId);
  if (!message) return unknownMessage();
  const problems = messageProblems(call.body, { fileCount: call.files.length, isEdit: true });
  if (problems.length > 0) return invalidForm(problems);
  message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
  editMessage(message, (call.body ?? {}) as MessageBody, call.files, fake.origin);
  return ok(message);
};

const deleteWebhookMessage: Handler = (fake, _call, [, token = '', messageId = '']) => {
  if (!webhookMessage(fake, token, messageId)) return unknownMessage();
  if (messageId === '@original') fake.originals.delete(token);
  else
    fake.followUps.set(
      token,
      (fake.followUps.get(token) ?? []).filter((message) => message.id !== messageId),
    );
  return noContent;
};

// ---- the route table ---------------------------------------------------------------------------

const ROUTES: Route[] = [
  route('GET', '/gateway/bot', (fake) =>
    ok({
      url: fake.gatewayUrl,
      shards: fake.recommendedShards,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    }),
  ),
  route('GET', '/gateway', (fake) => ok({ url: fake.gatewayUrl })),
  route('GET', '/users/@me', (fake) => ok(fake.botUser)),
  ...['/applications/@me', '/oauth2/applications/@me'].map((path) =>
    route('GET', path, (fake) =>
      ok({
        id: fake.applicationId,
        name: fake.botUser.username,
        icon: null,
        description: '',
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        summary: '',
        bot: fake.botUser,
      }),
    ),
  ),

  // Commands: global and per guild share handlers; the guild id is the second capture.
  ...[`/applications/${ID}/commands`, `/applications/${ID}/guilds/${ID}/commands`].flatMap((base) => [
    route('GET', base, (fake, _call, [, guildId]) => ok(commandList(fake, guildId))),
    route('PUT', base, putCommands),
    route('POST', base, postCommand),
    route('GET', `${base}/${ID}`, (fake, _call, params) => {
      const [guildId, id] = params.length === 3 ? [params[1], params[2]] : [undefined, params[1]];
      const { list, index } = commandById(fake, guildId, id);
      return index >= 0
        ? ok(list[index])
        : apiError(404, RESTJSONErrorCodes.UnknownApplicationCommand, 'Unknown application command');
    }),
    route('DELETE', `${base}/${ID}`, (fake, _call, params) => {
      const [guildId, id] = params.length === 3 ? [params[1], params[2]] : [undefined, params[1]];
      const { list, index } = commandById(fake, guildId, id);
      if (index < 0)
        return apiError(404, RESTJSONErrorCodes.UnknownApplicationCommand, 'Unknown application command');
      list.splice(index, 1);
      return noContent;
    }),
  ]),

  route('GET', `/channels/${ID}`, (fake, _call, [channelId = '']) => {
    const found = findChannel(fake, channelId);
    return found ? ok(found.channel) : apiError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
  }),
  route('POST', `/channels/${ID}/messages`, postChannelMessage),
  route('GET', `/channels/${ID}/messages`, (fake, call, [channelId = '']) => {
    const limit = Math.min(100, Number(call.query.limit ?? 50));
    return ok(
      fake
        .messagesIn(channelId)
        .map((posted) => posted.message)
        .reverse()
        .slice(0, limit),
    );
  }),
  route('GET', `/channels/${ID}/messages/${ID}`, (fake, _call, [channelId = '', messageId = '']) => {
    const posted = findPosted(fake, channelId, messageId);
    return posted ? ok(posted.message) : unknownMessage();
  }),
  route('PATCH', `/channels/${ID}/messages/${ID}`, (fake, call, [channelId = '', messageId = '']) => {
    const posted = findPosted(fake, channelId, messageId);
    if (!posted) return unknownMessage();
    const problems = messageProblems(call.body, { fileCount: call.files.length, isEdit: true });
    if (problems.length > 0) return invalidForm(problems);
    editMessage(posted.message, (call.body ?? {}) as MessageBody, call.files, fake.origin);
    posted.body = { ...posted.body, ...(call.body as Record<string, unknown>) };
    return ok(posted.message);
  }),
  route('DELETE', `/channels/${ID}/messages/${ID}`, (fake, _call, [channelId = '', messageId = '']) => {
    const posted = findPosted(fake, channelId, messageId);
    if (!posted) return unknownMessage();
    posted.deleted = true;
    return noContent;
  }),

  route('GET', `/guilds/${ID}`, (fake, _call, [guildId = '']) => {
    const guild = fake.guild(guildId);
    return guild ? ok(guild) : apiError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  }),
  route('GET', `/guilds/${ID}/roles`, (fake, _call, [guildId = '']) => {
    const guild = fake.guild(guildId);
    return guild ? ok(guild.roles) : apiError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  }),
  route('GET', `/guilds/${ID}/channels`, (fake, _call, [guildId = '']) => {
    const guild = fake.guild(guildId);
    return guild ? ok(guild.channels) : apiError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  }),
  route('GET', `/guilds/${ID}/members/${ID}`, (fake, _call, [guildId = '', userId = '']) => {
    const member = fake.guild(guildId)?.members.find((candidate) => candidate.user.id === userId);
    return member ? ok(member) : apiError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
  }),

  route('POST', `/interactions/${ID}/${TOKEN}/callback`, interactionCallback, false),
  route('POST', `/webhooks/${ID}/${TOKEN}`, postFollowUp, false),
  route('GET', `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d+)`, getWebhookMessage, false),
  route('PATCH', `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d+)`, editWebhookMessage, false),
  route('DELETE', `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d+)`, deleteWebhookMessage, false),
];
