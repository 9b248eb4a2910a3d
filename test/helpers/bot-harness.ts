// End-to-end harness for the Discord bot: the real discord.js client and the real database, against
// the fake Discord (and a fake ESI). One harness per test file; `reset()` between tests.
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { type APIMessage, type APIUser, ComponentType } from 'discord-api-types/v10';
import { createPilotOperations, type PilotOperationsOptions } from '../../src/pilots/operations.ts';
import { createBotContext } from '../../src/bot/context.ts';
import { createPpkServices, type PpkServices } from '../../src/bot/ppk-services.ts';
import { createLiveMessageStore } from '../../src/db/live-message-store.ts';
import { createLiveMessageWorker } from '../../src/delivery/live-messages.ts';
import { type RunningBot, startBot } from '../../src/bot/start-bot.ts';
import type { BotContext, ComponentHandler, SlashCommand } from '../../src/commands/contract.ts';
import { COMPONENT_HANDLERS, MESSAGE_COMMANDS, SLASH_COMMANDS } from '../../src/commands/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { replaceSdeData } from '../../src/db/sde-store.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createEsiClient } from '../../src/ingest/esi/client.ts';
import { readSdeFolder } from '../../src/ingest/sde/read-sde.ts';
import { silentLogger } from '../../src/log.ts';
import { buildWorld, type World } from '../../src/pipeline/world.ts';
import type { TrackerLimits } from '../../src/tracker-ops/limits.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  EVERYONE_PERMISSIONS,
  FakeDiscord,
  fakeMember,
  memberMessage,
  messageCommandInteraction,
  fakeUser,
  type InteractionContext,
  type ModalField,
  modalSubmitInteraction,
  option,
  type RecordedInteractionCallback,
  stringSelectInteraction,
} from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { MINI_SDE } from './repo-paths.ts';

export { option };
export type Option = Parameters<typeof option.subcommand>[1] extends (infer O)[] | undefined ? O : never;

export type Who = 'admin' | 'manager' | 'member';

export interface BotHarness {
  fake: FakeDiscord;
  esi: FakeEsi;
  ctx: BotContext;
  /** The pay-per-kill program; its PPK messages are kept edited by a live-message worker the harness runs. */
  ppk: PpkServices;
  bot: RunningBot;
  guildId: string;
  /** A second guild the same bot is in: its trackers must never leak into the first. */
  otherGuildId: string;
  channels: { alerts: string; intel: string; otherGuild: string };
  roles: { fc: string; pilots: string; manager: string };
  users: Record<Who, APIUser>;
  /** Who acts where: admin has Manage Server, manager holds the manager role only, member has neither. */
  as(who: Who, guildId?: string): InteractionContext;
  /** Runs `/<name> <sub> ...` (sub may name a group: "settings manager-role") and waits for the first response. */
  command(
    name: string,
    sub: string,
    options?: Option[],
    who?: Who,
    guildId?: string,
  ): Promise<RecordedInteractionCallback>;
  /** Runs `/tracker <sub> ...` (sub may be "set origin") and waits for the bot's first response. */
  tracker(sub: string, options?: Option[], who?: Who, guildId?: string): Promise<RecordedInteractionCallback>;
  /** Autocomplete of `/<command> <sub>` with one focused option; resolves with the choices. */
  autocomplete(
    sub: string,
    options: Option[],
    who?: Who,
    command?: string,
  ): Promise<Array<{ name: string; value: string | number }>>;
  button(customId: string, who?: Who, message?: APIMessage): Promise<RecordedInteractionCallback>;
  /** A message command (Apps > name) on `message`. */
  messageCommand(name: string, message: APIMessage, who?: Who): Promise<RecordedInteractionCallback>;
  /** A message a member wrote in #alerts (for message commands). */
  memberMessage(content: string, who?: Who): APIMessage;
  select(
    customId: string,
    values: string[],
    who?: Who,
    message?: APIMessage,
  ): Promise<RecordedInteractionCallback>;
  /** A role select submit, as Discord sends it: the picked role ids plus the roles they resolve to. */
  roleSelect(
    customId: string,
    roleIds: string[],
    who?: Who,
    message?: APIMessage,
  ): Promise<RecordedInteractionCallback>;
  modal(
    customId: string,
    fields: ModalField[],
    who?: Who,
    message?: APIMessage,
  ): Promise<RecordedInteractionCallback>;
  stop(): Promise<void>;
}

