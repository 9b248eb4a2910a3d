// Enabling and disabling a tracker. Enabling clears a delivery failure (the admin says it is fixed) and
// warns when the tracker would post every killmail.
import type { TrackerRow } from '../db/tracker-repository.ts';
import { setsCondition, type TrackerDefinition } from '../engine/index.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import { noticeText, type TrackerChange } from './change.ts';
import type { TrackerStore } from './deps.ts';
import { updateTracker } from './save.ts';

export const EVERY_KILLMAIL_WARNING =
  '⚠️ It has no conditions, so it posts EVERY killmail (about 15,000 a day). Add conditions, or disable it again.';

/** Whether any clause narrows the tracker. */
function hasConditions(definition: TrackerDefinition): boolean {
  return Object.values(definition.clauses).some(setsCondition);
}

export async function setEnabled(
  deps: TrackerStore,
  row: TrackerRow,
  enabled: boolean,
): Promise<TrackerChange> {
  const name = `**${escapeMarkdown(row.name)}**`;
  if (!enabled) {
    if (!row.definition.enabled) return { row, notice: `${name} is already disabled.` };
    const saved = await updateTracker(deps, row, (definition) => ({ ...definition, enabled: false }));
    return { row: saved, notice: `Disabled ${name}: it posts nothing until you enable it again.` };
  }
  const fixed = row.disabledReason !== null;
  const saved =
    row.definition.enabled && !fixed
      ? row
      : await updateTracker(deps, row, (definition) => ({ ...definition, enabled: true }), {
          disabledReason: null,
        });
  const notice = noticeText(
    saved === row
      ? `${name} is already enabled.`
      : `Enabled ${name}: matching killmails now post in <#${saved.channelId}>.`,
    !hasConditions(saved.definition) && EVERY_KILLMAIL_WARNING,
  );
  return { row: saved, notice: notice ?? '' };
}
