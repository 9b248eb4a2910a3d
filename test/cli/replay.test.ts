// `killtracker replay` on small fixtures: five trackers and four synthetic killmails in the mini SDE
// (Jita and its Kimotoro neighbours, Amarr and Ashab in Domain).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/replay');
const fixture = (name: string) => join(FIXTURES, name);

/** Every match of trackers.json against killmails.jsonl with no age filter and no links. */
const ALL_MATCHES = [
  { tracker: 'Near Jita', killmail_id: 5003, jumps: 0, distance_ly: 0 },
  { tracker: 'Frigates anywhere', killmail_id: 5003, jumps: null, distance_ly: null },
  { tracker: 'Near Jita', killmail_id: 5001, jumps: 1, distance_ly: 1.97 },
  { tracker: 'Big kills', killmail_id: 5004, jumps: null, distance_ly: null },
  { tracker: 'Domain', killmail_id: 5004, jumps: null, distance_ly: null },
  { tracker: 'Frigates anywhere', killmail_id: 5002, jumps: null, distance_ly: null },
  { tracker: 'Big kills', killmail_id: 5002, jumps: null, distance_ly: null },
  { tracker: 'Domain', killmail_id: 5002, jumps: null, distance_ly: null },
];

describe('killtracker replay', () => {
  let dataDir: string;
  const replay = (...args: string[]) =>
    runCliCapture(['replay', '--sde', MINI_SDE, ...args], { DATA_DIR: dataDir });
  const replayFixtures = (...args: string[]) =>
    replay('--trackers', fixture('trackers.json'), '--killmails', fixture('killmails.jsonl'), ...args);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kt-replay-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN trackers and killmails WHEN replayed THEN it prints one JSON line per match in killmail order, then tracker order', async () => {
    const result = await replayFixtures();
    expect(result.code).toBe(0);
    expect(result.out.map((line) => JSON.parse(line))).toEqual(ALL_MATCHES);
    expect(result.err).toEqual(['Replayed 4 killmail(s) against 5 tracker(s): 8 match(es).']);
  });

  it('GIVEN the default format THEN each line is spaced exactly as documented', async () => {
    const result = await replayFixtures('--format', 'jsonl');
    expect(result.out[0]).toBe('{"tracker": "Near Jita", "killmail_id": 5003, "jumps": 0, "distance_ly": 0}');
    expect(result.out[2]).toBe(
      '{"tracker": "Near Jita", "killmail_id": 5001, "jumps": 1, "distance_ly": 1.97}',
    );
    expect(result.out[1]).toBe(
      '{"tracker": "Frigates anywhere", "killmail_id": 5003, "jumps": null, "distance_ly": null}',
    );
  });

  it('GIVEN --format text THEN each match reads as tracker, kill, system with range, value and link', async () => {
    const result = await replayFixtures('--format', 'text');
    expect(result.code).toBe(0);
    expect(result.out.slice(0, 4)).toEqual([
      'Near Jita  kill 5003  Jita (0 jumps, 0.00 LY)  5m  https://zkillboard.com/kill/5003/',
      'Frigates anywhere  kill 5003  Jita  5m  https://zkillboard.com/kill/5003/',
      'Near Jita  kill 5001  Niyabainen (1 jump, 1.97 LY)  12k  https://zkillboard.com/kill/5001/',
      'Big kills  kill 5004  Amarr  2.5b  https://zkillboard.com/kill/5004/',
    ]);
    expect(result.out).toHaveLength(ALL_MATCHES.length);
  });

  it('GIVEN no --now WHEN killmails are hours old THEN no age limit applies, not even the default max age', async () => {
    // 5002 is four hours older than 5003: it still matches "Big kills" (max_age_minutes 60) and
    // "Frigates anywhere" (no max_age_minutes, so MAX_AGE_MINUTES would apply with a clock).
    const result = await replayFixtures();
    const matched = result.out.map((line) => JSON.parse(line));
    expect(matched).toContainEqual({
      tracker: 'Big kills',
      killmail_id: 5002,
      jumps: null,
      distance_ly: null,
    });
    expect(matched).toContainEqual({
      tracker: 'Frigates anywhere',
      killmail_id: 5002,
      jumps: null,
      distance_ly: null,
    });
  });

  it('GIVEN --now WHEN replayed THEN each tracker max_age_minutes applies, and MAX_AGE_MINUTES for trackers without one', async () => {
    const result = await replayFixtures('--now', '2026-11-21T08:00:00Z');
    expect(result.code).toBe(0);
    // 5003 is 30 minutes old, 5001 two hours ("Near Jita" allows 180 minutes), 5004 ten minutes,
    // 5002 four hours (too old for every tracker).
    expect(result.out.map((line) => JSON.parse(line))).toEqual([
      { tracker: 'Near Jita', killmail_id: 5003, jumps: 0, distance_ly: 0 },
      { tracker: 'Frigates anywhere', killmail_id: 5003, jumps: null, distance_ly: null },
      { tracker: 'Near Jita', killmail_id: 5001, jumps: 1, distance_ly: 1.97 },
      { tracker: 'Big kills', killmail_id: 5004, jumps: null, distance_ly: null },
      { tracker: 'Domain', killmail_id: 5004, jumps: null, distance_ly: null },
    ]);
  });

  it('GIVEN --now and MAX_AGE_MINUTES=300 THEN trackers without max_age_minutes use the configured default', async () => {
    const result = await runCliCapture(
      [
        'replay',
        '--sde',
        MINI_SDE,
        '--trackers',
        fixture('trackers.json'),
        '--killmails',
        fixture('killmails.jsonl'),
        '--now',
        '2026-11-21T08:00:00Z',
      ],
      { DATA_DIR: dataDir, MAX_AGE_MINUTES: '300' },
    );
    const matched = result.out.map((line) => JSON.parse(line));
    expect(matched).toContainEqual({
      tracker: 'Frigates anywhere',
      killmail_id: 5002,
      jumps: null,
      distance_ly: null,
    });
    expect(
      matched.filter((match) => match.tracker === 'Big kills').map((match) => match.killmail_id),
    ).toEqual([5004]);
  });

  it('GIVEN --links linking the victim of 5001 to a role WHEN a tracker requires that victim role THEN it matches only with the links', async () => {
    const linked = await replayFixtures('--links', fixture('links.json'));
    expect(linked.code).toBe(0);
    const matched = linked.out.map((line) => JSON.parse(line));
    expect(matched.filter((match) => match.tracker === 'Our pilots lost')).toEqual([
      { tracker: 'Our pilots lost', killmail_id: 5001, jumps: null, distance_ly: null },
    ]);
    // In tracker order within the killmail: after "Near Jita", before the next killmail.
    expect(matched.slice(2, 5).map((match) => match.tracker)).toEqual([
      'Near Jita',
      'Our pilots lost',
      'Big kills',
    ]);

    const unlinked = await replayFixtures();
    expect(unlinked.out.some((line) => line.includes('Our pilots lost'))).toBe(false);
  });

  it('GIVEN an invalid links file THEN it exits 2 naming each bad entry', async () => {
    const result = await replayFixtures('--links', fixture('invalid-links.json'));
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    const text = result.err.join('\n');
    expect(text).toContain('"Dread Pirate" is not a character id');
    expect(text).toContain('"2112000002"[0] must be a Discord role id written as a string of digits');
  });

  it('GIVEN a links file that is not an object THEN it exits 2 showing the expected shape', async () => {
    const result = await replayFixtures('--links', fixture('killmails-array.json'));
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('{"2112000001": ["123456789012345678"]}');
  });

  it('GIVEN an invalid tracker file THEN it exits 2 listing every problem with tracker index and name', async () => {
    const result = await replay(
      '--trackers',
      fixture('invalid-trackers.json'),
      '--killmails',
      fixture('killmails.jsonl'),
    );
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    const [header, ...problems] = result.err;
    expect(header).toContain('has 4 problem(s)');
    expect(problems).toHaveLength(4);
    // Counted from 1 as people count: "Bad" is the second tracker of the file.
    expect(problems[0]).toMatch(/^ {2}tracker 2 \(Bad\): clauses\.require_min_attackers: /);
    expect(problems[1]).toBe(
      '  tracker 2 (Bad): clauses.require_max_jump: unknown clause; did you mean `require_max_jumps`?',
    );
    expect(problems[2]).toMatch(/^ {2}tracker 3: name: missing/);
    // The mini SDE is the universe: an origin outside it is a problem too.
    expect(problems[3]).toContain('tracker 3: origin_solar_system_id: unknown solar system 30009999');
  });

  it('GIVEN invalid killmail lines THEN each is reported with its line number and the valid ones still match', async () => {
    const result = await replay(
      '--trackers',
      fixture('trackers.json'),
      '--killmails',
      fixture('killmails-with-errors.jsonl'),
    );
    expect(result.code).toBe(0);
    expect(result.out.map((line) => JSON.parse(line).killmail_id)).toEqual([5003, 5003, 5004, 5004]);
    expect(result.err).toHaveLength(3);
    expect(result.err[0]).toMatch(/killmails-with-errors\.jsonl: line 2: not valid JSON/);
    expect(result.err[1]).toMatch(/line 4: killmail 5005: esi\.solar_system_id: missing/);
    expect(result.err[2]).toBe('Replayed 2 killmail(s) (2 skipped) against 5 tracker(s): 4 match(es).');
  });

  it('GIVEN a JSON array of killmails with an invalid item THEN the item index is reported and array order is kept', async () => {
    const result = await replay(
      '--trackers',
      fixture('trackers.json'),
      '--killmails',
      fixture('killmails-array.json'),
    );
    expect(result.code).toBe(0);
    expect(result.out.map((line) => JSON.parse(line).killmail_id)).toEqual([5004, 5004, 5003, 5003]);
    expect(result.err[0]).toMatch(/item 1: killmail 5001: zkb\.npc: expected boolean/);
  });

  it('GIVEN a tracker that matches nothing THEN it still exits 0 with no output lines', async () => {
    // Years after every kill: every tracker has an age limit once there is a clock.
    const result = await replayFixtures('--now', '2030-01-01T00:00:00Z');
    expect(result.code).toBe(0);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual(['Replayed 4 killmail(s) against 5 tracker(s): 0 match(es).']);
  });

  it('GIVEN a file with one tracker object instead of an array THEN that tracker is replayed', async () => {
    const result = await replay(
      '--trackers',
      fixture('one-tracker.json'),
      '--killmails',
      fixture('killmails.jsonl'),
    );
    expect(result.code).toBe(0);
    expect(result.out.map((line) => JSON.parse(line))).toEqual([
      { tracker: 'Frigates', killmail_id: 5003, jumps: null, distance_ly: null },
      { tracker: 'Frigates', killmail_id: 5002, jumps: null, distance_ly: null },
    ]);
  });

  it('GIVEN wrong arguments THEN it exits 2 saying what to pass', async () => {
    const missing = await replay('--killmails', fixture('killmails.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('--trackers FILE is required');

    const format = await replayFixtures('--format', 'csv');
    expect(format.code).toBe(2);
    expect(format.err.join('\n')).toContain('--format must be jsonl or text');

    const now = await replayFixtures('--now', 'yesterday');
    expect(now.code).toBe(2);
    expect(now.err.join('\n')).toContain('--now must be an ISO time like 2026-11-21T08:00:00Z');

    const unknown = await replayFixtures('--since', '1h');
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toContain('Usage: killtracker replay');
  });

  it('GIVEN a path that does not exist THEN it exits 2 naming the option and the path', async () => {
    const trackers = await replay(
      '--trackers',
      join(dataDir, 'nope.json'),
      '--killmails',
      fixture('killmails.jsonl'),
    );
    expect(trackers.code).toBe(2);
    expect(trackers.err.join('\n')).toMatch(/Cannot read --trackers .*nope\.json \(ENOENT\)/);

    const sde = await runCliCapture(
      [
        'replay',
        '--sde',
        join(dataDir, 'no-sde.zip'),
        '--trackers',
        fixture('trackers.json'),
        '--killmails',
        fixture('killmails.jsonl'),
      ],
      { DATA_DIR: dataDir },
    );
    expect(sde.code).toBe(2);
    expect(sde.err.join('\n')).toContain('--sde: Cannot read the SDE');
  });

  it('GIVEN a disabled tracker THEN it is not replayed and a note says why', async () => {
    const result = await replay(
      '--trackers',
      fixture('disabled-tracker.json'),
      '--killmails',
      fixture('killmails.jsonl'),
    );
    expect(result.code).toBe(0);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toContain('tracker "Paused" is disabled');
  });
});
