import type { APIEmbed, APIEmbedField, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Killmail } from '../../src/engine/killmail/types.ts';
import { type AlertInput, DEFAULT_ALERT_COLOR, renderAlert } from '../../src/engine/render/index.ts';
import type { TrackerMatch } from '../../src/engine/tracker/types.ts';
import {
  ABYSSAL_SYSTEM,
  ASTRAHUS,
  buildMatch,
  CITADEL,
  catalog,
  DEVOTER,
  EGBINGER,
  JITA,
  nameLookup,
  universe,
} from './fixtures.ts';
import { buildAttacker, buildKillmail, HUOLA, INTERDICTOR, SABRE } from './killmail-builder.ts';
import { expectValidMessage } from './markdown-checks.ts';

function render(input: Partial<AlertInput> & { killmail?: Killmail; matches?: TrackerMatch[] } = {}) {
  const message = renderAlert({
    killmail: buildKillmail(),
    matches: [buildMatch()],
    names: nameLookup(),
    universe,
    catalog,
    ...input,
  });
  expectValidMessage(message);
  return message;
}

function embedOf(message: RESTPostAPIChannelMessageJSONBody): APIEmbed {
  expect(message.embeds).toHaveLength(1);
  return message.embeds?.[0] as APIEmbed;
}

function fieldValue(embed: APIEmbed, name: string): string | undefined {
  return embed.fields?.find((field: APIEmbedField) => field.name === name)?.value;
}

describe('alert embed: the kill', () => {
  const killTime = Date.UTC(2026, 10, 20, 18, 30, 0);
  const embed = embedOf(
    render({ killmail: buildKillmail({ id: 987654321, time: killTime, value: 1_234_000_000 }) }),
  );

  it('GIVEN a Rifter lost in Huola THEN the default title says so and links the zKillboard kill page', () => {
    expect(embed.title).toBe('Rifter destroyed in Huola');
    expect(embed.url).toBe('https://zkillboard.com/kill/987654321/');
  });

  it('THEN the victim is the author with portrait and zKillboard page', () => {
    expect(embed.author).toEqual({
      name: 'Victim Pilot',
      url: 'https://zkillboard.com/character/2112000100/',
      icon_url: 'https://images.evetech.net/characters/2112000100/portrait?size=64',
    });
  });

  it('THEN the victim field links pilot, corporation and alliance', () => {
    expect(fieldValue(embed, 'Victim')).toBe(
      [
        '[Victim Pilot](https://zkillboard.com/character/2112000100/)',
        '[Victim Corp](https://zkillboard.com/corporation/98000100/)',
        '[Victim Alliance](https://zkillboard.com/alliance/99000100/)',
      ].join('\n'),
    );
  });

  it('THEN the ship is named with its group and its render is the thumbnail', () => {
    expect(fieldValue(embed, 'Ship')).toBe('[Rifter](https://zkillboard.com/ship/587/)\nFrigate');
    expect(embed.thumbnail?.url).toBe('https://images.evetech.net/types/587/render?size=128');
  });

  it('THEN the system links to Dotlan with its displayed security and region', () => {
    expect(fieldValue(embed, 'System')).toBe(
      '[Huola](https://evemaps.dotlan.net/system/Huola) (0.4)\nThe Bleak Lands',
    );
  });

  it('THEN value, final blow and attacker count are shown', () => {
    expect(fieldValue(embed, 'Value')).toBe('1.23b');
    expect(fieldValue(embed, 'Final blow')).toBe(
      [
        '[Hunter Pilot](https://zkillboard.com/character/2112000001/)',
        '[Hunter Corp](https://zkillboard.com/corporation/98000001/)',
        'Sabre',
      ].join('\n'),
    );
    expect(fieldValue(embed, 'Attackers')).toBe('1');
  });

  it('THEN the kill time is the embed timestamp and a relative Discord timestamp', () => {
    expect(embed.timestamp).toBe('2026-11-20T18:30:00.000Z');
    expect(embed.description).toContain(`Killed <t:${killTime / 1000}:R>`);
  });

  it('THEN without a tracker colour the default colour is used, and the footer names the tracker', () => {
    expect(embed.color).toBe(DEFAULT_ALERT_COLOR);
    expect(embed.footer?.text).toBe('Tracker: Huola watch');
  });

  it('THEN no detection fields appear when the match detected nothing', () => {
    const names = embed.fields?.map((field) => field.name);
    expect(names).toEqual(['Victim', 'Ship', 'System', 'Value', 'Final blow', 'Attackers']);
  });
});

