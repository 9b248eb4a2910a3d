// The fake Discord for tests: start it, point discord.js or @discordjs/rest at `fake.api`.
export {
  ALL_PERMISSIONS,
  BOT_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  type FakeGuildSpec,
  fakeGuild,
  fakeMember,
  fakeRole,
  fakeTextChannel,
  fakeUser,
  permissionBits,
} from './entities.ts';
export type { DiscordFailure } from './failures.ts';
export {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  type InteractionContext,
  memberMessage,
  messageCommandInteraction,
  type ModalField,
  modalSubmitInteraction,
  option,
  stringSelectInteraction,
} from './interactions.ts';
export { GUILD_MEMBERS_INTENT } from './members.ts';
export { mentionsOf, type RecordedFile } from './messages.ts';
export {
  FakeDiscord,
  type FakeDiscordOptions,
  type PostedMessage,
  type RecordedInteractionCallback,
  type RecordedRestCall,
  type WaitOptions,
} from './server.ts';
export { shardOfGuild } from './gateway.ts';
export { nextSnowflake, snowflakeOnShard } from './snowflake.ts';
