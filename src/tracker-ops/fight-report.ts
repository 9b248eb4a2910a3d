// The fight report setting: kills of one fight gather into one message edited in place instead of one
// alert each (the fight's first kill is still alerted, with its pings).
import type { TrackerRow } from '../db/tracker-repository.ts';
import type { TrackerChange } from './change.ts';
import type { TrackerStore } from './deps.ts';
import { updateTracker } from './save.ts';

export function fightReportEnabled(row: TrackerRow): boolean {
  return row.definition.fight_report === true;
}

/** Switches fight reports on or off; off removes the key, so exports only carry it when on. */
export async function setFightReport(
  deps: TrackerStore,
  row: TrackerRow,
  on: boolean,
): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (definition) => {
    const { fight_report: _previous, ...rest } = definition;
    return on ? { ...rest, fight_report: true } : rest;
  });
  return {
    row: saved,
    notice: on
      ? 'Fight reports on: the first kill of a fight is alerted, then the fight is shown in one report edited as kills arrive.'
      : 'Fight reports off: every kill gets its own alert.',
  };
}