describe('alert embed: systems and values', () => {
  it('GIVEN a system with security 0.03 THEN it shows 0.1', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ solarSystemId: EGBINGER }) }));
    expect(fieldValue(embed, 'System')).toBe(
      '[Egbinger](https://evemaps.dotlan.net/system/Egbinger) (0.1)\nPlacid',
    );
  });

  it('GIVEN an abyssal system THEN it links to zKillboard, which has a page for it', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ solarSystemId: ABYSSAL_SYSTEM }) }));
    expect(fieldValue(embed, 'System')).toMatch(
      /^\[AD001\]\(https:\/\/zkillboard\.com\/system\/32000001\/\) \(-1\.0\)/,
    );
  });

  it('GIVEN a system name with spaces and parentheses THEN the Dotlan link uses underscores and stays one link', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ solarSystemId: 30000001 }) }));
    expect(fieldValue(embed, 'System')).toContain(
      '[Old Man \\(Test\\) Star](https://evemaps.dotlan.net/system/Old_Man_%28Test%29_Star)',
    );
  });

  it('GIVEN a system the universe does not know THEN it shows its id linked to zKillboard', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ solarSystemId: 30999999 }) }));
    expect(fieldValue(embed, 'System')).toBe('[System 30999999](https://zkillboard.com/system/30999999/)');
    expect(embed.title).toBe('Rifter destroyed in System 30999999');
  });

  it('GIVEN no value from zKillboard THEN the value reads "unknown"', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ value: undefined }) }));
    expect(fieldValue(embed, 'Value')).toBe('unknown');
  });

  it('GIVEN a ship type newer than the SDE THEN it is shown by id, never "undefined"', () => {
    const embed = embedOf(
      render({ killmail: buildKillmail({ victim: { shipTypeId: 99999, shipGroupId: undefined } }) }),
    );
    expect(fieldValue(embed, 'Ship')).toBe('[Type 99999](https://zkillboard.com/ship/99999/)');
    expect(embed.title).toBe('Type 99999 destroyed in Huola');
    expect(embed.thumbnail?.url).toBe('https://images.evetech.net/types/99999/render?size=128');
  });

  it('GIVEN a structure without a pilot THEN the corporation is the author and the thumbnail is an icon', () => {
    const killmail = buildKillmail({
      victim: { characterId: undefined, allianceId: undefined, shipTypeId: ASTRAHUS, shipGroupId: CITADEL },
    });
    const embed = embedOf(render({ killmail }));
    expect(embed.author).toEqual({
      name: 'Victim Corp',
      url: 'https://zkillboard.com/corporation/98000100/',
      icon_url: 'https://images.evetech.net/corporations/98000100/logo?size=64',
    });
    expect(embed.thumbnail?.url).toBe('https://images.evetech.net/types/35832/icon?size=128');
    expect(fieldValue(embed, 'Victim')).toBe('[Victim Corp](https://zkillboard.com/corporation/98000100/)');
  });

  it('GIVEN an NPC final blow with only ship and faction THEN the faction and ship are shown', () => {
    const npc = buildAttacker({
      characterId: undefined,
      corporationId: undefined,
      allianceId: undefined,
      factionId: 500010,
      shipTypeId: DEVOTER,
      finalBlow: true,
    });
    const embed = embedOf(render({ killmail: buildKillmail({ attackers: [npc], npc: true }) }));
    expect(fieldValue(embed, 'Final blow')).toBe(
      '[Faction 500010](https://zkillboard.com/faction/500010/)\nDevoter',
    );
    expect(embed.description).toContain('**NPC kill**');
  });

  it('GIVEN a killmail without a final blow attacker THEN the final blow reads "unknown"', () => {
    const embed = embedOf(
      render({ killmail: buildKillmail({ attackers: [buildAttacker({ finalBlow: false })] }) }),
    );
    expect(fieldValue(embed, 'Final blow')).toBe('unknown');
  });

  it('GIVEN an unusable kill time THEN the alert has no timestamp instead of failing', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ time: Number.NaN }) }));
    expect(embed.timestamp).toBeUndefined();
    expect(embed.description ?? '').not.toContain('<t:');
  });
});

