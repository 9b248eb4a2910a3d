// A test post: one sample alert in the tracker's channel now, through the same sender as live alerts and
// with the real pings, so the admin sees that the bot can post and ping there. Discord's refusals come
// back as advice.
import type { TrackerRow } from '../db/tracker-repository.ts';
import { normalizeKillmail, pingForKill } from '../engine/index.ts';
import { UserError } from '../user-error.ts';
import { renderSampleAlert } from './alert-sample.ts';
import { noticeText } from './change.ts';
import type { HistoryDeps, TestPostDeps } from './deps.ts';
import { type MatchedKillmail, scanHistory, singleTrackerMatcher } from './history.ts';
import { checkTestChannel, type MemberRights, pingWithinRights } from './member-rights.ts';
import { describePing } from './ping.ts';

const SEARCH_MS = 24 * 60 * 60 * 1000;

export const NO_KILLMAILS_MESSAGE =
  'No killmails are stored yet, so there is nothing to post as a sample. The bot stores every killmail it receives from zKillboard (about one every few seconds): try again in a minute.';

/** The newest stored killmail the tracker matches (last 24 h), else the newest killmail at all. */
async function sampleKillmail(
  deps: HistoryDeps,
  row: TrackerRow,
): Promise<MatchedKillmail & { matched: boolean }> {
  const scan = await scanHistory(deps, row, {
    since: new Date(deps.now() - SEARCH_MS),
    keep: 1,
    stopAfter: 1,
  });
  const found = scan.newest[0];
  if (found) return { ...found, matched: true };
  const document = await deps.killmails.newest();
  if (!document) throw new UserError(NO_KILLMAILS_MESSAGE);
  const killmail = normalizeKillmail(document, deps.world());
  // Matched without conditions, for the jumps, distance and fleet facts the alert shows.
  const match = singleTrackerMatcher(deps, { ...row.definition, clauses: {} }, row.guildId).match(killmail);
  if (!match) throw new Error(`a tracker without conditions did not match killmail ${killmail.id}`);
  return { killmail, match: { ...match, tracker: row.definition }, matched: false };
}

/**
 * Posts the sample; resolves with a notice for the admin, or throws a UserError saying what to fix. It
 * goes only where the member could post, and pings only what they could ping there (checked now: their
 * roles may have changed since the pings were set).
 */
export async function postTestAlert(
  deps: TestPostDeps,
  row: TrackerRow,
  rights: MemberRights,
): Promise<string> {
  const here = rights(row.channelId);
  checkTestChannel(here);
  const sample = await deps.historyScans.run(row.guildId, () => sampleKillmail(deps, row));
  // The pings a live alert of this kill would make (its ping rules decide them when set).
  const { ping, withheld } = pingWithinRights(here, pingForKill(row.definition, sample.killmail));
  const { ping_rules: _rules, ...settings } = row.definition;
  const tracker = { ...settings, ping };
  const body = await renderSampleAlert(deps, sample.killmail, [{ ...sample.match, tracker }], true);
  const result = await deps.sender.send(row.channelId, body, `t${row.id}-${deps.now().toString(36)}`);
  if (!result.ok) {
    const { failure } = result;
    throw new UserError(
      failure.kind === 'channel'
        ? `The bot could not post in <#${row.channelId}>. ${failure.reason}`
        : `Discord did not take the test alert (${failure.reason}). Try again in a minute.`,
    );
  }
  const pinged = describePing(ping);
  return (
    noticeText(
      `Posted a test alert in <#${row.channelId}> (killmail ${sample.killmail.id}, ${sample.matched ? 'the newest it matched' : 'the newest stored: none of the last 24 hours matched'}).`,
      pinged === 'nobody' ? undefined : `It pinged ${pinged}: check that they were notified.`,
      withheld.length > 0 &&
        `It did not ping ${withheld.join(', ')}: you could not ping ${withheld.length === 1 ? 'it' : 'them'} yourself in <#${row.channelId}> (alerts still do, as set).`,
      row.disabledReason !== null && 'The bot can post there again: press Enable to resume alerts.',
    ) ?? ''
  );
}
