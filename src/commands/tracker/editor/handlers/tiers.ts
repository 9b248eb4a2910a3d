// The alert settings' "Ping rules & digest…" button opens the form (tiers); its submit (tiersok) saves what
// changed and redraws the alert settings in place.
import { isDeepStrictEqual } from 'node:util';
import { MessageFlags } from 'discord.js';
import { escapeMarkdown } from '../../../../engine/render/index.ts';
import { noticeText } from '../../../../tracker-ops/change.ts';
import { setDigest } from '../../../../tracker-ops/digest-settings.ts';
import { setPingCooldown, setPingRules } from '../../../../tracker-ops/ping-rules.ts';
import { memberRights } from '../../member-rights.ts';
import { parsePingRules } from '../../ping-rules-input.ts';
import { alertSettingsMessage } from '../alert-settings.ts';
import { editorComponent, editorModal } from '../component.ts';
import {
  COOLDOWN_FIELD,
  DIGEST_FIELD,
  parseCooldownText,
  parseDigestText,
  RULES_FIELD,
  tiersModal,
} from '../tiers-modal.ts';

export const tiersButton = editorComponent('tiers', async (interaction, row) => {
  await interaction.showModal(tiersModal(row));
});

export const tiersModalSubmit = editorModal('tiersok', async (interaction, row, ctx) => {
  const rules = parsePingRules(interaction.fields.getTextInputValue(RULES_FIELD), interaction.guildId);
  const cooldown = parseCooldownText(interaction.fields.getTextInputValue(COOLDOWN_FIELD));
  const digest = parseDigestText(interaction.fields.getTextInputValue(DIGEST_FIELD));
  let current = row;
  const notices: string[] = [];
  // Compared by value: the stored rules come back from jsonb with their keys in another order.
  if (!isDeepStrictEqual(rules, current.definition.ping_rules ?? [])) {
    const change = await setPingRules(ctx, current, rules, memberRights(interaction));
    current = change.row;
    notices.push(change.notice);
  }
  if (cooldown !== (current.definition.ping_cooldown_minutes ?? 0)) {
    const change = await setPingCooldown(ctx, current, cooldown);
    current = change.row;
    notices.push(change.notice);
  }
  const { digest: period, digest_hour: hour } = current.definition;
  if (
    digest.period !== (period ?? 'off') ||
    (digest.period !== 'off' && (digest.hour ?? 0) !== (hour ?? 0))
  ) {
    const change = await setDigest(ctx, current, digest.period, digest.hour ?? 0);
    current = change.row;
    notices.push(change.notice);
  }
  const notice = noticeText(...notices) ?? `Nothing changed for **${escapeMarkdown(current.name)}**.`;
  if (interaction.isFromMessage())
    await interaction.update(alertSettingsMessage(interaction, current, notice));
  else
    await interaction.reply({
      ...alertSettingsMessage(interaction, current, notice),
      flags: MessageFlags.Ephemeral,
    });
});