describe('alert embed: names', () => {
  it('GIVEN names not resolved yet THEN ids are shown linked to zKillboard, never "undefined"', () => {
    const message = render({ names: () => undefined });
    const embed = embedOf(message);
    expect(embed.author?.name).toBe('Character 2112000100');
    expect(fieldValue(embed, 'Victim')).toBe(
      [
        '[Character 2112000100](https://zkillboard.com/character/2112000100/)',
        '[Corporation 98000100](https://zkillboard.com/corporation/98000100/)',
        '[Alliance 99000100](https://zkillboard.com/alliance/99000100/)',
      ].join('\n'),
    );
    expect(JSON.stringify(message)).not.toMatch(/undefined|null|NaN/);
  });

  it('GIVEN hostile pilot and corporation names THEN none pings, mentions, formats or links', () => {
    const hostile = nameLookup([
      ['character', 2112000100, '@everyone'],
      ['corporation', 98000100, '<@123>'],
      ['alliance', 99000100, '**bold**'],
      ['character', 2112000001, '[link](http://x)'],
      ['corporation', 98000001, '<@&456> @here'],
    ]);
    const message = render({ names: hostile });
    const embed = embedOf(message);
    const victim = fieldValue(embed, 'Victim') ?? '';
    expect(victim).toContain('[@\u200beveryone](https://zkillboard.com/character/2112000100/)');
    expect(victim).toContain('[\\<@\u200b123\\>](https://zkillboard.com/corporation/98000100/)');
    expect(victim).toContain('[\\*\\*bold\\*\\*](https://zkillboard.com/alliance/99000100/)');
    expect(fieldValue(embed, 'Final blow')).toContain(
      '[\\[link\\]\\(http\\:\\/\\/x\\)](https://zkillboard.com/character/2112000001/)',
    );
    expect(embed.author?.name).toBe('@\u200beveryone');
    const everything = JSON.stringify(message);
    expect(everything).not.toMatch(/@everyone|@here|<@123>|<@&456>/);
    expect(message.allowed_mentions).toEqual({ parse: [], roles: [] });
  });
});

