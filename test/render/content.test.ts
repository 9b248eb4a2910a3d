import { describe, expect, it } from 'vitest';
import { type AlertInput, renderAlert } from '../../src/engine/render/index.ts';
import type { TrackerMatch } from '../../src/engine/tracker/types.ts';
import { buildMatch, catalog, nameLookup, universe } from './fixtures.ts';
import { buildKillmail } from './killmail-builder.ts';
import { expectValidMessage } from './markdown-checks.ts';

function render(matches: TrackerMatch[], extra: Partial<AlertInput> = {}) {
  const message = renderAlert({
    killmail: buildKillmail(),
    matches,
    names: nameLookup(),
    universe,
    catalog,
    ...extra,
  });
  expectValidMessage(message);
  return message;
}

const noPing = { everyone: false, here: false, roles: [] };

describe('alert content and allowed_mentions', () => {
  it('GIVEN a tracker without pings THEN the content names it and nothing may ping', () => {
    const message = render([buildMatch({ name: 'Huola watch' })]);
    expect(message.content).toBe('Tracker: **Huola watch**');
    expect(message.allowed_mentions).toEqual({ parse: [], roles: [] });
  });

  it('GIVEN a tracker asking for @here THEN the content starts with @here and everyone-type mentions are allowed', () => {
    const message = render([buildMatch({ ping: { ...noPing, here: true } })]);
    expect(message.content?.split('\n')[0]).toBe('@here');
    expect(message.allowed_mentions).toEqual({ parse: ['everyone'], roles: [] });
  });

  it('GIVEN a tracker asking for @everyone THEN the content pings @everyone', () => {
    const message = render([buildMatch({ ping: { ...noPing, everyone: true } })]);
    expect(message.content?.split('\n')[0]).toBe('@everyone');
    expect(message.allowed_mentions).toEqual({ parse: ['everyone'], roles: [] });
  });

  it('GIVEN roles to ping THEN each role is mentioned and exactly those roles are allowed', () => {
    const message = render([
      buildMatch({ ping: { ...noPing, roles: ['111111111111111111', '222222222222222222'] } }),
    ]);
    expect(message.content?.split('\n')[0]).toBe('<@&111111111111111111> <@&222222222222222222>');
    expect(message.allowed_mentions).toEqual({
      parse: [],
      roles: ['111111111111111111', '222222222222222222'],
    });
  });

  it('GIVEN several trackers of the channel THEN pings are merged without duplicates and every tracker is named', () => {
    const message = render([
      buildMatch({
        name: 'Caps near home',
        ping: { everyone: false, here: true, roles: ['111111111111111111'] },
      }),
      buildMatch({
        name: 'Big kills',
        ping: { everyone: true, here: false, roles: ['111111111111111111', '333'] },
      }),
      buildMatch({ name: 'Quiet one' }),
    ]);
    expect(message.content).toBe(
      '@everyone <@&111111111111111111> <@&333>\nTrackers: **Caps near home** · **Big kills** · **Quiet one**',
    );
    expect(message.allowed_mentions).toEqual({ parse: ['everyone'], roles: ['111111111111111111', '333'] });
  });

  it('GIVEN a role id that is not a snowflake THEN it is neither mentioned nor allowed', () => {
    const message = render([buildMatch({ ping: { ...noPing, roles: ['<@&1>', 'abc', '42'] } })]);
    expect(message.content?.split('\n')[0]).toBe('<@&42>');
    expect(message.allowed_mentions?.roles).toEqual(['42']);
  });

  it('GIVEN a tracker named with mentions and markdown THEN its name cannot ping or format', () => {
    const message = render([
      buildMatch({ name: '@everyone <@&999> **loud**', ping: { ...noPing, here: true } }),
    ]);
    const namesLine = message.content?.split('\n')[1] ?? '';
    expect(namesLine).not.toContain('@everyone');
    expect(namesLine).not.toContain('<@&999>');
    expect(namesLine).toContain('\\*\\*loud\\*\\*');
    expect(message.allowed_mentions?.roles).toEqual([]);
  });

  it('GIVEN a test alert THEN it is marked as a test and pings exactly like a live alert', () => {
    const message = render(
      [
        buildMatch({
          name: 'Huola watch',
          ping: { everyone: true, here: false, roles: ['111111111111111111'] },
        }),
      ],
      { test: true },
    );
    const [notice, pings, names] = message.content?.split('\n') ?? [];
    expect(notice).toMatch(/Test alert/);
    expect(pings).toBe('@everyone <@&111111111111111111>');
    expect(names).toBe('Tracker: **Huola watch**');
    expect(message.allowed_mentions).toEqual({ parse: ['everyone'], roles: ['111111111111111111'] });
  });

  it('GIVEN 200 matched trackers with long names THEN the content stays within 2000 characters and counts the rest', () => {
    const matches = Array.from({ length: 200 }, (_, index) =>
      buildMatch({ name: `Tracker number ${index} ${'x'.repeat(80)}` }),
    );
    const message = render(matches);
    expect(message.content?.length).toBeLessThanOrEqual(2000);
    expect(message.content).toMatch(/^Trackers: \*\*Tracker number 0 x+\*\* · .* · \+\d+ more$/);
  });

  it('GIVEN 150 roles to ping THEN at most 100 are mentioned, the content fits, and allowed roles match the mentions', () => {
    const roles = Array.from({ length: 150 }, (_, index) => `1000000000000${String(index).padStart(5, '0')}`);
    const message = render([buildMatch({ ping: { ...noPing, roles } })]);
    const mentioned = [...(message.content ?? '').matchAll(/<@&(\d+)>/g)].map((match) => match[1]);
    expect(message.content?.length).toBeLessThanOrEqual(2000);
    expect(mentioned.length).toBeGreaterThan(50);
    expect(mentioned.length).toBeLessThanOrEqual(100);
    expect(message.allowed_mentions?.roles).toEqual(mentioned);
    expect(message.content).toContain('Tracker: **Huola watch**');
  });
});
