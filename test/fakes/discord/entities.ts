// Builders for the users, guilds, channels, roles and members the fake Discord serves, as full
// discord-api-types objects so discord.js caches them like real ones.
import {
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type RoleFlags,
} from 'discord-api-types/v10';
import { nextSnowflake } from './snowflake.ts';

/** Bitfield string of the given permissions, the form Discord sends them in. */
export function permissionBits(...flags: bigint[]): string {
  return String(flags.reduce((all, flag) => all | flag, 0n));
}

/** What a fresh @everyone role may do on a new server. */
export const EVERYONE_PERMISSIONS = permissionBits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
);

/** What the bot's own role may do unless a test says otherwise: enough to post alerts and ping. */
export const BOT_PERMISSIONS = permissionBits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.MentionEveryone,
);

/** Everything: what the server owner or an administrator has. */
export const ALL_PERMISSIONS = permissionBits(
  PermissionFlagsBits.Administrator,
  ...Object.values(PermissionFlagsBits),
);

export function fakeUser(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? nextSnowflake();
  return {
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...overrides,
  };
}

export function fakeRole(overrides: Partial<APIRole> & { name: string }): APIRole {
  return {
    id: nextSnowflake(),
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...overrides,
  };
}

export function fakeTextChannel(
  guildId: string,
  overrides: Partial<APITextChannel> & { name: string },
): APITextChannel {
  return {
    id: nextSnowflake(),
    type: ChannelType.GuildText,
    guild_id: guildId,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
    ...overrides,
  };
}

export function fakeMember(user: APIUser, roles: string[] = []): APIGuildMember {
  return {
    user,
    roles,
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
  };
}

export interface FakeGuildSpec {
  id?: string;
  name?: string;
  /** The owner has every permission; defaults to a fresh user id. */
  ownerId?: string;
  /** Text channels by name (or full channel overrides). Default: one channel called "alerts". */
  channels?: Array<Partial<APITextChannel> & { name: string }>;
  /** Roles besides @everyone and the bot's role. */
  roles?: Array<Partial<APIRole> & { name: string }>;
  everyonePermissions?: string;
  /** Permissions of the bot's managed role. */
  botPermissions?: string;
  /** Members besides the bot (the bot's member is always added, with its role). */
  members?: APIGuildMember[];
}

/** A whole GUILD_CREATE payload: @everyone, a managed role for the bot, channels and members. */
export function fakeGuild(botUser: APIUser, spec: FakeGuildSpec = {}): GatewayGuildCreateDispatchData {
  const id = spec.id ?? nextSnowflake();
  const everyone = fakeRole({
    id,
    name: '@everyone',
    position: 0,
    permissions: spec.everyonePermissions ?? EVERYONE_PERMISSIONS,
  });
  const botRole = fakeRole({
    name: botUser.username,
    managed: true,
    position: 10,
    permissions: spec.botPermissions ?? BOT_PERMISSIONS,
    tags: { bot_id: botUser.id },
  });
  const extraRoles = (spec.roles ?? []).map((role, index) => fakeRole({ position: index + 2, ...role }));
  const channels = (spec.channels ?? [{ name: 'alerts' }]).map((channel, index) =>
    fakeTextChannel(id, { position: index, ...channel }),
  );
  const members = [fakeMember(botUser, [botRole.id]), ...(spec.members ?? [])];
  return {
    id,
    name: spec.name ?? 'Test Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: spec.ownerId ?? nextSnowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [everyone, botRole, ...extraRoles],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