describe('alert embed: trackers', () => {
  it('GIVEN a tracker with its own title and colour THEN they replace the defaults', () => {
    const embed = embedOf(
      render({ matches: [buildMatch({ title: 'Hostile tackle near home', color: '#ff5500' })] }),
    );
    expect(embed.title).toBe('Hostile tackle near home');
    expect(embed.color).toBe(0xff5500);
  });

  it.each([
    ['{victim}', 'Victim Pilot'],
    ['{ship}', 'Rifter'],
    ['{system}', 'Huola'],
    ['{value}', '31.75m'],
  ])('GIVEN a title with the placeholder %s THEN the alert shows %s in its place', (placeholder, shown) => {
    const embed = embedOf(
      render({
        killmail: buildKillmail({ value: 31_750_000 }),
        matches: [buildMatch({ title: `Kill, ${placeholder} !` })],
      }),
    );
    expect(embed.title).toBe(`Kill, ${shown} !`);
  });

  it('GIVEN placeholders in any case, unknown words in braces and a structure without a pilot THEN known ones are filled, the rest shows as typed', () => {
    const embed = embedOf(
      render({
        killmail: buildKillmail({
          value: undefined,
          victim: { characterId: undefined, shipTypeId: ASTRAHUS, shipGroupId: CITADEL },
        }),
        matches: [buildMatch({ title: '{SHIP} of {Victim} in {system} ({value}) {pilot}' })],
      }),
    );
    expect(embed.title).toBe('Astrahus of Victim Corp in Huola \\(unknown\\) {pilot}');
  });

  it('GIVEN a title and names with markdown, mentions and line breaks THEN they show as typed and ping nobody', () => {
    const message = render({
      matches: [buildMatch({ title: '**Big** kill by {victim}\n@everyone <@&456> [link](https://x.y)' })],
      names: nameLookup([['character', 2112000100, '@here _pilot_']]),
    });
    const embed = embedOf(message);
    expect(embed.title).toBe(
      '\\*\\*Big\\*\\* kill by @\u200bhere \\_pilot\\_ @\u200beveryone \\<@\u200b&456\\> \\[link\\]\\(https\\:\\/\\/x.y\\)',
    );
    expect(message.allowed_mentions).toEqual({ parse: [], roles: [] });
  });

  it('GIVEN a 256-character title whose placeholders fill in longer THEN the alert title stays within 256 characters', () => {
    const embed = embedOf(
      render({ matches: [buildMatch({ title: `${'x'.repeat(240)} {victim} {system}` })] }),
    );
    expect(embed.title?.length).toBeLessThanOrEqual(256);
    expect(embed.title).toMatch(/^x{240} Victim Pilot/);
  });

  it('GIVEN several trackers THEN the first that sets a colour or title wins', () => {
    const embed = embedOf(
      render({
        matches: [
          buildMatch({ name: 'A' }),
          buildMatch({ name: 'B', color: '#00ff00', title: 'From B' }),
          buildMatch({ name: 'C', color: '#0000ff', title: 'From C' }),
        ],
      }),
    );
    expect(embed.color).toBe(0x00ff00);
    expect(embed.title).toBe('From B');
    expect(embed.footer?.text).toBe('Trackers: A, B, C');
  });

  it('GIVEN a malformed colour THEN the default colour is used', () => {
    const embed = embedOf(render({ matches: [buildMatch({ color: 'orange' })] }));
    expect(embed.color).toBe(DEFAULT_ALERT_COLOR);
  });

  it('GIVEN a detected main group and ship class THEN both are shown with their share of attackers', () => {
    const attackers = [
      buildAttacker({ finalBlow: true }),
      buildAttacker(),
      buildAttacker(),
      buildAttacker({ allianceId: 99000002, shipTypeId: DEVOTER, shipGroupId: 894 }),
    ];
    const embed = embedOf(
      render({
        killmail: buildKillmail({ attackers }),
        matches: [
          buildMatch(
            {},
            {
              mainGroup: { kind: 'alliance', id: 99000001, count: 3 },
              mainShipGroup: { groupId: INTERDICTOR, count: 3 },
            },
          ),
        ],
      }),
    );
    expect(fieldValue(embed, 'Main group')).toBe(
      '[Hunter Alliance](https://zkillboard.com/alliance/99000001/)\n3 of 4 attackers',
    );
    expect(fieldValue(embed, 'Main ship class')).toBe('Interdictor\n3 of 4 attackers');
    expect(fieldValue(embed, 'Attackers')).toBe('4');
  });

  it('GIVEN tracked ship types from several trackers THEN each is listed once with how many flew it', () => {
    const attackers = [
      buildAttacker({ finalBlow: true }),
      buildAttacker(),
      buildAttacker({ shipTypeId: DEVOTER }),
    ];
    const embed = embedOf(
      render({
        killmail: buildKillmail({ attackers }),
        matches: [
          buildMatch({ name: 'A' }, { matchedShipTypeIds: [SABRE] }),
          buildMatch({ name: 'B' }, { matchedShipTypeIds: [DEVOTER, SABRE] }),
        ],
      }),
    );
    expect(fieldValue(embed, 'Tracked ships')).toBe('Sabre ×2, Devoter');
  });

  it('GIVEN a tracker with an origin THEN jumps and light years from it are shown', () => {
    const embed = embedOf(
      render({ matches: [buildMatch({ origin_solar_system_id: JITA }, { jumps: 3, distanceLy: 2.149 })] }),
    );
    expect(fieldValue(embed, 'From origin')).toBe(
      '3 jumps · 2.15 LY from [Jita](https://evemaps.dotlan.net/system/Jita)',
    );
  });

  it('GIVEN an origin with no gate route and no LY distance THEN it says so', () => {
    const embed = embedOf(render({ matches: [buildMatch({ origin_solar_system_id: HUOLA })] }));
    expect(fieldValue(embed, 'From origin')).toBe(
      'no gate route from [Huola](https://evemaps.dotlan.net/system/Huola)',
    );
  });

  it('GIVEN trackers with different origins THEN each origin line names its trackers', () => {
    const embed = embedOf(
      render({
        matches: [
          buildMatch({ name: 'Home', origin_solar_system_id: HUOLA }, { jumps: 0, distanceLy: 0 }),
          buildMatch({ name: 'Staging', origin_solar_system_id: JITA }, { jumps: 12, distanceLy: 8.5 }),
          buildMatch({ name: 'Home too', origin_solar_system_id: HUOLA }, { jumps: 0, distanceLy: 0 }),
          buildMatch({ name: 'No origin' }),
        ],
      }),
    );
    expect(fieldValue(embed, 'From origins')).toBe(
      [
        '**Home**, **Home too**: 0 jumps · 0.00 LY from [Huola](https://evemaps.dotlan.net/system/Huola)',
        '**Staging**: 12 jumps · 8.50 LY from [Jita](https://evemaps.dotlan.net/system/Jita)',
      ].join('\n'),
    );
  });

  it('GIVEN no tracker with an origin THEN there is no origin field', () => {
    const embed = embedOf(render());
    expect(embed.fields?.some((field) => field.name.startsWith('From origin'))).toBe(false);
  });

  it('GIVEN a solo war awox kill THEN the markers are in the description', () => {
    const embed = embedOf(render({ killmail: buildKillmail({ solo: true, war: true, awox: true }) }));
    expect(embed.description).toMatch(/\*\*Solo\*\* · \*\*War kill\*\* · \*\*Awox\*\*$/);
  });
});

describe('alert: test mode', () => {
  it('GIVEN a test alert THEN the title, description and footer mark it as a test', () => {
    const embed = embedOf(render({ test: true }));
    expect(embed.title).toBe('[TEST] Rifter destroyed in Huola');
    expect(embed.description?.split('\n')[0]).toMatch(/Test alert/);
    expect(embed.footer?.text).toBe('Test alert · Tracker: Huola watch');
  });
});
