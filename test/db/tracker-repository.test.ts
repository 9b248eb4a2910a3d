import { expect, it } from 'vitest';
import { createDigestRunStore } from '../../src/db/digest-run-store.ts';
import { createPingCooldownStore } from '../../src/db/ping-cooldown-store.ts';
import { digestRuns, trackerPingCooldowns } from '../../src/db/schema.ts';
import { createTrackerRepository, DuplicateTrackerNameError } from '../../src/db/tracker-repository.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

describeEachDatabase('tracker repository', (getDb) => {
  const repo = () => createTrackerRepository({ db: getDb().db });

  it('GIVEN a created tracker WHEN read back by id and guild THEN it has the same definition', async () => {
    const created = await repo().create({
      guildId: 'g1',
      channelId: 'c1',
      definition: trackerDefinition('Caps'),
    });
    const read = await repo().get(created.id, 'g1');
    expect(read?.definition).toEqual(trackerDefinition('Caps'));
    expect(read?.name).toBe('Caps');
  });

  it('never returns a tracker to another guild', async () => {
    const created = await repo().create({
      guildId: 'g1',
      channelId: 'c1',
      definition: trackerDefinition('Caps'),
    });
    expect(await repo().get(created.id, 'g2')).toBeUndefined();
    expect(await repo().update(created.id, 'g2', { channelId: 'c9' })).toBeUndefined();
    expect(await repo().remove(created.id, 'g2')).toBe(false);
    expect((await repo().get(created.id, 'g1'))?.channelId).toBe('c1');
  });

  it('refuses a second tracker with the same name (any case) in one guild, allows it in another', async () => {
    await repo().create({ guildId: 'g1', channelId: 'c1', definition: trackerDefinition('Caps') });
    await expect(
      repo().create({ guildId: 'g1', channelId: 'c2', definition: trackerDefinition('CAPS') }),
    ).rejects.toBeInstanceOf(DuplicateTrackerNameError);
    await expect(
      repo().create({ guildId: 'g2', channelId: 'c2', definition: trackerDefinition('Caps') }),
    ).resolves.toBeTruthy();
  });

  it('every change moves the revision and changesSince reports only what changed, and deletions', async () => {
    const a = await repo().create({ guildId: 'g1', channelId: 'c1', definition: trackerDefinition('A') });
    const b = await repo().create({ guildId: 'g1', channelId: 'c1', definition: trackerDefinition('B') });
    const before = await repo().revision();
    await repo().update(a.id, 'g1', { definition: trackerDefinition('A2', { require_min_attackers: 5 }) });
    await repo().remove(b.id, 'g1');
    const changes = await repo().changesSince(before);
    expect(changes.revision).toBeGreaterThan(before);
    expect(changes.changed.map((row) => row.name)).toEqual(['A2']);
    expect(changes.existingIds).toEqual([a.id]);
  });

  it('disableChannel switches off every tracker of that channel with the reason', async () => {
    await repo().create({ guildId: 'g1', channelId: 'dead', definition: trackerDefinition('A') });
    await repo().create({ guildId: 'g1', channelId: 'dead', definition: trackerDefinition('B') });
    await repo().create({ guildId: 'g1', channelId: 'alive', definition: trackerDefinition('C') });
    expect(await repo().disableChannel('dead', 'Unknown Channel')).toBe(2);
    const rows = await repo().list('g1');
    expect(rows.map((row) => [row.name, row.disabledReason])).toEqual([
      ['A', 'Unknown Channel'],
      ['B', 'Unknown Channel'],
      ['C', null],
    ]);
  });

  it('createMany creates all trackers or, when one name is taken, none of them', async () => {
    await repo().create({ guildId: 'g1', channelId: 'c1', definition: trackerDefinition('Taken') });
    await expect(
      repo().createMany({
        guildId: 'g1',
        channelId: 'c2',
        definitions: [trackerDefinition('Fresh'), trackerDefinition('TAKEN')],
      }),
    ).rejects.toBeInstanceOf(DuplicateTrackerNameError);
    expect((await repo().list('g1')).map((row) => row.name)).toEqual(['Taken']);
    const created = await repo().createMany({
      guildId: 'g1',
      channelId: 'c2',
      definitions: [trackerDefinition('Fresh'), trackerDefinition('Other')],
    });
    expect(created.map((row) => [row.name, row.channelId])).toEqual([
      ['Fresh', 'c2'],
      ['Other', 'c2'],
    ]);
    expect((await repo().findByNames('g1', ['fresh', 'OTHER', 'missing'])).map((row) => row.name)).toEqual([
      'Fresh',
      'Other',
    ]);
  });

  it('GIVEN two trackers with digest runs and ping cooldowns WHEN one is deleted THEN its rows go with it and the other keeps its own', async () => {
    const db = getDb().db;
    const [gone, kept] = await repo().createMany({
      guildId: 'g1',
      channelId: 'c1',
      definitions: [trackerDefinition('Gone'), trackerDefinition('Kept')],
    });
    const digests = createDigestRunStore({ db });
    const cooldowns = createPingCooldownStore({ db });
    const day = Date.parse('2026-11-20T00:00:00Z');
    for (const tracker of [gone!, kept!]) {
      for (const start of [day, day + 86_400_000]) {
        await digests.schedule(tracker.id, { period: 'daily', start, end: start + 86_400_000 });
      }
      await cooldowns.claim({
        trackerId: tracker.id,
        deliveryId: tracker.id,
        cooldownMinutes: 10,
        at: new Date(day),
      });
    }
    const digestTrackers = async () =>
      (await db.select().from(digestRuns)).map((row) => row.trackerId).sort((a, b) => a - b);
    const cooldownTrackers = async () =>
      (await db.select().from(trackerPingCooldowns)).map((row) => row.trackerId).sort((a, b) => a - b);

    // Another guild cannot delete it, and then nothing of it is purged either.
    expect(await repo().remove(gone!.id, 'g2')).toBe(false);
    expect(await digestTrackers()).toEqual([gone!.id, gone!.id, kept!.id, kept!.id]);
    expect(await cooldownTrackers()).toEqual([gone!.id, kept!.id]);

    expect(await repo().remove(gone!.id, 'g1')).toBe(true);
    expect(await repo().get(gone!.id, 'g1')).toBeUndefined();
    expect(await digestTrackers()).toEqual([kept!.id, kept!.id]);
    expect(await cooldownTrackers()).toEqual([kept!.id]);
  });
});
