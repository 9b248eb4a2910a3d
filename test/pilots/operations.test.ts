import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { createGuildMemberRepository } from '../../src/db/guild-member-repository.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createEsiClient, type EsiClient } from '../../src/ingest/esi/client.ts';
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { silentLogger } from '../../src/log.ts';
import { UserError } from '../../src/user-error.ts';
import {
  createPilotOperations,
  MAX_CHARACTERS_PER_MEMBER,
  type PilotActor,
  type PilotOperations,
} from '../../src/pilots/operations.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const GUILD = '123456789012345678';
const OTHER_GUILD = '223456789012345678';
const PILOTS_ROLE = '323456789012345678';
const ALICE = '400000000000000001';
const BOB = '400000000000000002';
const ADMIN = '400000000000000003';

const ALICE_MAIN = { id: 2112000101, name: 'Alice Main' };
const ALICE_ALT = { id: 2112000102, name: 'Alice Alt' };
const BOB_MAIN = { id: 2112000103, name: 'Bob Main' };
const CORPORATION = { id: 98000101, name: 'Alice Corp' };
const ALLIANCE = { id: 99000101, name: 'Alice Alliance' };

const alice: PilotActor = { userId: ALICE, isAdmin: false, roleIds: [PILOTS_ROLE] };
const bob: PilotActor = { userId: BOB, isAdmin: false, roleIds: [] };
const admin: PilotActor = { userId: ADMIN, isAdmin: true, roleIds: [] };

