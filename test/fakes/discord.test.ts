import { once } from 'node:events';
import { DiscordAPIError, REST } from '@discordjs/rest';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  RESTJSONErrorCodes,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  FakeDiscord,
  fakeMember,
  fakeUser,
  type InteractionContext,
  modalSubmitInteraction,
  option,
  stringSelectInteraction,
} from './discord/index.ts';

const ADMIN = fakeUser({ username: 'admiral' });

/** Rejects instead of hanging when something never happens. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A small bot under test: the handlers exercise every interaction kind the fake must carry. */
function attachHandlers(client: Client): void {
  // A failing handler is reported as a client error, which the tests assert there are none of.
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    handleInteraction(interaction).catch((error: unknown) =>
      client.emit(Events.Error, error instanceof Error ? error : new Error(String(error))),
    );
  });
}

async function handleInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand() && interaction.commandName === 'tracker') {
    const sub = interaction.options.getSubcommand();
    if (sub === 'show') {
      await interaction.reply({
        content: `tracker ${interaction.options.getString('name', true)}`,
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('trk1:rename:7').setLabel('Rename').setStyle(ButtonStyle.Primary),
          ),
          new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
            new StringSelectMenuBuilder()
              .setCustomId('trk1:add:7')
              .setPlaceholder('Add a condition...')
              .addOptions({ label: 'Region', value: 'region' }, { label: 'Ship group', value: 'ship_group' }),
          ),
        ],
      });
      await interaction.followUp({ content: 'only you can see this', flags: MessageFlags.Ephemeral });
    } else if (sub === 'create') {
      const channel = interaction.options.getChannel('channel', true);
      const ping = interaction.options.getRole('ping');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply(`created in <#${channel.id}> pinging ${ping?.name ?? 'nobody'}`);
    } else if (sub === 'export') {
      await interaction.reply({
        files: [new AttachmentBuilder(Buffer.from('{"trackers":[]}'), { name: 'trackers.json' })],
      });
    } else if (sub === 'import') {
      const file = interaction.options.getAttachment('file', true);
      const text = await (await fetch(file.url)).text();
      await interaction.reply({ content: `read ${text.length} bytes from ${file.name}` });
    }
  } else if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond([{ name: `Region ${typed}...`, value: `${typed}-region` }]);
  } else if (interaction.isButton() && interaction.customId.startsWith('trk1:rename:')) {
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId('trk1:rename-modal:7')
        .setTitle('Rename tracker')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder().setCustomId('name').setLabel('New name').setStyle(TextInputStyle.Short),
          ),
        ),
    );
  } else if (interaction.isStringSelectMenu()) {
    await interaction.update({ content: `adding ${interaction.values.join(', ')}`, components: [] });
  } else if (interaction.isModalSubmit()) {
    await interaction.deferReply();
    await interaction.editReply(`renamed to ${interaction.fields.getTextInputValue('name')}`);
  }
}

