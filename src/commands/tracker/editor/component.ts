// The editor's component handlers, one per action of its custom_ids: each parses the versioned id, checks
// the kind of component, and loads the tracker scoped to the interaction's guild, so a forged id or
// another guild's tracker is "not found".
import type { MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { trackerById } from '../../../tracker-ops/find.ts';
import { UserError } from '../../../user-error.ts';
import type { BotContext, ComponentHandler, ComponentInteraction } from '../../contract.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../messages.ts';
import { type EditorAction, type EditorCustomId, parseEditorCustomId } from './custom-ids.ts';

type Run<I> = (interaction: I, row: TrackerRow, ctx: BotContext, arg: string | undefined) => Promise<void>;

function editorHandler<I extends ComponentInteraction>(
  action: EditorAction,
  accepts: (interaction: ComponentInteraction) => interaction is I,
  run: Run<I>,
): ComponentHandler<EditorCustomId> {
  return {
    name: `tracker editor ${action}`,
    access: 'manager',
    parse(customId) {
      const parsed = parseEditorCustomId(customId);
      return parsed?.action === action ? parsed : undefined;
    },
    async run(interaction, data, ctx) {
      if (!accepts(interaction)) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
      const row = await trackerById(ctx.trackers, interaction.guildId, data.trackerId);
      await run(interaction, row, ctx, data.arg);
    },
  };
}

/** A button or select of the editor. */
export function editorComponent(
  action: EditorAction,
  run: Run<MessageComponentInteraction<'cached' | 'raw'>>,
): ComponentHandler<EditorCustomId> {
  return editorHandler(action, (interaction) => interaction.isMessageComponent(), run);
}

/** A modal the editor opened. */
export function editorModal(
  action: EditorAction,
  run: Run<ModalSubmitInteraction<'cached' | 'raw'>>,
): ComponentHandler<EditorCustomId> {
  return editorHandler(action, (interaction) => interaction.isModalSubmit(), run);
}
