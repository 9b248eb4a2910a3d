import { expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { characterRolesOf } from '../../src/db/character-roles.ts';
import { createGuildMemberRepository } from '../../src/db/guild-member-repository.ts';
import { createGuildSettingsRepository } from '../../src/db/guild-settings-repository.ts';
import { pilotChangesSince } from '../../src/db/pilots-revision.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const GUILD = '123456789012345678';
const OTHER_GUILD = '223456789012345678';
const FC = '323456789012345678';
const BLUE = '423456789012345678';
const ALICE = '400000000000000001';
const BOB = '400000000000000002';
const CAROL = '400000000000000003';

describeEachDatabase('the character -> roles view of each guild', (getDb) => {
  it("GIVEN links in two guilds THEN each guild sees its own members' current roles, without @everyone, members who left, or members never looked up", async () => {
    const { db } = getDb();
    const characters = createCharacterRepository({ db });
    const members = createGuildMemberRepository({ db });
    const link = (guildId: string, characterId: number, userId: string) =>
      characters.claim({ guildId, characterId, userId, verified: false, linkedBy: null });
    await link(GUILD, 1, ALICE);
    await link(GUILD, 2, ALICE);
    await link(GUILD, 3, BOB);
    await link(GUILD, 4, CAROL);
    await link(OTHER_GUILD, 1, BOB);
    await members.set(GUILD, { userId: ALICE, roleIds: [FC, GUILD, BLUE, FC] });
    await members.set(GUILD, { userId: BOB, roleIds: [] });
    await members.markLeft(GUILD, BOB);
    await members.set(OTHER_GUILD, { userId: BOB, roleIds: [BLUE] });
    // Not linked in that guild: not kept.
    expect(await members.set(OTHER_GUILD, { userId: CAROL, roleIds: [FC] })).toBe(false);

    const view = await characterRolesOf(db, [GUILD, OTHER_GUILD]);
    expect(view.get(GUILD)).toEqual(
      new Map([
        [1, [FC, BLUE].sort()],
        [2, [FC, BLUE].sort()],
      ]),
    );
    expect(view.get(OTHER_GUILD)).toEqual(new Map([[1, [BLUE]]]));
    expect(await members.stale([GUILD, OTHER_GUILD], undefined, 10)).toEqual([
      { guildId: GUILD, userId: CAROL },
    ]);
  });

  it("GIVEN require_verified_links THEN only proven links count; every change moves the guild's revision", async () => {
    const { db } = getDb();
    const characters = createCharacterRepository({ db });
    const settings = createGuildSettingsRepository({ db });
    await characters.claim(
      { guildId: GUILD, characterId: 1, userId: ALICE, verified: false, linkedBy: null },
      { userId: ALICE, roleIds: [FC] },
    );
    await characters.claim({ guildId: GUILD, characterId: 2, userId: ALICE, verified: true, linkedBy: null });
    const before = await pilotChangesSince(db, -1);
    expect(before.guildIds).toEqual([GUILD]);

    await settings.setRequireVerifiedLinks(GUILD, true);
    const after = await pilotChangesSince(db, before.revision);
    expect(after).toEqual({ revision: before.revision + 1, guildIds: [GUILD], reset: false });
    expect((await characterRolesOf(db, [GUILD])).get(GUILD)).toEqual(new Map([[2, [FC]]]));
    expect(await pilotChangesSince(db, after.revision)).toEqual({
      revision: after.revision,
      guildIds: [],
      reset: false,
    });
  });
});