/** The refusal a call ends with (its message), failing the test when it succeeds. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describeEachDatabase('pilot operations: link, unlink, list', (getDb) => {
  let esi: FakeEsi;
  let esiClient: EsiClient;
  let pilots: PilotOperations;
  const logs: Array<Record<string, unknown>> = [];
  const characters = () => createCharacterRepository({ db: getDb().db });

  beforeAll(async () => {
    esi = await FakeEsi.start({
      names: [
        { ...ALICE_MAIN, category: 'character' },
        { ...ALICE_ALT, category: 'character' },
        { ...BOB_MAIN, category: 'character' },
        { ...CORPORATION, category: 'corporation' },
        { ...ALLIANCE, category: 'alliance' },
      ],
      affiliations: [
        { character_id: ALICE_MAIN.id, corporation_id: CORPORATION.id, alliance_id: ALLIANCE.id },
        { character_id: ALICE_ALT.id, corporation_id: CORPORATION.id },
        { character_id: BOB_MAIN.id, corporation_id: CORPORATION.id },
      ],
    });
    esiClient = createEsiClient({ baseUrl: esi.url, userAgent: 'killtracker-tests', log: silentLogger });
    const { db } = getDb();
    const names = createNameRepository({ db });
    pilots = createPilotOperations({
      db,
      esi: esiClient,
      names,
      nameResolver: createNameResolver({ esi: esiClient, cache: names, log: silentLogger }),
      log: pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) }),
    });
  });
  afterAll(async () => {
    await esiClient?.close();
    await esi?.stop();
  });

  it('GIVEN a member WHEN they link their main by exact name and an alt by id THEN both are theirs, unverified, listed with corporation and alliance', async () => {
    const byName = await pilots.link({ guildId: GUILD, actor: alice, character: 'alice main' });
    expect(byName).toEqual({ kind: 'linked', character: ALICE_MAIN, userId: ALICE });
    const byId = await pilots.link({ guildId: GUILD, actor: alice, character: String(ALICE_ALT.id) });
    expect(byId).toMatchObject({ kind: 'linked', character: { id: ALICE_ALT.id }, userId: ALICE });

    const listed = await pilots.list({ guildId: GUILD, actor: alice });
    expect(listed).toEqual([
      expect.objectContaining({
        characterId: ALICE_MAIN.id,
        name: ALICE_MAIN.name,
        corporation: CORPORATION,
        alliance: ALLIANCE,
        userId: ALICE,
        verified: false,
        linkedBy: null,
      }),
      expect.objectContaining({
        characterId: ALICE_ALT.id,
        name: ALICE_ALT.name,
        corporation: CORPORATION,
        alliance: undefined,
        verified: false,
      }),
    ]);
    // The member's roles, known from the interaction, are stored with the link.
    expect(await createGuildMemberRepository({ db: getDb().db }).rolesOf(GUILD, ALICE)).toEqual([
      PILOTS_ROLE,
    ]);
  });

  it('GIVEN an id nobody has a name for THEN it is taken as an id and listed without a name', async () => {
    const outcome = await pilots.link({ guildId: GUILD, actor: alice, character: ' 2112999999 ' });
    expect(outcome).toEqual({
      kind: 'linked',
      character: { id: 2112999999, name: undefined },
      userId: ALICE,
    });
    const [listed] = await pilots.list({ guildId: GUILD, actor: alice });
    expect(listed).toMatchObject({ characterId: 2112999999, name: undefined, corporation: undefined });
  });

  it('GIVEN a name ESI does not know WHEN linking THEN a clear refusal and nothing linked', async () => {
    const message = await refusal(pilots.link({ guildId: GUILD, actor: alice, character: 'Nobody *Here*' }));
    expect(message).toContain('No EVE character is named "Nobody \\*Here\\*"');
    expect(message).toContain('type its id');
    expect(await characters().forGuild(GUILD)).toEqual([]);
    expect(await refusal(pilots.link({ guildId: GUILD, actor: alice, character: '99999999999' }))).toContain(
      'is not an EVE character id',
    );
  });

  it('GIVEN ESI is down WHEN a name is typed THEN a name the bot knows still links and an unknown one says to use the id', async () => {
    await createNameRepository({ db: getDb().db }).put([{ ...BOB_MAIN, category: 'character' }]);
    esi.failNext({ kind: 'status', status: 503 }, 2);
    expect(await pilots.link({ guildId: GUILD, actor: bob, character: 'Bob Main' })).toMatchObject({
      kind: 'linked',
      character: BOB_MAIN,
    });
    const message = await refusal(pilots.link({ guildId: GUILD, actor: bob, character: 'Someone Else' }));
    expect(message).toContain('not answering');
    expect(message).toContain('its id');
  });

  it('GIVEN a character another member holds WHEN a member links it THEN refused naming who to ask; an admin moves it, and the move is logged', async () => {
    await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' });
    const message = await refusal(
      pilots.link({ guildId: GUILD, actor: bob, character: String(ALICE_MAIN.id) }),
    );
    expect(message).toContain(`Ask <@${ALICE}> to unlink it`);
    expect(message).toContain('an admin can move it');
    expect((await characters().get(GUILD, ALICE_MAIN.id))?.userId).toBe(ALICE);

    logs.length = 0;
    const moved = await pilots.link({
      guildId: GUILD,
      actor: admin,
      member: { userId: BOB, roleIds: [] },
      character: 'Alice Main',
    });
    expect(moved).toEqual({ kind: 'linked', character: ALICE_MAIN, userId: BOB, movedFrom: ALICE });
    expect(await characters().get(GUILD, ALICE_MAIN.id)).toMatchObject({
      userId: BOB,
      verified: false,
      linkedBy: ADMIN,
    });
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'an admin moved a character to another member',
        guild: GUILD,
        character: ALICE_MAIN.id,
        from: ALICE,
        to: BOB,
        by: ADMIN,
      }),
    );
    // Alice held nothing else, so her stored roles are forgotten.
    expect(await createGuildMemberRepository({ db: getDb().db }).rolesOf(GUILD, ALICE)).toBeUndefined();
  });

  it('GIVEN an admin WHEN acting for another member THEN they link, list and unlink for them; a member without rights is refused and nothing changes', async () => {
    const linked = await pilots.link({
      guildId: GUILD,
      actor: admin,
      member: { userId: BOB },
      character: 'Bob Main',
    });
    expect(linked).toMatchObject({ kind: 'linked', userId: BOB });
    expect(await characters().get(GUILD, BOB_MAIN.id)).toMatchObject({ userId: BOB, linkedBy: ADMIN });
    expect(
      (await pilots.list({ guildId: GUILD, actor: admin, member: { userId: BOB } })).map(
        (c) => c.characterId,
      ),
    ).toEqual([BOB_MAIN.id]);

    for (const call of [
      pilots.link({ guildId: GUILD, actor: alice, member: { userId: BOB }, character: 'Alice Alt' }),
      pilots.unlink({ guildId: GUILD, actor: alice, member: { userId: BOB }, character: 'Bob Main' }),
      pilots.list({ guildId: GUILD, actor: alice, member: { userId: BOB } }),
      pilots.listAll({ guildId: GUILD, actor: alice }),
    ]) {
      expect(await refusal(call)).toContain('Only admins');
    }
    expect((await characters().forGuild(GUILD)).map((row) => [row.userId, row.characterId])).toEqual([
      [BOB, BOB_MAIN.id],
    ]);

    const all = await pilots.listAll({ guildId: GUILD, actor: admin });
    expect(all).toEqual([
      expect.objectContaining({ characterId: BOB_MAIN.id, userId: BOB, linkedBy: ADMIN }),
    ]);
    expect(
      await pilots.unlink({ guildId: GUILD, actor: admin, member: { userId: BOB }, character: 'bob main' }),
    ).toEqual({
      character: BOB_MAIN,
      userId: BOB,
    });
    expect(await characters().forGuild(GUILD)).toEqual([]);
  });

  it("GIVEN linked characters WHEN a member unlinks by name or id THEN only their own go; another member's character is refused", async () => {
    await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' });
    await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Alt' });
    await pilots.link({ guildId: GUILD, actor: bob, character: 'Bob Main' });

    expect(
      await refusal(pilots.unlink({ guildId: GUILD, actor: alice, character: String(BOB_MAIN.id) })),
    ).toContain('not yours');
    expect((await pilots.unlink({ guildId: GUILD, actor: alice, character: 'ALICE ALT' })).character).toEqual(
      ALICE_ALT,
    );
    expect(
      (await pilots.unlink({ guildId: GUILD, actor: alice, character: String(ALICE_MAIN.id) })).character.id,
    ).toBe(ALICE_MAIN.id);
    expect((await characters().forGuild(GUILD)).map((row) => row.characterId)).toEqual([BOB_MAIN.id]);
  });

  it("GIVEN the same character in two guilds THEN each guild has its own owner and never sees the other guild's links", async () => {
    await pilots.link({ guildId: OTHER_GUILD, actor: bob, character: 'Alice Main' });
    expect(await pilots.list({ guildId: GUILD, actor: bob })).toEqual([]);
    expect(await pilots.listAll({ guildId: GUILD, actor: admin })).toEqual([]);
    // A forged id of a character linked in another guild unlinks nothing here.
    expect(
      await refusal(pilots.unlink({ guildId: GUILD, actor: bob, character: String(ALICE_MAIN.id) })),
    ).toContain('not yours');
    expect(await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' })).toMatchObject({
      kind: 'linked',
    });
    expect((await characters().get(OTHER_GUILD, ALICE_MAIN.id))?.userId).toBe(BOB);
    expect((await characters().get(GUILD, ALICE_MAIN.id))?.userId).toBe(ALICE);
    expect(await pilots.linkedChoices({ guildId: OTHER_GUILD, actor: alice, text: '' })).toEqual([]);
  });

  it('GIVEN two members claiming the same free character at once THEN exactly one holds it and the other is told who', async () => {
    const results = await Promise.allSettled([
      pilots.link({ guildId: GUILD, actor: alice, character: String(BOB_MAIN.id) }),
      pilots.link({ guildId: GUILD, actor: bob, character: String(BOB_MAIN.id) }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((result) => result.status === 'rejected');
    const holder = (await characters().get(GUILD, BOB_MAIN.id))?.userId;
    expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(UserError);
    expect(String((lost as PromiseRejectedResult).reason.message)).toContain(`<@${holder}>`);
  });

  it('GIVEN a character already linked to the member WHEN linked again THEN it says so and changes nothing', async () => {
    await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' });
    expect(await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' })).toEqual({
      kind: 'already-linked',
      character: ALICE_MAIN,
      userId: ALICE,
      verified: false,
    });
  });

  it(`GIVEN a member with ${MAX_CHARACTERS_PER_MEMBER} characters WHEN they link another THEN refused; an admin may still link for them`, async () => {
    await characters().importLinks(
      GUILD,
      Array.from({ length: MAX_CHARACTERS_PER_MEMBER }, (_, index) => ({
        userId: ALICE,
        characterId: 2113000000 + index,
        verified: false,
      })),
    );
    expect(await refusal(pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' }))).toContain(
      'Unlink one first',
    );
    expect(
      await pilots.link({ guildId: GUILD, actor: admin, member: { userId: ALICE }, character: 'Alice Main' }),
    ).toMatchObject({
      kind: 'linked',
    });
  });

  it("offers characters the bot knows for autocomplete (id as the value) and the member's own for unlinking", async () => {
    await createNameRepository({ db: getDb().db }).put([
      { ...ALICE_MAIN, category: 'character' },
      { ...CORPORATION, category: 'corporation' },
    ]);
    expect(await pilots.characterChoices('alice')).toEqual([
      { name: `Alice Main (${ALICE_MAIN.id})`, value: String(ALICE_MAIN.id) },
    ]);
    expect(await pilots.characterChoices('2112000555')).toEqual([
      { name: 'Character id 2112000555', value: '2112000555' },
    ]);
    await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' });
    await pilots.link({ guildId: GUILD, actor: alice, character: '2112000555' });
    expect(await pilots.linkedChoices({ guildId: GUILD, actor: alice, text: 'main' })).toEqual([
      { name: `Alice Main (${ALICE_MAIN.id})`, value: String(ALICE_MAIN.id) },
    ]);
    expect(await pilots.linkedChoices({ guildId: GUILD, actor: bob, text: '' })).toEqual([]);
  });
});
