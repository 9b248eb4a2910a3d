// A tracker's digest: daily or weekly at an hour (UTC), or none; and one wording of it for every answer.
import type { TrackerRow } from '../db/tracker-repository.ts';
import type { DigestPeriod, TrackerDefinition } from '../engine/index.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import type { TrackerChange } from './change.ts';
import type { TrackerStore } from './deps.ts';
import { updateTracker } from './save.ts';

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00 UTC`;
}

/** "daily at 18:00 UTC", "weekly on Mondays at 00:00 UTC" or "off". */
export function describeDigest(definition: Pick<TrackerDefinition, 'digest' | 'digest_hour'>): string {
  const hour = hourText(definition.digest_hour ?? 0);
  if (definition.digest === 'daily') return `daily at ${hour}`;
  if (definition.digest === 'weekly') return `weekly on Mondays at ${hour}`;
  return 'off';
}

export async function setDigest(
  deps: TrackerStore,
  row: TrackerRow,
  period: DigestPeriod | 'off',
  hour: number | undefined,
): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (definition) => {
    const { digest: _digest, digest_hour: _hour, ...rest } = definition;
    if (period === 'off') return rest;
    return { ...rest, digest: period, digest_hour: hour ?? definition.digest_hour ?? 0 };
  });
  const name = `**${escapeMarkdown(saved.name)}**`;
  return {
    row: saved,
    notice:
      period === 'off'
        ? `${name} sends no digest.`
        : `${name} posts a digest ${describeDigest(saved.definition)} in <#${saved.channelId}>, covering the ${period === 'daily' ? '24 hours' : '7 days'} before.`,
  };
}
