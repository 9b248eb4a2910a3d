// The one entry point for every interaction: guild and permission checks, routing to the command or
// component handler, and the single error boundary that turns failures into a sentence for the user.
import { DiscordAPIError } from '@discordjs/rest';
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { canManageTrackers } from './permissions.ts';
import { type BotContext, type ComponentHandler, type SlashCommand, UserError } from './types.ts';

export const NO_PERMISSION_MESSAGE =
  'You need the Manage Server permission (or the tracker manager role set with /killtracker settings manager-role) to manage trackers.';
const GUILD_ONLY_MESSAGE =
  "Killtracker works inside a server: use this command in one of your server's channels.";
const UNEXPECTED_ERROR_MESSAGE =
  'Something went wrong on our side while handling that. It has been logged; please try again in a moment.';
export const UNKNOWN_COMPONENT_MESSAGE =
  'This button or menu is no longer valid. Run /tracker show to open a fresh editor.';

export interface InteractionRouter {
  commands: ReadonlyMap<string, SlashCommand>;
  handle(interaction: Interaction): Promise<void>;
}

export function createInteractionRouter(
  commandList: readonly SlashCommand[],
  components: readonly ComponentHandler<never>[],
  ctx: BotContext,
): InteractionRouter {
  const commands = new Map<string, SlashCommand>();
  for (const command of commandList) {
    if (commands.has(command.data.name)) throw new Error(`two commands are named /${command.data.name}`);
    commands.set(command.data.name, command);
  }

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (!interaction.isRepliable()) return;
    if (!interaction.inGuild()) throw new UserError(GUILD_ONLY_MESSAGE);
    if (!(await canManageTrackers(interaction, ctx.guildSettings)))
      throw new UserError(NO_PERMISSION_MESSAGE);
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command)
        throw new UserError(
          `Unknown command /${interaction.commandName}. The bot may be restarting; try again.`,
        );
      return command.execute(interaction as ChatInputCommandInteraction<'cached' | 'raw'>, ctx);
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      for (const handler of components as readonly ComponentHandler<unknown>[]) {
        const data = handler.parse(interaction.customId);
        if (data !== undefined) return handler.run(interaction as never, data, ctx);
      }
      throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    const allowed = interaction.inGuild() && (await canManageTrackers(interaction, ctx.guildSettings));
    if (!command?.autocomplete || !allowed) {
      await interaction.respond([]);
      return;
    }
    await command.autocomplete(interaction as AutocompleteInteraction<'cached' | 'raw'>, ctx);
  }

  return {
    commands,
    async handle(interaction) {
      try {
        await route(interaction);
      } catch (error) {
        await reportFailure(interaction, error, ctx);
      }
    },
  };
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interaction: interaction.id,
    type: interaction.type,
    guild: interaction.guildId,
    user: interaction.user.id,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() || interaction.isModalSubmit()
      ? { customId: interaction.customId }
      : {}),
  };
}

async function reportFailure(interaction: Interaction, error: unknown, ctx: BotContext): Promise<void> {
  const userFacing = error instanceof UserError;
  if (!userFacing) ctx.log.error({ err: error, ...describe(interaction) }, 'interaction failed');
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    return;
  }
  if (!interaction.isRepliable()) return;
  const content = userFacing ? error.message : adviceFor(error);
  await answerEphemeral(interaction, content).catch((replyError: unknown) =>
    ctx.log.warn({ err: replyError, ...describe(interaction) }, 'could not tell the user about a failure'),
  );
}

/** Discord errors the admin can fix themselves get advice instead of a generic apology. */
function adviceFor(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.code === 50013 || error.code === 50001) {
      return 'The bot is missing permissions in that channel: give it View Channel, Send Messages and Embed Links, then try again.';
    }
    if (error.code === 10003) return 'That channel no longer exists. Pick another channel.';
  }
  return UNEXPECTED_ERROR_MESSAGE;
}

async function answerEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    // Replace the "thinking…" placeholder rather than leaving it spinning under a follow-up.
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions: { parse: [] } });
  } else if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }
}
