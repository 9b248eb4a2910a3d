// The form behind the alert settings' "Ping rules & digest…" button: the ping rules in the typed syntax
// (ping-rules-input.ts), the ping cooldown in minutes and the digest ("daily 18", "weekly 0" or "off"),
// all prefilled; emptying a box removes that setting.
import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import type { DigestPeriod } from '../../../engine/index.ts';
import { UserError } from '../../../user-error.ts';
import { formatPingRules } from '../ping-rules-input.ts';
import { editorCustomId } from './custom-ids.ts';

export const RULES_FIELD = 'rules';
export const COOLDOWN_FIELD = 'cooldown';
export const DIGEST_FIELD = 'digest';

export function tiersModal(row: TrackerRow): APIModalInteractionResponseCallbackData {
  const { ping_rules: rules, ping_cooldown_minutes: cooldown, digest, digest_hour: hour } = row.definition;
  return {
    custom_id: editorCustomId('tiersok', row.id),
    title: 'Ping rules, cooldown and digest',
    components: [
      {
        type: ComponentType.Label,
        label: 'Ping rules, first match wins (empty: none)',
        description: 'e.g. isk 20b -> @everyone; isk 1b -> <@&role id>; attackers 30 -> @here',
        component: {
          type: ComponentType.TextInput,
          custom_id: RULES_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: 1000,
          ...(rules === undefined ? {} : { value: formatPingRules(rules) }),
        },
      },
      {
        type: ComponentType.Label,
        label: 'Ping cooldown in minutes (empty: none)',
        component: {
          type: ComponentType.TextInput,
          custom_id: COOLDOWN_FIELD,
          style: TextInputStyle.Short,
          required: false,
          max_length: 4,
          ...(cooldown === undefined ? {} : { value: String(cooldown) }),
        },
      },
      {
        type: ComponentType.Label,
        label: 'Digest: daily or weekly, and the UTC hour',
        description: 'e.g. "daily 18" or "weekly 0" (Mondays); empty or "off": none',
        component: {
          type: ComponentType.TextInput,
          custom_id: DIGEST_FIELD,
          style: TextInputStyle.Short,
          required: false,
          max_length: 20,
          ...(digest === undefined ? {} : { value: `${digest} ${hour ?? 0}` }),
        },
      },
    ],
  };
}

/** "daily 18" -> daily at 18; "" or "off" -> off. */
export function parseDigestText(text: string): { period: DigestPeriod | 'off'; hour: number | undefined } {
  const words = text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0 || (words.length === 1 && words[0] === 'off'))
    return { period: 'off', hour: undefined };
  const [period, hourText, ...rest] = words;
  const hour = hourText === undefined ? undefined : Number(hourText.replace(/:00$|h$/, ''));
  if (
    (period !== 'daily' && period !== 'weekly') ||
    rest.length > 0 ||
    (hour !== undefined && (!Number.isInteger(hour) || hour < 0 || hour > 23))
  )
    throw new UserError(
      'Write the digest as "daily 18" or "weekly 0" (an hour from 0 to 23, UTC), or "off".',
    );
  return { period, hour };
}

/** The cooldown box: empty = 0 (none). */
export function parseCooldownText(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  const minutes = Number(trimmed);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)
    throw new UserError('Write the ping cooldown as whole minutes from 0 to 1440, or leave it empty.');
  return minutes;
}
