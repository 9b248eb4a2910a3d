// The form behind the alert settings' "Title & description…" button: the alert title (placeholders
// filled from each kill, Discord's 256 characters at most) and the tracker's description, both prefilled;
// emptying a box goes back to the default title or removes the description.
import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { TRACKER_DESCRIPTION_MAX_LENGTH } from '../../../engine/index.ts';
import { DISCORD_LIMITS, truncatePlain } from '../../../engine/render/index.ts';
import { PLACEHOLDER_LIST } from '../../../tracker-ops/title.ts';
import { editorCustomId } from './custom-ids.ts';

export const TITLE_FIELD = 'title';
export const DESCRIPTION_FIELD = 'description';

const MAX_LABEL_DESCRIPTION = 100;

export function titleModal(row: TrackerRow): APIModalInteractionResponseCallbackData {
  const { title, description } = row.definition;
  return {
    custom_id: editorCustomId('titleok', row.id),
    title: 'Alert title and description',
    components: [
      {
        type: ComponentType.Label,
        label: 'Alert title (empty: the default title)',
        description: truncatePlain(`Placeholders: ${PLACEHOLDER_LIST}`, MAX_LABEL_DESCRIPTION),
        component: {
          type: ComponentType.TextInput,
          custom_id: TITLE_FIELD,
          style: TextInputStyle.Short,
          placeholder: '{ship} down in {system} ({value})',
          required: false,
          max_length: DISCORD_LIMITS.title,
          ...(title === undefined ? {} : { value: title }),
        },
      },
      {
        type: ComponentType.Label,
        label: 'Description (for the admins)',
        description: 'What the tracker is for. Empty removes it.',
        component: {
          type: ComponentType.TextInput,
          custom_id: DESCRIPTION_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: TRACKER_DESCRIPTION_MAX_LENGTH,
          ...(description === undefined ? {} : { value: description }),
        },
      },
    ],
  };
}
