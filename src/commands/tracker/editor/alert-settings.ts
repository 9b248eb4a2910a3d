// The alert settings, opened by the editor's "Pings & title…" button as an ephemeral message: buttons
// switch @here and @everyone, "No pings" clears them, a role select picks the roles, and "Title &
// description…" opens a form for the alert title and the tracker's description, "PPK claim buttons" switches
// the pay-per-kill claim buttons on the alerts, "Ping rules & digest…" opens the tiered pings, cooldown and
// digest form, and "Fight report" switches fight reports. Warnings say when a ping would not notify anyone.
import type { BaseInteraction } from 'discord.js';
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
  SelectMenuDefaultValueType,
} from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import { noticeText } from '../../../tracker-ops/change.ts';
import { describeDigest } from '../../../tracker-ops/digest-settings.ts';
import { describePing } from '../../../tracker-ops/ping.ts';
import { describePingRules } from '../../../tracker-ops/ping-rules.ts';
import { pingWarnings } from '../bot-access.ts';
import { editorCustomId } from './custom-ids.ts';

/** Discord's role select holds at most 25 roles. */
const MAX_SELECTED_ROLES = 25;

type PingChoice = 'none' | 'here' | 'everyone';

function pingButton(row: TrackerRow, arg: PingChoice, label: string, active: boolean) {
  return {
    type: ComponentType.Button as const,
    style: active ? (ButtonStyle.Success as const) : (ButtonStyle.Secondary as const),
    label,
    custom_id: editorCustomId('ping', row.id, arg),
  };
}

/** Fight reports on (green) or off: one report per fight, edited in place, after the first kill's alert. */
function fightReportButton(row: TrackerRow) {
  const on = row.definition.fight_report === true;
  return {
    type: ComponentType.Button as const,
    style: on ? (ButtonStyle.Success as const) : (ButtonStyle.Secondary as const),
    label: on ? 'Fight report: on' : 'Fight report: off',
    custom_id: editorCustomId('fight', row.id),
  };
}

function titleText(row: TrackerRow): string {
  const { title } = row.definition;
  return title === undefined
    ? 'Their title is the default one ("Rifter destroyed in Huola").'
    : `Their title is “${escapeMarkdown(title)}”.`;
}

/** The ping rules, cooldown and digest, when set. */
function tiersText(row: TrackerRow): string | undefined {
  const { ping_rules: rules, ping_cooldown_minutes: cooldown } = row.definition;
  return noticeText(
    rules !== undefined && `Ping rules (they replace the ping above): ${describePingRules(rules)}.`,
    cooldown !== undefined && `At most one ping every ${cooldown} min.`,
    row.definition.digest !== undefined && `Digest: ${describeDigest(row.definition)}.`,
  );
}

export function alertSettingsMessage(
  interaction: BaseInteraction<'cached' | 'raw'>,
  row: TrackerRow,
  notice?: string,
) {
  const { ping } = row.definition;
  const nothing = !ping.everyone && !ping.here && ping.roles.length === 0;
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        pingButton(row, 'none', 'No pings', nothing),
        pingButton(row, 'here', '@here', ping.here),
        pingButton(row, 'everyone', '@everyone', ping.everyone),
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.RoleSelect,
          custom_id: editorCustomId('ping', row.id, 'roles'),
          placeholder: 'Roles to ping…',
          min_values: 0,
          max_values: MAX_SELECTED_ROLES,
          default_values: ping.roles
            .slice(0, MAX_SELECTED_ROLES)
            .map((id) => ({ id, type: SelectMenuDefaultValueType.Role })),
        },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          label: 'Title & description…',
          custom_id: editorCustomId('title', row.id),
        },
        {
          type: ComponentType.Button,
          style: row.definition.ppk ? ButtonStyle.Success : ButtonStyle.Secondary,
          label: row.definition.ppk ? 'PPK claim buttons: on' : 'PPK claim buttons: off',
          custom_id: editorCustomId('ppk', row.id),
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          label: 'Ping rules & digest…',
          custom_id: editorCustomId('tiers', row.id),
        },
        fightReportButton(row),
      ],
    },
  ];
  const content = noticeText(
    notice,
    `Alerts of **${escapeMarkdown(row.name)}** ping ${describePing(ping)}. ${titleText(row)} ${row.definition.ppk ? 'They carry the pay-per-kill claim buttons.' : 'They carry no claim buttons.'}`,
    tiersText(row),
    'The buttons switch @here and @everyone; the menu picks roles. Changes save at once.',
    'Fight report: the first kill of a fight is alerted, later kills update one report message.',
    ...pingWarnings(interaction, row.channelId, ping),
  );
  return { content: content ?? '', embeds: [], components, allowedMentions: { parse: [] } };
}
