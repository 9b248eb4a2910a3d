// /tracker create name channel [origin] [color] [ping]: a new tracker, DISABLED until the admin has added
// conditions and pressed Enable in the editor it answers with (an empty tracker posts every killmail).
import type { BotContext } from '../contract.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import type { TrackerDefinition } from '../../engine/tracker/types.ts';
import { channelAccessWarning, pingWarnings } from './bot-access.ts';
import { parseColor } from './color.ts';
import { noticeText, replyWithEditor } from './editor-reply.ts';
import { resolveOrigin } from './origin.ts';
import { parsePingChoice } from './ping-setting.ts';
import { createTracker } from './save-tracker.ts';
import type { TrackerCommandInteraction } from './tracker-option.ts';

export async function executeCreate(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const { options } = interaction;
  const channelId = options.getChannel('channel', true).id;
  const originText = options.getString('origin');
  const origin = originText === null ? null : resolveOrigin(ctx, originText);
  const colorText = options.getString('color');
  const color = colorText === null ? null : parseColor(colorText);
  const ping = parsePingChoice(interaction, options.getString('ping'));
  const definition: TrackerDefinition = {
    version: 1,
    name: options.getString('name', true),
    enabled: false,
    ...(origin !== null && { origin_solar_system_id: origin }),
    ...(color !== null && { color }),
    ping,
    ppk: false,
    clauses: {},
  };
  const row = await createTracker(ctx, { guildId: interaction.guildId, channelId, definition });
  await replyWithEditor(
    interaction,
    ctx,
    row,
    noticeText(
      `Created **${escapeMarkdown(row.name)}**, disabled for now. Add conditions with the menus below (or /tracker add-clause), then press Enable.`,
      channelAccessWarning(interaction, channelId),
      ...pingWarnings(interaction, channelId, ping),
    ),
  );
}