/**
 * The options of `/<command> <sub>`, where sub may name a group and its subcommand ("set origin"), or
 * be empty for a command without subcommands.
 */
export function subcommandOptions(sub: string, options: Option[]): Option[] {
  if (sub === '') return options;
  const [first, second] = sub.split(' ');
  if (second !== undefined) return [option.group(first!, [option.subcommand(second, options)])];
  return [option.subcommand(first!, options)];
}

let worldCache: Promise<World> | undefined;
/** The mini SDE fixture (8 real systems around Jita, Amarr, Thera) as a world. */
export function miniWorld(): Promise<World> {
  worldCache ??= readSdeFolder(MINI_SDE).then(buildWorld);
  return worldCache;
}

/** Imports the mini SDE into the database (autocomplete reads systems and types from it). */
export async function seedMiniSde(database: DatabaseHandle): Promise<void> {
  await replaceSdeData(database.db, await readSdeFolder(MINI_SDE), MINI_SDE);
}

export async function startBotHarness(
  database: DatabaseHandle,
  options: {
    world?: World;
    /** Test-only commands and component handlers served next to the real ones. */
    extraCommands?: readonly SlashCommand[];
    extraComponents?: readonly ComponentHandler<never>[];
    /** Per-guild limits (default: the settings' defaults). */
    limits?: TrackerLimits;
    /** The pause after each preview or test post of a guild (default: none, so tests run back to back). */
    historyScanCooldownMs?: number;
    /** EVE SSO for /character link (off by default: links are self-declared). */
    sso?: PilotOperationsOptions['sso'];
    /** The pause between two edits of one PPK message (default none, so tests see every change at once). */
    liveEditIntervalMs?: number;
  } = {},
): Promise<BotHarness> {
  const users: Record<Who, APIUser> = {
    admin: fakeUser({ username: 'admiral' }),
    manager: fakeUser({ username: 'fc-lead' }),
    member: fakeUser({ username: 'linemember' }),
  };
  const fake = await FakeDiscord.start({
    guilds: [
      {
        name: 'Test Alliance',
        channels: [{ name: 'alerts' }, { name: 'intel' }],
        roles: [{ name: 'FC', mentionable: true }, { name: 'Pilots' }, { name: 'Tracker Managers' }],
        everyonePermissions: EVERYONE_PERMISSIONS,
        members: [fakeMember(users.admin), fakeMember(users.manager), fakeMember(users.member)],
      },
      { name: 'Other Alliance', channels: [{ name: 'other-alerts' }] },
    ],
  });
  const [guild, otherGuild] = [...fake.guilds.values()];
  if (!guild || !otherGuild) throw new Error('fake guilds missing');
  const esi = await FakeEsi.start();
  const world = options.world ?? (await miniWorld());
  const esiClient = createEsiClient({ baseUrl: esi.url, userAgent: 'killtracker-tests', log: silentLogger });
  const nameResolver = createNameResolver({
    esi: esiClient,
    cache: createNameRepository({ db: database.db }),
    log: silentLogger,
  });
  const liveEditIntervalMs = options.liveEditIntervalMs ?? 0;
  const ppk = createPpkServices({
    db: database.db,
    esi: esiClient,
    nameResolver,
    world: () => world,
    log: silentLogger,
    liveEditIntervalMs,
  });
  const ctx = createBotContext({
    ppk,
    db: database.db,
    world: () => world,
    esi: esiClient,
    nameResolver,
    pilots: createPilotOperations({
      db: database.db,
      esi: esiClient,
      names: createNameRepository({ db: database.db }),
      nameResolver,
      log: silentLogger,
      ...(options.sso ? { sso: options.sso } : {}),
    }),
    sender: createRestAlertSender({ token: fake.token, apiUrl: fake.api, retries: 0, timeoutMs: 30_000 }),
    log: silentLogger,
    defaultMaxAgeMinutes: 60,
    historyScanCooldownMs: options.historyScanCooldownMs ?? 0,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const bot = await startBot({
    token: fake.token,
    apiUrl: fake.api,
    commands: [...SLASH_COMMANDS, ...(options.extraCommands ?? [])],
    messageCommands: MESSAGE_COMMANDS,
    components: [...COMPONENT_HANDLERS, ...(options.extraComponents ?? [])],
    ctx,
    log: silentLogger,
    readyTimeoutMs: 20_000,
  });
  // The pipeline's live-message worker, for PPK messages only: edits as soon as a kill changes.
  const liveStop = new AbortController();
  const liveWorker = createLiveMessageWorker({
    store: createLiveMessageStore({ db: database.db, editIntervalMs: liveEditIntervalMs }),
    sender: ctx.sender,
    renderers: ppk.renderers,
    log: silentLogger,
    idleMs: 50,
  });
  const liveRun = liveWorker.run(liveStop.signal);
  const roles = {
    fc: fake.roleId('FC', guild.id),
    pilots: fake.roleId('Pilots', guild.id),
    manager: fake.roleId('Tracker Managers', guild.id),
  };
  const channels = {
    alerts: fake.channelId('alerts', guild.id),
    intel: fake.channelId('intel', guild.id),
    otherGuild: fake.channelId('other-alerts', otherGuild.id),
  };
  const as = (who: Who, guildId = guild.id): InteractionContext => ({
    guildId,
    channelId: guildId === guild.id ? channels.alerts : channels.otherGuild,
    user: users[who],
    ...(who === 'admin' ? {} : { memberPermissions: EVERYONE_PERMISSIONS }),
    roles: who === 'manager' ? [roles.manager] : [],
  });
  return {
    fake,
    esi,
    ctx,
    ppk,
    bot,
    guildId: guild.id,
    otherGuildId: otherGuild.id,
    channels,
    roles,
    users,
    as,
    command: (name, sub, options = [], who = 'admin', guildId) =>
      fake.dispatchInteraction(
        chatInputInteraction(fake, as(who, guildId), { name, options: subcommandOptions(sub, options) }),
      ),
    tracker: (sub, options = [], who = 'admin', guildId) =>
      fake.dispatchInteraction(
        chatInputInteraction(fake, as(who, guildId), {
          name: 'tracker',
          options: subcommandOptions(sub, options),
        }),
      ),
    async autocomplete(sub, options, who = 'admin', command = 'tracker') {
      const callback = await fake.dispatchInteraction(
        autocompleteInteraction(fake, as(who), { name: command, options: subcommandOptions(sub, options) }),
      );
      return (callback.data?.choices ?? []) as Array<{ name: string; value: string | number }>;
    },
    button: (customId, who = 'admin', message) =>
      fake.dispatchInteraction(
        buttonInteraction(fake, as(who), { customId, ...(message ? { message } : {}) }),
      ),
    messageCommand: (name, message, who = 'member') =>
      fake.dispatchInteraction(messageCommandInteraction(fake, as(who), { name, message })),
    memberMessage: (content, who = 'member') => memberMessage(fake, as(who), content),
    select: (customId, values, who = 'admin', message) =>
      fake.dispatchInteraction(
        stringSelectInteraction(fake, as(who), { customId, values, ...(message ? { message } : {}) }),
      ),
    roleSelect(customId, roleIds, who = 'admin', message) {
      const interaction = stringSelectInteraction(fake, as(who), {
        customId,
        values: roleIds,
        ...(message ? { message } : {}),
      });
      const roles = fake.guild(interaction.guild_id)?.roles ?? [];
      interaction.data = {
        custom_id: customId,
        component_type: ComponentType.RoleSelect,
        values: roleIds,
        resolved: {
          roles: Object.fromEntries(
            roles.filter((role) => roleIds.includes(role.id)).map((role) => [role.id, role]),
          ),
        },
      };
      return fake.dispatchInteraction(interaction);
    },
    modal: (customId, fields, who = 'admin', message) =>
      fake.dispatchInteraction(
        modalSubmitInteraction(fake, as(who), { customId, fields, ...(message ? { message } : {}) }),
      ),
    async stop() {
      liveStop.abort();
      await liveRun;
      await bot.stop();
      await fake.stop();
      await esi.stop();
    },
  };
}
