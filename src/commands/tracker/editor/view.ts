// The tracker editor: the embed that describes the tracker, the add/remove condition menus and the
// Enable/Disable, Pings…, Preview, Test post and Delete buttons (whose handlers live in ./handlers).
import type { InteractionUpdateOptions } from 'discord.js';
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { isTrackerActive, type TrackerRow } from '../../../db/tracker-repository.ts';
import type { BotContext } from '../../contract.ts';
import { clauseNames } from './clause-names.ts';
import { type EditorAction, editorCustomId } from './custom-ids.ts';
import { editorEmbed } from './embed.ts';
import { addConditionRows, removeConditionRow } from './menus.ts';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface EditorView {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
}

function editorButtonsRow(row: TrackerRow): Row {
  const button = (
    action: EditorAction,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  ): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    custom_id: editorCustomId(action, row.id),
    label,
    style,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      isTrackerActive(row)
        ? button('toggle', 'Disable', ButtonStyle.Secondary)
        : button('toggle', 'Enable', ButtonStyle.Success),
      button('pings', 'Pings…', ButtonStyle.Secondary),
      button('preview', 'Preview', ButtonStyle.Primary),
      button('test', 'Test post', ButtonStyle.Secondary),
      button('del', 'Delete', ButtonStyle.Danger),
    ],
  };
}

/** The editor message for a tracker, with an optional notice line above it (what just changed). */
export async function renderEditor(row: TrackerRow, ctx: BotContext, notice?: string): Promise<EditorView> {
  const names = await clauseNames(ctx, row.guildId, row.definition);
  return {
    ...(notice === undefined ? {} : { content: notice }),
    embeds: [editorEmbed(row, ctx, names.markdown)],
    components: [
      ...addConditionRows(row.id, row.definition, names.plain),
      removeConditionRow(row.id, row.definition, names.plain),
      editorButtonsRow(row),
    ],
  };
}

/** The editor as a complete message body: content is always set, so an update replaces what was there. */
export async function editorMessage(
  ctx: BotContext,
  row: TrackerRow,
  notice?: string,
): Promise<InteractionUpdateOptions & { content: string }> {
  const view = await renderEditor(row, ctx, notice);
  return {
    content: view.content ?? '',
    embeds: view.embeds,
    components: view.components,
    allowedMentions: { parse: [] },
  };
}
