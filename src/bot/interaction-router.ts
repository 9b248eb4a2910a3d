// The one entry point for every interaction: finds the command or component handler, checks the access it
// declares, runs it, and is the single error boundary that turns failures into a sentence for the user.
import {
  type AutocompleteInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { hasAccess } from '../commands/access.ts';
import type {
  Access,
  BotContext,
  ComponentHandler,
  MessageCommand,
  SlashCommand,
} from '../commands/contract.ts';
import {
  adviceFor,
  GUILD_ONLY_MESSAGE,
  NO_PERMISSION_MESSAGE,
  NO_PPK_PERMISSION_MESSAGE,
  UNKNOWN_COMPONENT_MESSAGE,
  unknownCommandMessage,
} from '../commands/messages.ts';
import { UserError } from '../user-error.ts';

export interface InteractionRouter {
  commands: ReadonlyMap<string, SlashCommand>;
  messageCommands: ReadonlyMap<string, MessageCommand>;
  handle(interaction: Interaction): Promise<void>;
}

export function createInteractionRouter(
  commandList: readonly SlashCommand[],
  components: readonly ComponentHandler<never>[],
  ctx: BotContext,
  messageCommandList: readonly MessageCommand[] = [],
): InteractionRouter {
  const commands = new Map<string, SlashCommand>();
  for (const command of commandList) {
    if (commands.has(command.data.name)) throw new Error(`two commands are named /${command.data.name}`);
    commands.set(command.data.name, command);
  }
  const messageCommands = new Map<string, MessageCommand>();
  for (const command of messageCommandList) {
    if (messageCommands.has(command.data.name))
      throw new Error(`two message commands are named "${command.data.name}"`);
    messageCommands.set(command.data.name, command);
  }

  async function requireAccess(interaction: Interaction, access: Access): Promise<void> {
    if (!(await hasAccess(interaction, access, ctx)))
      throw new UserError(access === 'ppk-manager' ? NO_PPK_PERMISSION_MESSAGE : NO_PERMISSION_MESSAGE);
  }

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (!interaction.isRepliable()) return;
    if (!interaction.inGuild()) throw new UserError(GUILD_ONLY_MESSAGE);
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError(unknownCommandMessage(interaction.commandName));
      await requireAccess(interaction, command.access);
      return command.execute(interaction, ctx);
    }
    if (interaction.isMessageContextMenuCommand()) {
      const command = messageCommands.get(interaction.commandName);
      if (!command) throw new UserError(unknownCommandMessage(interaction.commandName));
      await requireAccess(interaction, command.access);
      return command.execute(interaction, ctx);
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      for (const handler of components as readonly ComponentHandler<unknown>[]) {
        const data = handler.parse(interaction.customId);
        if (data === undefined) continue;
        await requireAccess(interaction, handler.access);
        return handler.run(interaction, data, ctx);
      }
      throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    const allowed =
      command !== undefined && interaction.inGuild() && (await hasAccess(interaction, command.access, ctx));
    if (!command?.autocomplete || !allowed) {
      await interaction.respond([]);
      return;
    }
    await command.autocomplete(interaction, ctx);
  }

  return {
    commands,
    messageCommands,
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

/**
 * A component that deferred an update (the editor's Test post, a modal value waiting on ESI) has no reply
 * of its own: its message is the editor, which must stay. discord.js leaves `ephemeral` unset then.
 */
function deferredUpdate(interaction: RepliableInteraction): boolean {
  return (
    (interaction.isMessageComponent() || interaction.isModalSubmit()) &&
    interaction.deferred &&
    !interaction.replied &&
    interaction.ephemeral === null
  );
}

async function answerEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied && !deferredUpdate(interaction)) {
    // Replace the "thinking…" placeholder rather than leaving it spinning under a follow-up.
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions: { parse: [] } });
  } else if (interaction.replied || interaction.deferred) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }
}