describe('fake Discord with a real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let context: InteractionContext;
  let alerts: string;
  const errors: string[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      guilds: [
        {
          name: 'Test Alliance',
          ownerId: ADMIN.id,
          channels: [{ name: 'alerts' }, { name: 'general' }],
          roles: [{ name: 'Fleet', mentionable: true }],
          members: [fakeMember(ADMIN)],
        },
      ],
    });
    alerts = fake.channelId('alerts');
    const guildId = [...fake.guilds.keys()][0] as string;
    context = { guildId, channelId: alerts, user: ADMIN };
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.api, retries: 0, timeout: 2_000 },
    });
    client.on(Events.Error, (error) => errors.push(String(error)));
    attachHandlers(client);
    const ready = once(client, Events.ClientReady);
    await within(client.login(fake.token), 5_000, 'login');
    await within(ready, 5_000, 'ClientReady');
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('GIVEN the bot token WHEN the client logs in THEN it reaches ClientReady with the guild, its channels and roles', () => {
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(context.guildId);
    expect(guild?.channels.cache.has(alerts)).toBe(true);
    expect(guild?.roles.cache.find((role) => role.name === 'Fleet')?.mentionable).toBe(true);
    expect(guild?.members.me?.permissions.has('SendMessages')).toBe(true);
    const identify = fake.gatewayPayloads.find((payload) => payload.op === 2);
    expect(identify?.d).toMatchObject({ token: fake.token, intents: GatewayIntentBits.Guilds });
  });

  it('WHEN the bot registers slash commands globally and for a guild THEN the fake stores them with ids', async () => {
    const definition = {
      name: 'tracker',
      description: 'Manage killmail trackers',
      default_member_permissions: '32',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'show',
          description: 'Show a tracker',
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: 'name',
              description: 'Tracker',
              required: true,
            },
          ],
        },
      ],
    } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
    await client.application?.commands.set([definition]);
    await client.application?.commands.set([definition], context.guildId);
    expect(fake.commands().map((command) => command.name)).toEqual(['tracker']);
    expect(fake.commands(context.guildId)[0]).toMatchObject({ name: 'tracker', guild_id: context.guildId });
    const put = fake.requests.find(
      (call) => call.method === 'PUT' && call.path === `/applications/${fake.applicationId}/commands`,
    );
    expect(put?.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('GIVEN a command definition Discord would reject THEN registration fails with Invalid Form Body', async () => {
    const bad = { name: 'Tracker Command', description: 'x'.repeat(101) };
    await expect(client.application?.commands.set([bad])).rejects.toMatchObject({
      status: 400,
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
    });
  });

  it('WHEN a slash command arrives THEN the reply with components and the ephemeral follow-up reach the fake', async () => {
    const interaction = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('show', [option.string('name', 'Goon hunt')])],
    });
    const callback = await fake.dispatchInteraction(interaction);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data?.content).toBe('tracker Goon hunt');
    const original = await fake.waitForOriginal(interaction.token);
    expect(original.components?.length).toBe(2);
    const followUp = await fake.waitFor(() => fake.followUps.get(interaction.token)?.[0]);
    expect(followUp.content).toBe('only you can see this');
    expect(followUp.flags).toBe(MessageFlags.Ephemeral);
    expect(errors).toEqual([]);
  });

  it('WHEN a command has channel and role options THEN discord.js resolves them and the deferred reply is edited', async () => {
    const interaction = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [
        option.subcommand('create', [
          option.channel('channel', alerts),
          option.role('ping', fake.roleId('Fleet')),
        ]),
      ],
    });
    const callback = await fake.dispatchInteraction(interaction);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edited = await fake.waitForOriginal(interaction.token, (message) => message.content !== '');
    expect(edited.content).toBe(`created in <#${alerts}> pinging Fleet`);
    expect(edited.flags).toBe(MessageFlags.Ephemeral);
  });

  it('WHEN autocomplete is asked THEN the choices reach the fake', async () => {
    const interaction = autocompleteInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('show', [option.focused('name', 'Deli')])],
    });
    const callback = await fake.dispatchInteraction(interaction);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data?.choices).toEqual([{ name: 'Region Deli...', value: 'Deli-region' }]);
  });

  it('WHEN a button is clicked THEN a modal opens; WHEN the modal is submitted THEN the deferred reply is edited', async () => {
    const shown = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('show', [option.string('name', 'Editor')])],
    });
    await fake.dispatchInteraction(shown);
    const editor = await fake.waitForOriginal(shown.token);
    const click = buttonInteraction(fake, context, { customId: 'trk1:rename:7', message: editor });
    const modal = await fake.dispatchInteraction(click);
    expect(modal.type).toBe(InteractionResponseType.Modal);
    expect(modal.data?.custom_id).toBe('trk1:rename-modal:7');

    for (const layout of ['labels', 'action-rows'] as const) {
      const submit = modalSubmitInteraction(fake, context, {
        customId: 'trk1:rename-modal:7',
        fields: [{ customId: 'name', value: `Frigate hunt ${layout}` }],
        layout,
      });
      await fake.dispatchInteraction(submit);
      const reply = await fake.waitForOriginal(submit.token, (message) => message.content !== '');
      expect(reply.content).toBe(`renamed to Frigate hunt ${layout}`);
    }
  });

  it('WHEN a string select is used THEN the message it sits on is updated in place', async () => {
    const shown = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('show', [option.string('name', 'Select')])],
    });
    await fake.dispatchInteraction(shown);
    const editor = await fake.waitForOriginal(shown.token);
    const select = stringSelectInteraction(fake, context, {
      customId: 'trk1:add:7',
      values: ['region'],
      message: editor,
    });
    const callback = await fake.dispatchInteraction(select);
    expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
    const updated = await fake.waitForOriginal(select.token);
    expect(updated).toMatchObject({ id: editor.id, content: 'adding region', components: [] });
  });

  it('WHEN the bot replies with a file THEN the multipart upload is recorded with its content', async () => {
    const interaction = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('export')],
    });
    const callback = await fake.dispatchInteraction(interaction);
    expect(callback.files.map((file) => [file.filename, file.data.toString()])).toEqual([
      ['trackers.json', '{"trackers":[]}'],
    ]);
    const original = await fake.waitForOriginal(interaction.token);
    expect(original.attachments[0]?.filename).toBe('trackers.json');
  });

  it('WHEN a user uploads a file as an option THEN the bot can download it from the fake', async () => {
    const upload = fake.hostAttachment('mine.json', '{"name":"Goon hunt"}');
    const interaction = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('import', [option.attachment('file', upload.id)])],
    });
    const callback = await fake.dispatchInteraction(interaction);
    expect(callback.data?.content).toBe('read 20 bytes from mine.json');
  });

  it('WHEN the bot sends to a channel through discord.js THEN the message lands in that channel', async () => {
    const channel = await client.channels.fetch(fake.channelId('general'));
    if (!channel?.isSendable()) throw new Error('general should be a text channel');
    await channel.send('hello general');
    const [posted] = await fake.waitForMessages(fake.channelId('general'), 1);
    expect(posted?.message.content).toBe('hello general');
  });

  it('WHEN the bot joins a new guild THEN discord.js receives its GUILD_CREATE', async () => {
    const joined = once(client, Events.GuildCreate);
    const guild = fake.addGuild({ name: 'New Corp', channels: [{ name: 'kills' }] });
    await within(joined, 5_000, 'GuildCreate');
    expect(client.guilds.cache.get(guild.id)?.name).toBe('New Corp');
  });

  it('GIVEN the gateway connection drops THEN discord.js resumes and still receives interactions', async () => {
    fake.disconnectGateway();
    await fake.waitFor(() => fake.gatewayPayloads.some((payload) => payload.op === 6), 10_000);
    await fake.waitFor(() => fake.connectedSessions === 1, 10_000);
    const interaction = chatInputInteraction(fake, context, {
      name: 'tracker',
      options: [option.subcommand('show', [option.string('name', 'After resume')])],
    });
    const callback = await fake.dispatchInteraction(interaction, { timeoutMs: 10_000 });
    expect(callback.data?.content).toBe('tracker After resume');
  });

  it('answers an interaction acknowledged twice with "already acknowledged", like Discord', async () => {
    const interaction = chatInputInteraction(fake, context, { name: 'unknown-to-the-bot' });
    fake.interactions.set(interaction.token, interaction);
    const rest = new REST({ api: fake.api, retries: 0 }).setToken(fake.token);
    const body = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'first' } };
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false });
    await expect(
      rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false }),
    ).rejects.toMatchObject({ code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged });
  });
});

