// /tracker import file channel: trackers from a JSON file (one object or an array, the export format), all
// created or none: every problem is listed at once, including names the server already uses.
import type { Attachment } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { request } from 'undici';
import {
  DISCORD_LIMITS,
  escapeMarkdown,
  joinWithinLimit,
  truncateMarkdown,
} from '../../../engine/render/index.ts';
import { noticeText } from '../../../tracker-ops/change.ts';
import { importTrackers } from '../../../tracker-ops/transfer.ts';
import { UserError } from '../../../user-error.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answerDeferred } from '../../replies.ts';
import { channelAccessWarning, pingWarnings } from '../bot-access.ts';
import { ALERT_CHANNEL_TYPES } from '../shared-options.ts';

export const MAX_IMPORT_BYTES = 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;

const tooLarge = () =>
  new UserError('That file is larger than 1 MB. Import fewer trackers at a time (split the array).');

async function download(attachment: Attachment): Promise<string> {
  if (attachment.size > MAX_IMPORT_BYTES) throw tooLarge();
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new UserError(
      `Could not download the file from Discord (${error instanceof Error ? error.message : String(error)}). Try again.`,
    );
  }
  const { statusCode, body } = response;
  if (statusCode !== 200) {
    await body.dump();
    throw new UserError(`Discord answered ${statusCode} for the file. Upload it again.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMPORT_BYTES) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'import',
  description: 'Create trackers from a JSON file (tracker format version 1)',
  options: [
    {
      type: ApplicationCommandOptionType.Attachment,
      name: 'file',
      description: 'The .json file',
      required: true,
    },
    {
      type: ApplicationCommandOptionType.Channel,
      name: 'channel',
      description: 'Where the imported trackers post',
      required: true,
      channel_types: ALERT_CHANNEL_TYPES,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const channelId = args.channel.id;
    await answerDeferred(interaction, async () => {
      const result = await importTrackers(ctx, {
        guildId: interaction.guildId,
        channelId,
        fileName: args.file.name,
        text: await download(args.file),
      });
      if (!result.ok) return { content: result.problems };
      const names = result.created.map(
        (definition) => `**${escapeMarkdown(definition.name)}**${definition.enabled ? '' : ' (disabled)'}`,
      );
      const pingProblems = new Set(
        result.created.flatMap((definition) => pingWarnings(interaction, channelId, definition.ping)),
      );
      const notice =
        noticeText(
          `Imported ${names.length === 1 ? 'one tracker' : `${names.length} trackers`} posting in <#${channelId}>: ${joinWithinLimit(names, ', ', 1200)}.`,
          channelAccessWarning(interaction, channelId),
          ...pingProblems,
        ) ?? '';
      return { content: truncateMarkdown(notice, DISCORD_LIMITS.content) };
    });
  },
} satisfies Subcommand<typeof data>;
