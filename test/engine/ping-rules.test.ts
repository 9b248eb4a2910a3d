import { describe, expect, it } from 'vitest';
import { renderContent } from '../../src/engine/render/content.ts';
import { pingForKill } from '../../src/engine/tracker/ping-rules.ts';
import type { TrackerDefinition, TrackerMatch } from '../../src/engine/tracker/types.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';

const FC = '111111111111111111';
const CAPS = '222222222222222222';
const BILLION = 1_000_000_000;

const tiered: TrackerDefinition = {
  version: 1,
  name: 'Tiers',
  enabled: true,
  ping: { everyone: false, here: true, roles: [] },
  ping_rules: [
    { min_value: 20 * BILLION, ping: { everyone: true, here: false, roles: [] } },
    { min_value: BILLION, ping: { everyone: false, here: false, roles: [FC] } },
    { min_attackers: 30, ping: { everyone: false, here: true, roles: [CAPS] } },
  ],
  ping_cooldown_minutes: 10,
  ppk: false,
  clauses: {},
};

function match(tracker: TrackerDefinition, key = '7'): TrackerMatch {
  return {
    trackerKey: key,
    tracker,
    jumps: null,
    distanceLy: null,
    mainGroup: null,
    mainShipGroup: null,
    matchedShipTypeIds: [],
  };
}

describe('ping rules', () => {
  it('GIVEN "no ping below 1b, @FC from 1b" WHEN a kill is worth exactly 1b THEN @FC is pinged; 1 ISK less pings nobody', () => {
    expect(pingForKill(tiered, { value: BILLION, attackerCount: 2 }).roles).toEqual([FC]);
    expect(pingForKill(tiered, { value: BILLION - 1, attackerCount: 2 })).toEqual({
      everyone: false,
      here: false,
      roles: [],
    });
  });

  it('GIVEN ordered rules WHEN several match THEN the first decides (20b pings @everyone, not also @FC)', () => {
    expect(pingForKill(tiered, { value: 20 * BILLION, attackerCount: 50 })).toEqual({
      everyone: true,
      here: false,
      roles: [],
    });
  });

  it('GIVEN an attacker rule WHEN exactly 30 attackers THEN it matches; 29 do not; an unpriced kill skips value rules', () => {
    expect(pingForKill(tiered, { value: undefined, attackerCount: 30 }).roles).toEqual([CAPS]);
    expect(pingForKill(tiered, { value: undefined, attackerCount: 29 }).roles).toEqual([]);
  });

  it('GIVEN no rules THEN the tracker ping applies', () => {
    const { ping_rules: _rules, ...plain } = tiered;
    expect(pingForKill(plain, { value: 1, attackerCount: 1 }).here).toBe(true);
  });

  it('GIVEN a 1b kill THEN allowed_mentions lists exactly the @FC role and no @everyone', () => {
    const content = renderContent([match(tiered)], false, { value: 2 * BILLION, attackerCount: 3 });
    expect(content.content).toContain(`<@&${FC}>`);
    expect(content.allowedMentions).toEqual({ parse: [], roles: [FC] });
  });

  it('GIVEN a kill below every rule THEN the alert pings nobody and allows no mention', () => {
    const content = renderContent([match(tiered)], false, { value: 5, attackerCount: 3 });
    expect(content.content).not.toContain('<@&');
    expect(content.content).not.toContain('@here');
    expect(content.allowedMentions).toEqual({ parse: [], roles: [] });
  });

  it('GIVEN a cooldown hold THEN the alert pings nobody and says so in subtext with the next ping time', () => {
    const until = Date.parse('2026-11-21T08:10:00Z');
    const content = renderContent([match(tiered)], false, { value: 25 * BILLION, attackerCount: 3 }, [
      { trackerKey: '7', until },
    ]);
    expect(content.allowedMentions).toEqual({ parse: [], roles: [] });
    expect(content.content).not.toContain('@everyone');
    expect(content.content).toContain(
      '-# No ping: Tiers pings at most once every 10 min (next ping from 08:10 UTC)',
    );
  });

  it('GIVEN two trackers, one held THEN only the other one pings', () => {
    const { ping_rules: _rules, ...plain } = { ...tiered, name: 'Other' };
    const content = renderContent(
      [match(tiered, '7'), match(plain, '8')],
      false,
      { value: 25 * BILLION, attackerCount: 3 },
      [{ trackerKey: '7', until: 0 }],
    );
    expect(content.allowedMentions).toEqual({ parse: ['everyone'], roles: [] });
    expect(content.content).toContain('@here');
  });
});

describe('tracker JSON with ping rules, cooldown and digest', () => {
  it('GIVEN the options THEN they validate and keep their values in key order', () => {
    const result = validateTracker({ ...tiered, digest: 'weekly', digest_hour: 18 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.tracker)).toEqual([
      'version',
      'name',
      'enabled',
      'ping',
      'ping_rules',
      'ping_cooldown_minutes',
      'ppk',
      'digest',
      'digest_hour',
      'clauses',
    ]);
    expect(result.tracker.ping_rules).toEqual(tiered.ping_rules);
  });

  it('GIVEN bad values THEN every problem names its key', () => {
    const result = validateTracker({
      ...tiered,
      ping_rules: [
        { min_value: -1, ping: { roles: ['x'] } },
        { min_attackers: 0, ping: {}, extra: 1 },
      ],
      ping_cooldown_minutes: 0,
      digest: 'monthly',
      digest_hour: 24,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.key)).toEqual([
      'ping_rules[0].min_value',
      'ping_rules[0].ping.roles[0]',
      'ping_rules[1].extra',
      'ping_rules[1].min_attackers',
      'ping_cooldown_minutes',
      'digest',
      'digest_hour',
    ]);
  });

  it('GIVEN digest_hour without digest THEN it is refused', () => {
    const result = validateTracker({ ...tiered, digest_hour: 3 });
    expect(result.ok).toBe(false);
  });
});
