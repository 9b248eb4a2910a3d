// /ppk audit [killmail]: the newest admin changes (who, when, what, why), of one kill or of the server.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { DISCORD_LIMITS, escapeMarkdown, joinWithinLimit } from '../../../engine/render/index.ts';
import type { PpkAuditEntry } from '../../../ppk/operations.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { killmailArg } from '../options.ts';

const SHOWN = 25;

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'audit',
  description: 'Admins: the latest pay-per-kill changes by admins, with who, when and why',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'killmail',
      description: 'Only this kill (a link or its id)',
      max_length: 200,
    },
  ],
} as const satisfies SubcommandData;

function detailText(detail: Record<string, unknown>): string {
  const parts = Object.entries(detail).map(([key, value]) => `${key} ${JSON.stringify(value)}`);
  return escapeMarkdown(parts.join(', ').slice(0, 200));
}

export function auditLine(entry: PpkAuditEntry): string {
  const when = `<t:${Math.floor(entry.at.getTime() / 1000)}:f>`;
  const kill = entry.killmailId === null ? '' : ` killmail ${entry.killmailId}`;
  const detail = Object.keys(entry.detail).length > 0 ? ` (${detailText(entry.detail)})` : '';
  const why = entry.reason ? `: "${escapeMarkdown(entry.reason.slice(0, 200))}"` : '';
  return `${when} <@${entry.actorUserId}> **${entry.action.replaceAll('_', ' ')}**${kill}${detail}${why}`;
}

export default {
  data,
  access: 'ppk-manager',
  async execute(interaction, args, ctx) {
    const killmailId = args.killmail === undefined ? undefined : killmailArg(args.killmail).killmailId;
    const entries = await ctx.ppk.audit(interaction.guildId, killmailId, SHOWN);
    const scope = killmailId === undefined ? 'this server' : `killmail ${killmailId}`;
    if (entries.length === 0) {
      await interaction.reply({
        content: `No admin has changed anything of ${scope} yet.`,
        flags: 'Ephemeral',
        allowedMentions: { parse: [] },
      });
      return;
    }
    await interaction.reply({
      embeds: [
        {
          title: `Pay-per-kill audit log of ${scope}`,
          description: joinWithinLimit(entries.map(auditLine), '\n', DISCORD_LIMITS.description),
          footer: { text: `The newest ${entries.length} changes` },
        },
      ],
      flags: 'Ephemeral',
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
