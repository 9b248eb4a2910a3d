// A tracker's own alert title ("none" = the default "Rifter destroyed in Huola"): saved, then shown as the
// newest stored kill would read with it, so the admin sees the placeholders filled before an alert comes.
import type { TrackerRow } from '../db/tracker-repository.ts';
import { normalizeKillmail, type TrackerDefinition } from '../engine/index.ts';
import { escapeMarkdown, TITLE_PLACEHOLDERS, unknownTitlePlaceholders } from '../engine/render/index.ts';
import { renderSampleAlert } from './alert-sample.ts';
import { noticeText, type TrackerChange } from './change.ts';
import type { HistoryDeps } from './deps.ts';
import { singleTrackerMatcher } from './history.ts';
import { updateTracker } from './save.ts';

const CLEAR = new Set(['', 'none', 'default', 'clear']);

export const PLACEHOLDER_LIST = Object.keys(TITLE_PLACEHOLDERS)
  .map((name) => `{${name}}`)
  .join(', ');

/** The title the newest stored killmail would get from this tracker, as Discord will show it. */
async function titlePreview(
  deps: HistoryDeps,
  tracker: TrackerDefinition,
  guildId: string,
): Promise<string | undefined> {
  const document = await deps.killmails.newest();
  if (!document) return undefined;
  try {
    const killmail = normalizeKillmail(document, deps.world());
    const match = singleTrackerMatcher(deps, { ...tracker, clauses: {} }, guildId).match(killmail);
    if (!match) return undefined;
    const body = await renderSampleAlert(deps, killmail, [{ ...match, tracker }], false);
    return body.embeds?.[0]?.title;
  } catch (error) {
    deps.log.warn({ err: error, killmail: document.killmail_id }, 'title preview failed; shown without one');
    return undefined;
  }
}

/** Sets the alert title ("none" or nothing clears it), with a preview and a word on unknown placeholders. */
export async function setTitle(deps: HistoryDeps, row: TrackerRow, text: string): Promise<TrackerChange> {
  const title = text.trim();
  const clear = CLEAR.has(title.toLowerCase());
  const saved = await updateTracker(deps, row, (definition) => {
    const { title: _previous, ...rest } = definition;
    return clear ? rest : { ...rest, title };
  });
  const name = `**${escapeMarkdown(saved.name)}**`;
  const preview = await titlePreview(deps, saved.definition, saved.guildId);
  const unknown = clear ? [] : unknownTitlePlaceholders(title);
  const notice = noticeText(
    clear
      ? `Alerts of ${name} have the default title again.`
      : `Alerts of ${name} are now titled “${escapeMarkdown(title)}”.`,
    unknown.length > 0 &&
      `${escapeMarkdown(unknown.join(', '))} ${unknown.length === 1 ? 'is not a placeholder and shows' : 'are not placeholders and show'} as typed. Placeholders: ${PLACEHOLDER_LIST}.`,
    preview === undefined
      ? !clear && `Placeholders (${PLACEHOLDER_LIST}) are filled in from each kill.`
      : `The newest stored kill would read:\n> ${preview}`,
  );
  return { row: saved, notice: notice ?? '' };
}
