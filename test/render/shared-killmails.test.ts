import { expect, it } from 'vitest';
import { ItemCatalog } from '../../src/engine/catalog.ts';
import { findMainGroup, findMainShipGroup } from '../../src/engine/fleet.ts';
import { normalizeKillmail } from '../../src/engine/killmail/normalize.ts';
import { parseKillmailDocument } from '../../src/engine/killmail/parse.ts';
import { renderAlert } from '../../src/engine/render/index.ts';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import {
  describeWithSharedData,
  sharedCatalogData,
  sharedKillmailLines,
  sharedUniverseData,
} from '../helpers/shared-data.ts';
import { buildMatch } from './fixtures.ts';
import { expectValidMessage } from './markdown-checks.ts';

describeWithSharedData('alert rendering of real killmails', () => {
  it('GIVEN every real killmail, the full universe and catalog, and no resolved names THEN each alert is valid and names every ship and system', () => {
    const universe = createUniverse(sharedUniverseData());
    const catalog = new ItemCatalog(sharedCatalogData());
    const lines = [
      ...sharedKillmailLines('insight-2018.jsonl'),
      ...sharedKillmailLines('zk-activity-labelled.jsonl'),
    ];
    let rendered = 0;
    for (const line of lines) {
      const parsed = parseKillmailDocument(line);
      if (!parsed.ok) continue;
      const killmail = normalizeKillmail(parsed.document, { universe, catalog });
      const match = buildMatch(
        { origin_solar_system_id: 30003067, ping: { everyone: false, here: true, roles: [] } },
        {
          jumps: universe.jumps(30003067, killmail.solarSystemId),
          distanceLy: universe.distanceLy(30003067, killmail.solarSystemId),
          mainGroup: findMainGroup(killmail),
          mainShipGroup: findMainShipGroup(killmail),
        },
      );
      const message = renderAlert({ killmail, matches: [match], names: () => undefined, universe, catalog });
      expectValidMessage(message);
      const embed = message.embeds?.[0];
      expect(embed?.title).not.toMatch(/Type \d+|System \d+/);
      expect(JSON.stringify(message)).not.toMatch(/undefined|NaN/);
      rendered += 1;
    }
    expect(rendered).toBeGreaterThan(800);
  });
});
