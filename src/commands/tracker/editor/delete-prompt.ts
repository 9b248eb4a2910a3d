// Deleting a tracker asks first (/tracker delete and the editor's Delete button): the question and its
// "Delete it" / "Keep it" buttons, as a complete message body that may replace the editor in place.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import { editorCustomId } from './custom-ids.ts';

export function deletePrompt(row: TrackerRow) {
  const buttons: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: 'Delete it',
        custom_id: editorCustomId('delok', row.id),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Keep it',
        custom_id: editorCustomId('delno', row.id),
      },
    ],
  };
  return {
    content: `Delete the tracker **${escapeMarkdown(row.name)}**? Its alerts stop at once, and this cannot be undone (/tracker export keeps a copy).`,
    embeds: [],
    components: [buttons],
    allowedMentions: { parse: [] },
  };
}