describe('fake Discord with @discordjs/rest (the delivery path)', () => {
  let fake: FakeDiscord;
  let rest: REST;
  let channelId: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      guilds: [{ channels: [{ name: 'alerts' }], roles: [{ name: 'Fleet' }] }],
    });
    channelId = fake.channelId('alerts');
    rest = new REST({ api: fake.api, retries: 0, timeout: 2_000 }).setToken(fake.token);
  });

  afterAll(async () => {
    await fake?.stop();
  });

  it('WHEN a message is posted with the bot token THEN it lands in the channel log with embeds and allowed_mentions', async () => {
    const fleet = fake.roleId('Fleet');
    const body = {
      content: `<@&${fleet}> kill in Tama`,
      embeds: [{ title: 'Rifter destroyed', description: 'in Tama' }],
      allowed_mentions: { roles: [fleet] },
    };
    const answer = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
    const [posted] = await fake.waitForMessages(channelId, 1);
    expect(posted?.message.id).toBe(answer.id);
    expect(posted?.body).toEqual(body);
    expect(posted?.message.mention_roles).toEqual([fleet]);
    expect(posted?.message.mention_everyone).toBe(false);
  });

  it('GIVEN the channel answers 429 with retry_after THEN @discordjs/rest waits and retries, and the message lands once', async () => {
    fake.failChannel(channelId, { kind: 'rate-limited', retryAfterSeconds: 0.2 });
    const before = fake.messagesIn(channelId).length;
    await rest.post(Routes.channelMessages(channelId), { body: { content: 'after the rate limit' } });
    const calls = fake.requests.filter((call) => call.path === `/channels/${channelId}/messages`).slice(-2);
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect(fake.messagesIn(channelId).length).toBe(before + 1);
  });

  it.each([
    [{ kind: 'missing-permissions' } as const, 403, RESTJSONErrorCodes.MissingPermissions],
    [{ kind: 'missing-access' } as const, 403, RESTJSONErrorCodes.MissingAccess],
    [{ kind: 'unknown-channel' } as const, 404, RESTJSONErrorCodes.UnknownChannel],
    [{ kind: 'server-error' } as const, 500, 0],
  ])('GIVEN a scripted %o THEN the post fails with HTTP %i and code %i', async (failure, status, code) => {
    fake.failChannel(channelId, failure);
    const error = await rest
      .post(Routes.channelMessages(channelId), { body: { content: 'x' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status });
    if (status !== 500) {
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(code);
    }
  });

  it('GIVEN a broken channel THEN every post fails until the failures are cleared', async () => {
    fake.breakChannel(channelId, { kind: 'missing-access' });
    for (let i = 0; i < 3; i++) {
      await expect(
        rest.post(Routes.channelMessages(channelId), { body: { content: 'x' } }),
      ).rejects.toMatchObject({
        status: 403,
      });
    }
    fake.clearFailures();
    await rest.post(Routes.channelMessages(channelId), { body: { content: 'back' } });
    expect(fake.messagesIn(channelId).at(-1)?.message.content).toBe('back');
  });

  it('rejects a wrong bot token with 401 and records nothing in the channel', async () => {
    const before = fake.messagesIn(channelId).length;
    const stranger = new REST({ api: fake.api, retries: 0 }).setToken('not-the-token');
    await expect(
      stranger.post(Routes.channelMessages(channelId), { body: { content: 'x' } }),
    ).rejects.toMatchObject({
      status: 401,
    });
    expect(fake.messagesIn(channelId).length).toBe(before);
  });

  it('rejects messages Discord would reject: empty, content over 2000, embed title over 256', async () => {
    const bodies = [{}, { content: 'x'.repeat(2001) }, { embeds: [{ title: 't'.repeat(257) }] }];
    for (const body of bodies) {
      await expect(rest.post(Routes.channelMessages(channelId), { body })).rejects.toMatchObject({
        status: 400,
      });
    }
  });

  it('pings @everyone only when allowed_mentions parses everyone', async () => {
    await rest.post(Routes.channelMessages(channelId), {
      body: { content: '@everyone titan down', allowed_mentions: { parse: [] } },
    });
    expect(fake.messagesIn(channelId).at(-1)?.message.mention_everyone).toBe(false);
    await rest.post(Routes.channelMessages(channelId), {
      body: { content: '@everyone titan down', allowed_mentions: { parse: ['everyone'] } },
    });
    expect(fake.messagesIn(channelId).at(-1)?.message.mention_everyone).toBe(true);
  });

  it('waitFor rejects with the recent REST calls when nothing happens in time', async () => {
    await expect(fake.waitForMessages('1', 1, { timeoutMs: 50 })).rejects.toThrow(
      /timed out after 50 ms.*Last REST calls/,
    );
  });
});
