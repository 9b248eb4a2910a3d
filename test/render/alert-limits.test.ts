import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/engine/catalog.ts';
import { DISCORD_LIMITS, embedLength, renderAlert } from '../../src/engine/render/index.ts';
import type { SolarSystemInfo } from '../../src/engine/universe/types.ts';
import { buildMatch } from './fixtures.ts';
import { buildAttacker, buildKillmail, HUOLA } from './killmail-builder.ts';
import { expectValidMessage } from './markdown-checks.ts';

// Names far past anything ESI returns, full of characters that double when escaped.
const longHostile = (seed: string) => `${seed} **[x](http://y)** @everyone `.repeat(40);

const SHIP_TYPE_COUNT = 300;
const hugeCatalog = new ItemCatalog({
  types: Array.from({ length: SHIP_TYPE_COUNT }, (_, index) => ({
    id: 1000 + index,
    name: `Ship_${index}_${'*'.repeat(60)}`,
    groupId: 1,
    published: true,
  })),
  groups: [{ id: 1, name: `Group ${'~'.repeat(400)}`, categoryId: 6, published: true }],
  categories: [{ id: 6, name: 'Ship', published: true }],
});

const longSystemName = `Sys ${'('.repeat(300)}`;
const hugeUniverse = {
  system: (id: number): SolarSystemInfo => ({
    id,
    name: `${longSystemName}${id}`,
    constellationId: 0,
    regionId: 0,
    security: 0.5,
    x: 0,
    y: 0,
    z: 0,
    spaceClass: 'high_sec',
    constellationName: null,
    regionName: `Region ${'|'.repeat(500)}`,
  }),
};

describe('alert within every Discord limit', () => {
  it('GIVEN very long hostile names, 200 trackers with their own origins and 300 tracked ship types THEN every limit holds', () => {
    const attackers = Array.from({ length: SHIP_TYPE_COUNT }, (_, index) =>
      buildAttacker({
        characterId: 2112000001 + index,
        shipTypeId: 1000 + index,
        shipGroupId: 1,
        finalBlow: index === 0,
      }),
    );
    const matches = Array.from({ length: 200 }, (_, index) =>
      buildMatch(
        {
          name: `Tracker ${index} ${longHostile('t')}`,
          title: longHostile('title'),
          color: '#123456',
          origin_solar_system_id: 30000000 + index,
          ping: { everyone: index === 5, here: false, roles: [`${900000000000000000n + BigInt(index)}`] },
        },
        {
          jumps: index,
          distanceLy: index / 3,
          mainGroup: { kind: 'alliance', id: 99000001, count: 250 },
          mainShipGroup: { groupId: 1, count: 250 },
          matchedShipTypeIds: attackers.map((attacker) => attacker.shipTypeId ?? 0),
        },
      ),
    );
    const names = (kind: string, id: number) => `${kind} ${id} ${longHostile('name')}`;
    const message = renderAlert({
      killmail: buildKillmail({
        attackers,
        solo: true,
        npc: true,
        war: true,
        awox: true,
        solarSystemId: HUOLA,
      }),
      matches,
      names,
      universe: hugeUniverse,
      catalog: hugeCatalog,
    });

    expectValidMessage(message);
    const embed = message.embeds?.[0];
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    // The tracker's title is escaped, and a cut never splits an escape: it fills the limit to within one.
    expect(embed?.title?.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed?.title?.length).toBeGreaterThanOrEqual(DISCORD_LIMITS.title - 2);
    expect(embed?.title).toMatch(/^title \\\*\\\*\\\[x\\\]/);
    expect(embed?.fields?.find((field) => field.name === 'Tracked ships')?.value).toMatch(/\+\d+ more$/);
    expect(embed?.fields?.find((field) => field.name === 'From origins')?.value).toMatch(/^\*\*Tracker 0 /);
    expect(message.allowed_mentions?.parse).toEqual(['everyone']);
    expect(JSON.stringify(message)).not.toMatch(/@everyone\*|<@&\d+> \*/);
  });

  it('GIVEN parts that each fit but together exceed 6000 characters THEN the longest are shrunk cleanly', () => {
    const matches = Array.from({ length: 200 }, (_, index) =>
      buildMatch(
        { name: `Watch list number ${index} ${'w'.repeat(90)}`, origin_solar_system_id: 30000000 + index },
        {
          jumps: index,
          distanceLy: null,
          matchedShipTypeIds: [1000 + index],
          mainGroup: { kind: 'corporation', id: 98000001, count: 150 },
          mainShipGroup: { groupId: 1, count: 150 },
        },
      ),
    );
    const attackers = Array.from({ length: 200 }, (_, index) =>
      buildAttacker({ shipTypeId: 1000 + index, finalBlow: index === 0 }),
    );
    const message = renderAlert({
      killmail: buildKillmail({ attackers }),
      matches,
      names: () => '*'.repeat(200),
      universe: hugeUniverse,
      catalog: hugeCatalog,
    });
    expectValidMessage(message);
    const embed = message.embeds?.[0] ?? {};
    expect(embedLength(embed)).toBeGreaterThan(DISCORD_LIMITS.embedTotal - 100);
    expect(embed.footer?.text.length).toBeLessThan(DISCORD_LIMITS.footer);
    expect(embed.footer?.text.endsWith('…')).toBe(true);
  });
});
