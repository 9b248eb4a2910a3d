// /tracker import file channel: trackers from a JSON file (one object or an array, the export format),
// all created or none: every problem is listed at once, including names the server already uses.

import type { Attachment } from 'discord.js';
import { request } from 'undici';
import type { BotContext } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import {
  DISCORD_LIMITS,
  escapeMarkdown,
  joinWithinLimit,
  truncateMarkdown,
} from '../../engine/render/index.ts';
import { validateTrackers } from '../../engine/tracker/validate.ts';
import { channelAccessWarning, pingWarnings } from './bot-access.ts';
import { answerDeferred } from './deferred-reply.ts';
import { noticeText } from './editor-reply.ts';
import { duplicateName } from './save-tracker.ts';
import type { TrackerCommandInteraction } from './tracker-option.ts';

export const MAX_IMPORT_BYTES = 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;
// One problem per line, short enough that a long engine message (a list of every clause) cannot crowd
// out the others.
const MAX_PROBLEM_LENGTH = 300;

interface ImportProblem {
  index: number;
  name: string | undefined;
  key: string;
  message: string;
}

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

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${escapeMarkdown(fileName)} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Export a tracker with /tracker export to see the format.`,
    );
  }
}

/** Names used twice in the file or already used in the server (compared as the database does). */
async function nameProblems(ctx: BotContext, guildId: string, value: unknown): Promise<ImportProblem[]> {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const named: Array<{ index: number; name: string }> = [];
  for (const [index, item] of items.entries()) {
    const raw = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const name = raw.trim();
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        index,
        name,
        key: 'name',
        message: `is also the name of tracker #${first + 1} in the file`,
      });
      continue;
    }
    seen.set(key, index);
    named.push({ index, name });
  }
  const taken = new Set(
    (
      await ctx.trackers.findByNames(
        guildId,
        named.map(({ name }) => name),
      )
    ).map((row) => row.name.toLowerCase()),
  );
  for (const { index, name } of named) {
    if (!taken.has(name.toLowerCase())) continue;
    problems.push({
      index,
      name,
      key: 'name',
      message:
        'is already used by a tracker of this server: rename it in the file, or delete or rename the existing one',
    });
  }
  return problems;
}

function problemsMessage(fileName: string, problems: ImportProblem[]): string {
  const header = `${escapeMarkdown(fileName)} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. Fix them and import the file again:`;
  const lines = problems
    .sort((a, b) => a.index - b.index)
    .map((problem) => {
      const where = `#${problem.index + 1}${problem.name === undefined ? '' : ` "${problem.name}"`}`;
      const key = problem.key.replace(/^\[\d+\]\.?/, '');
      const line = `• ${escapeMarkdown(where)}${key === '' ? '' : ` \`${key}\``}: ${escapeMarkdown(problem.message)}`;
      return truncateMarkdown(line, MAX_PROBLEM_LENGTH);
    });
  return `${header}\n${joinWithinLimit(lines, '\n', DISCORD_LIMITS.content - header.length - 1)}`;
}

async function importTrackers(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
  attachment: Attachment,
  channelId: string,
): Promise<string> {
  const value = parseJson(await download(attachment), attachment.name);
  const validation = validateTrackers(value, { universe: ctx.world().universe });
  const problems: ImportProblem[] = validation.ok ? [] : [...validation.problems];
  problems.push(...(await nameProblems(ctx, interaction.guildId, value)));
  if (!validation.ok || problems.length > 0) return problemsMessage(attachment.name, problems);
  // All or none: one transaction, so a name taken meanwhile leaves nothing half-imported.
  const created = (
    await ctx.trackers
      .createMany({ guildId: interaction.guildId, channelId, definitions: validation.trackers })
      .catch(duplicateName)
  ).map((row) => row.definition);
  const names = created.map(
    (definition) => `**${escapeMarkdown(definition.name)}**${definition.enabled ? '' : ' (disabled)'}`,
  );
  const pingProblems = new Set(
    created.flatMap((definition) => pingWarnings(interaction, channelId, definition.ping)),
  );
  const notice =
    noticeText(
      `Imported ${created.length === 1 ? 'one tracker' : `${created.length} trackers`} posting in <#${channelId}>: ${joinWithinLimit(names, ', ', 1200)}.`,
      channelAccessWarning(interaction, channelId),
      ...pingProblems,
    ) ?? '';
  return truncateMarkdown(notice, DISCORD_LIMITS.content);
}

export async function executeImport(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const attachment = interaction.options.getAttachment('file', true);
  const channelId = interaction.options.getChannel('channel', true).id;
  await answerDeferred(interaction, async () => ({
    content: await importTrackers(interaction, ctx, attachment, channelId),
  }));
}
