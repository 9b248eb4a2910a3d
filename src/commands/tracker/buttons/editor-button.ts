// A component handler for one editor action: parses the versioned custom_id, and loads the tracker
// scoped to the interaction's guild, so a forged id or another guild's tracker is "not found".
import type { MessageComponentInteraction } from 'discord.js';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../messages.ts';
import type { BotContext, ComponentHandler } from '../../contract.ts';
import { UserError } from '../../../user-error.ts';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { type EditorAction, type EditorCustomId, parseEditorCustomId } from '../custom-ids.ts';
import { trackerById } from '../find-tracker.ts';

type EditorComponentInteraction = MessageComponentInteraction<'cached' | 'raw'>;

export function editorComponent(
  action: EditorAction,
  run: (
    interaction: EditorComponentInteraction,
    row: TrackerRow,
    ctx: BotContext,
    arg: string | undefined,
  ) => Promise<void>,
): ComponentHandler<EditorCustomId> {
  return {
    name: `tracker editor ${action}`,
    access: 'manager',
    parse(customId) {
      const parsed = parseEditorCustomId(customId);
      return parsed?.action === action ? parsed : undefined;
    },
    async run(interaction, data, ctx) {
      if (!interaction.isMessageComponent()) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
      const row = await trackerById(ctx.trackers, interaction.guildId, data.trackerId);
      await run(interaction, row, ctx, data.arg);
    },
  };
}
