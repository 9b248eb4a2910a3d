// A tracker's digest for a period: its matches among the stored killmails of the period (matched as the
// live matcher would, at each kill's own time), the figures, names from the cache or ESI, and the chart.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { KillmailHistory } from '../db/killmail-history.ts';
import type { TrackerRow } from '../db/tracker-repository.ts';
import { renderDigestChart } from './digest-chart.ts';
import type { MessageFile } from './discord-sender.ts';
import {
  computeDigest,
  createMatcher,
  DIGEST_CHART_FILE,
  type DigestFigures,
  type DigestWindow,
  type Killmail,
  normalizeKillmail,
  renderDigest,
} from '../engine/index.ts';
import { nameLookup } from './alert-names.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import type { ItemCatalog, Universe } from '../engine/universe/index.ts';

export interface DigestDeps {
  killmailHistory: KillmailHistory;
  world: () => { universe: Universe; catalog: ItemCatalog };
  nameResolver: NameResolver;
  log: Logger;
}

export interface DigestMessage {
  figures: DigestFigures;
  body: RESTPostAPIChannelMessageJSONBody;
  files: MessageFile[];
}

const NAMES_DEADLINE_MS = 3000;

/** The tracker's matches in the window, oldest first. */
async function matchesIn(deps: DigestDeps, row: TrackerRow, window: DigestWindow): Promise<Killmail[]> {
  const world = deps.world();
  const matcher = createMatcher({ universe: world.universe, defaultMaxAgeMinutes: 0 });
  // Enabled whatever its state: an admin may ask for the digest of a paused tracker.
  matcher.set('digest', { ...row.definition, enabled: true }, { guildId: row.guildId });
  const matched: Killmail[] = [];
  for await (const page of deps.killmailHistory.killedBetween(new Date(window.start), new Date(window.end))) {
    for (const document of page) {
      let killmail: Killmail;
      try {
        killmail = normalizeKillmail(document, world);
      } catch (error) {
        deps.log.warn({ err: error, killmail: document.killmail_id }, 'stored killmail unreadable; skipped');
        continue;
      }
      if (matcher.match(killmail, { now: killmail.time }).length > 0) matched.push(killmail);
    }
  }
  return matched;
}

export async function buildDigest(
  deps: DigestDeps,
  row: TrackerRow,
  window: DigestWindow,
): Promise<DigestMessage> {
  const figures = computeDigest(row.definition, await matchesIn(deps, row, window), window);
  const ids = [
    ...figures.topPilots.map((entry) => entry.id),
    ...figures.topCorporations.map((entry) => entry.id),
  ];
  const resolved = await deps.nameResolver.resolve(ids, { deadlineMs: NAMES_DEADLINE_MS });
  const { universe, catalog } = deps.world();
  const png = await renderDigestChart(figures);
  const body = renderDigest({
    tracker: row.definition,
    figures,
    names: nameLookup(resolved),
    universe,
    catalog,
    chart: true,
  });
  return { figures, body, files: [{ name: DIGEST_CHART_FILE, data: png, contentType: 'image/png' }] };
}
