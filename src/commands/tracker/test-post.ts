// /tracker test tracker and the editor's Test post button: posts one sample alert to the tracker's channel
// now, through the same sender as live alerts and with the real pings, so the admin sees that the bot
// can post and ping there. Discord's refusals come back as advice.
import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { normalizeKillmail } from '../../engine/killmail/normalize.ts';
import { renderSampleAlert } from './alert-sample.ts';
import { pingWarnings } from './bot-access.ts';
import { answerDeferred } from './deferred-reply.ts';
import { noticeText } from './editor-reply.ts';
import { type MatchedKillmail, scanHistory, singleTrackerMatcher } from './history-scan.ts';
import { describePing } from './ping-setting.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

const SEARCH_MS = 24 * 60 * 60 * 1000;

export const NO_KILLMAILS_MESSAGE =
  'No killmails are stored yet, so there is nothing to post as a sample. The bot stores every killmail it receives from zKillboard (about one every few seconds): try again in a minute.';

/** The newest stored killmail the tracker matches (last 24 h), else the newest killmail at all. */
async function sampleKillmail(
  ctx: BotContext,
  row: TrackerRow,
): Promise<MatchedKillmail & { matched: boolean }> {
  const scan = await scanHistory(ctx, row, { since: new Date(ctx.now() - SEARCH_MS), keep: 1, stopAfter: 1 });
  const found = scan.newest[0];
  if (found) return { ...found, matched: true };
  const document = await ctx.killmails.newest();
  if (!document) throw new UserError(NO_KILLMAILS_MESSAGE);
  const killmail = normalizeKillmail(document, ctx.world());
  // Matched without conditions, for the jumps, distance and fleet facts the alert shows.
  const match = singleTrackerMatcher(ctx, { ...row.definition, clauses: {} }, row.guildId).match(killmail);
  if (!match) throw new Error(`a tracker without conditions did not match killmail ${killmail.id}`);
  return { killmail, match: { ...match, tracker: row.definition }, matched: false };
}

/** Posts the sample; resolves with a notice for the admin, or throws a UserError saying what to fix. */
export async function postTestAlert(
  interaction: BaseInteraction<'cached' | 'raw'>,
  ctx: BotContext,
  row: TrackerRow,
): Promise<string> {
  const sample = await sampleKillmail(ctx, row);
  const body = await renderSampleAlert(ctx, sample.killmail, [sample.match], true);
  const result = await ctx.sender.send(row.channelId, body, `t${row.id}-${ctx.now().toString(36)}`);
  if (!result.ok) {
    const { failure } = result;
    throw new UserError(
      failure.kind === 'channel'
        ? `The bot could not post in <#${row.channelId}>. ${failure.reason}`
        : `Discord did not take the test alert (${failure.reason}). Try again in a minute.`,
    );
  }
  const ping = describePing(row.definition.ping);
  return (
    noticeText(
      `Posted a test alert in <#${row.channelId}> (killmail ${sample.killmail.id}, ${sample.matched ? 'the newest it matched' : 'the newest stored: none of the last 24 hours matched'}).`,
      ping === 'nobody' ? undefined : `It pinged ${ping}: check that they were notified.`,
      row.disabledReason !== null && 'The bot can post there again: press Enable to resume alerts.',
      ...pingWarnings(interaction, row.channelId, row.definition.ping),
    ) ?? ''
  );
}

export async function executeTest(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  await answerDeferred(interaction, async () => ({ content: await postTestAlert(interaction, ctx, row) }));
}
