// Messages kept edited in place, against the fake Discord through the real REST client: the worker posts
// or edits with the newest state, coalesces changes into one edit per interval, survives a worker that died
// holding a message, and stops on a deleted message without disturbing the others.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLiveMessageStore, type LiveMessageStore } from '../../src/db/live-message-store.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createLiveMessageWorker, type LiveMessageRenderer } from '../../src/delivery/live-messages.ts';
import { silentLogger } from '../../src/log.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { describeEachDatabase } from '../helpers/database.ts';

let discord: FakeDiscord;
beforeAll(async () => {
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await discord?.stop();
});

const channel = () => `77${Math.floor(Math.random() * 1e9)}`;

describeEachDatabase('live messages: kept edited in place through an outbox', (getDb) => {
  /** What each ref shows: the renderer reads it at edit time, as the real ones read the database. */
  const state = new Map<string, string>();
  const render: LiveMessageRenderer = async (ref) => {
    const text = state.get(ref);
    return text === undefined ? undefined : { content: text };
  };

  function setup(editIntervalMs: number) {
    const store = createLiveMessageStore({ db: getDb().db, editIntervalMs });
    const worker = createLiveMessageWorker({
      store,
      sender: createRestAlertSender({ token: discord.token, apiUrl: discord.api, retries: 0 }),
      renderers: { note: render },
      log: silentLogger,
    });
    return { store, worker };
  }

  const ref = () => `r${Math.floor(Math.random() * 1e9)}`;
  const edits = (channelId: string) =>
    discord.requests.filter(
      (call) => call.method === 'PATCH' && call.path.startsWith(`/channels/${channelId}/`),
    );

  async function makeDue(store: LiveMessageStore, key: string): Promise<void> {
    // Stands for the edit interval passing.
    await getDb().db.execute(sql`update live_messages set due_at = now() where ref = ${key}`);
    expect((await store.list({ ref: key }))[0]?.status).toBe('open');
  }

  it('GIVEN a message opened without an id WHEN the worker runs THEN it posts the current state once, with no pings', async () => {
    const { store, worker } = setup(0);
    const channelId = channel();
    const key = ref();
    state.set(key, 'Tackle: @everyone Pilot A');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId });

    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);

    const posted = discord.messagesIn(channelId);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.message.content).toBe('Tackle: @everyone Pilot A');
    expect(posted[0]?.body.allowed_mentions).toEqual({ parse: [] });
    expect((await store.list({ ref: key }))[0]?.messageId).toBe(posted[0]?.message.id);
  });

  it('GIVEN several changes inside the edit interval THEN the message is edited once, showing the newest state', async () => {
    const { store, worker } = setup(3_600_000);
    const channelId = channel();
    const key = ref();
    state.set(key, 'Tackle: A');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId });
    await worker.runOnce();

    for (const roster of ['Tackle: A, B', 'Tackle: A, B, C', 'Tackle: A, B, C, D']) {
      state.set(key, roster);
      await getDb().db.transaction((tx) => store.touch(tx, { kind: 'note', ref: key }));
    }
    // The interval since the post has not passed: nothing is due.
    expect(await worker.runOnce()).toBe(0);
    expect(edits(channelId)).toHaveLength(0);

    await makeDue(store, key);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(edits(channelId)).toHaveLength(1);
    expect(discord.messagesIn(channelId)[0]?.message.content).toBe('Tackle: A, B, C, D');
  });

  it('GIVEN a change rolled back with its transaction THEN no edit is due', async () => {
    const { store, worker } = setup(0);
    const channelId = channel();
    const key = ref();
    state.set(key, 'before');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId });
    await worker.runOnce();

    await expect(
      getDb().db.transaction(async (tx) => {
        await store.touch(tx, { kind: 'note', ref: key });
        throw new Error('the claim failed');
      }),
    ).rejects.toThrow('the claim failed');
    expect(await worker.runOnce()).toBe(0);
  });

  it('GIVEN a worker that died holding a message WHEN its lease expires THEN another worker makes the edit', async () => {
    const { store, worker } = setup(0);
    const channelId = channel();
    const key = ref();
    state.set(key, 'FC: Boss');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId });
    // The dead worker leased it and never came back.
    expect(await store.claim(10, 1)).toHaveLength(1);

    // Waits on the condition (the lease has run out), not on a clock.
    while ((await worker.runOnce()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(discord.messagesIn(channelId).map((posted) => posted.message.content)).toEqual(['FC: Boss']);
  });

  it('GIVEN Discord failing with a 500 THEN the edit is retried later and lands', async () => {
    const { store, worker } = setup(0);
    const channelId = channel();
    const key = ref();
    state.set(key, 'v1');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId });
    await worker.runOnce();
    state.set(key, 'v2');
    await store.touch(getDb().db, { kind: 'note', ref: key });
    discord.failChannel(channelId, { kind: 'server-error' });

    expect(await worker.runOnce()).toBe(1);
    const row = (await store.list({ ref: key }))[0];
    expect(row?.lastError).toMatch(/500/);
    expect(row?.renderedVersion).toBeLessThan(row?.version ?? 0);

    await makeDue(store, key);
    expect(await worker.runOnce()).toBe(1);
    expect(discord.messagesIn(channelId)[0]?.message.content).toBe('v2');
  });

  it('GIVEN a deleted message THEN it is marked failed and the other messages of the same ref still update', async () => {
    const { store, worker } = setup(0);
    const [first, second] = [channel(), channel()];
    const key = ref();
    state.set(key, 'one');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId: first });
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId: second });
    await worker.runOnce();
    const gone = discord.messagesIn(first)[0];
    if (gone) gone.deleted = true;

    state.set(key, 'two');
    expect(await store.touch(getDb().db, { kind: 'note', ref: key })).toBe(2);
    await worker.runOnce();

    const rows = await store.list({ ref: key });
    expect(rows.map((row) => row.status).sort()).toEqual(['failed', 'open']);
    expect(discord.messagesIn(second)[0]?.message.content).toBe('two');
  });

  it('GIVEN a closed message THEN its final state is shown once and later changes are ignored', async () => {
    const { store, worker } = setup(0);
    const channelId = channel();
    const key = ref();
    state.set(key, 'fight: 3 kills');
    await store.open(getDb().db, { kind: 'note', ref: key, guildId: 'g', channelId });
    await worker.runOnce();
    state.set(key, 'fight over: 4 kills');
    await store.close(getDb().db, { kind: 'note', ref: key });
    await worker.runOnce();

    state.set(key, 'late change');
    expect(await store.touch(getDb().db, { kind: 'note', ref: key })).toBe(0);
    expect(await worker.runOnce()).toBe(0);
    expect((await store.list({ ref: key }))[0]?.status).toBe('closed');
    expect(discord.messagesIn(channelId)[0]?.message.content).toBe('fight over: 4 kills');
  });

  it('GIVEN a message of a kind with no renderer THEN it is marked failed, not retried forever', async () => {
    const { store, worker } = setup(0);
    const key = ref();
    await store.open(getDb().db, { kind: 'unknown-kind', ref: key, guildId: 'g', channelId: channel() });
    expect(await worker.runOnce()).toBe(1);
    expect((await store.list({ ref: key }))[0]?.status).toBe('failed');
    expect(await worker.runOnce()).toBe(0);
  });
});
