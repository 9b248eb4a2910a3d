// /character end to end through the real discord.js client against the fake Discord and ESI: members
// link, unlink and list their own characters; admins act for others; one owner per character per guild.
import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createSsoStateRepository } from '../../src/db/sso-state-repository.ts';
import { silentLogger } from '../../src/log.ts';
import { createPilotOperations } from '../../src/pilots/operations.ts';
import { createEveSso, SSO_CALLBACK_PATH } from '../../src/pilots/sso/eve-sso.ts';
import { FakeEveSso } from '../fakes/eve-sso.ts';
import type { RecordedInteractionCallback } from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { contentOf, deferredAnswer } from './tracker-support.ts';

const MAIN = { id: 2112000201, name: 'Ayla Main' };
const ALT = { id: 2112000202, name: 'Ayla Alt' };
const ODD = { id: 2112000203, name: '*Bold* @everyone' };
const CORPORATION = { id: 98000201, name: 'Ayla Industries' };
const ALLIANCE = { id: 99000201, name: 'Ayla Alliance' };

describeEachDatabase('/character: link, unlink, list', (getDb) => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
    harness.esi.addNames([
      { ...MAIN, category: 'character' },
      { ...ALT, category: 'character' },
      { ...ODD, category: 'character' },
      { ...CORPORATION, category: 'corporation' },
      { ...ALLIANCE, category: 'alliance' },
    ]);
    harness.esi.addAffiliations([
      { character_id: MAIN.id, corporation_id: CORPORATION.id, alliance_id: ALLIANCE.id },
    ]);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const characters = () => createCharacterRepository({ db: getDb().db });

  /** `/character <sub>` by `who`, resolved to the text of its (deferred or immediate) answer. */
  async function run(
    sub: string,
    options: Parameters<BotHarness['command']>[2] = [],
    who: Parameters<BotHarness['command']>[3] = 'member',
  ): Promise<{
    text: string;
    embeds: APIEmbed[];
    components: unknown[];
    callback: RecordedInteractionCallback;
  }> {
    const callback = await harness.command('character', sub, options, who);
    if (callback.type === 5) {
      const message = await deferredAnswer(harness, callback);
      return {
        text: message.content,
        embeds: message.embeds,
        components: message.components ?? [],
        callback,
      };
    }
    return {
      text: contentOf(callback),
      embeds: (callback.data?.embeds ?? []) as APIEmbed[],
      components: (callback.data?.components ?? []) as unknown[],
      callback,
    };
  }

  it('GIVEN the registered commands THEN /character is for every member: no default member permissions', () => {
    const registered = harness.fake.commands().find((command) => command.name === 'character');
    expect(registered).toBeDefined();
    expect(registered?.default_member_permissions ?? null).toBeNull();
    expect(registered?.options?.map((entry) => entry.name)).toEqual(['link', 'unlink', 'list']);
  });

  it('GIVEN a plain member WHEN they link a character by its exact name THEN it is linked to them, unverified', async () => {
    const answer = await run('link', [option.string('character', MAIN.name)]);
    expect(answer.text).toContain(`Linked **${MAIN.name} (${MAIN.id})** to you (self-declared, unverified)`);
    const rows = await characters().forMember(harness.guildId, harness.users.member.id);
    expect(rows.map((row) => [row.characterId, row.verified])).toEqual([[MAIN.id, false]]);
  });

  it('GIVEN a member WHEN they link by id and then by an unknown name THEN the id links and the name is refused clearly', async () => {
    const byId = await run('link', [option.string('character', String(ALT.id))]);
    expect(byId.text).toContain(`Linked **${ALT.name} (${ALT.id})**`);
    const unknown = await run('link', [option.string('character', 'Nobody Flies This')]);
    expect(unknown.text).toMatch(/No EVE character is named/i);
    const rows = await characters().forMember(harness.guildId, harness.users.member.id);
    expect(rows.map((row) => row.characterId)).toEqual([ALT.id]);
  });

  it('GIVEN a character another member holds WHEN a member links it THEN it is refused naming who to ask, and an admin can move it', async () => {
    await run('link', [option.string('character', MAIN.name)], 'manager');
    const refused = await run('link', [option.string('character', MAIN.name)], 'member');
    expect(refused.text).toContain(`<@${harness.users.manager.id}>`);
    expect(refused.text).toMatch(/Ask .* to unlink it, or an admin can move it/);
    expect((await characters().forMember(harness.guildId, harness.users.member.id)).length).toBe(0);

    const moved = await run(
      'link',
      [option.string('character', MAIN.name), option.user('member', harness.users.member.id)],
      'admin',
    );
    expect(moved.text).toContain(`to <@${harness.users.member.id}>`);
    expect(moved.text).toContain(`It was linked to <@${harness.users.manager.id}> until now`);
    const rows = await characters().forMember(harness.guildId, harness.users.member.id);
    expect(rows.map((row) => [row.characterId, row.linkedBy])).toEqual([[MAIN.id, harness.users.admin.id]]);
  });

  it('GIVEN a plain member WHEN they act for another member THEN it is refused and nothing is linked', async () => {
    const answer = await run(
      'link',
      [option.string('character', ALT.name), option.user('member', harness.users.manager.id)],
      'member',
    );
    expect(answer.text).toContain('Only admins');
    expect((await characters().forMember(harness.guildId, harness.users.manager.id)).length).toBe(0);
    const list = await run('list', [option.user('member', harness.users.manager.id)], 'member');
    expect(list.text).toContain('Only admins');
  });

  it('GIVEN two linked characters WHEN the member unlinks one (picked from autocomplete) THEN only the other stays', async () => {
    await run('link', [option.string('character', MAIN.name)]);
    await run('link', [option.string('character', ALT.name)]);
    const choices = await harness.autocomplete(
      'unlink',
      [option.focused('character', 'ayla')],
      'member',
      'character',
    );
    expect(choices.map((choice) => choice.value).sort()).toEqual([String(MAIN.id), String(ALT.id)].sort());
    const answer = await run('unlink', [option.string('character', String(ALT.id))]);
    expect(answer.text).toContain(`Unlinked **${ALT.name} (${ALT.id})** from you`);
    const rows = await characters().forMember(harness.guildId, harness.users.member.id);
    expect(rows.map((row) => row.characterId)).toEqual([MAIN.id]);
    const notMine = await run('unlink', [option.string('character', String(ALT.id))]);
    expect(notMine.text).toContain('not yours');
  });

  it('GIVEN a member typing a character to link THEN autocomplete offers known characters with their ids as values', async () => {
    await harness.ctx.names.put([{ ...MAIN, category: 'character' }]);
    const choices = await harness.autocomplete(
      'link',
      [option.focused('character', 'Ayla M')],
      'member',
      'character',
    );
    expect(choices).toContainEqual({ name: `${MAIN.name} (${MAIN.id})`, value: String(MAIN.id) });
  });

  it('GIVEN linked characters WHEN the member lists them THEN corporation, alliance and verification show, names escaped', async () => {
    await run('link', [option.string('character', MAIN.name)]);
    await run('link', [option.string('character', ODD.name)]);
    const list = await run('list');
    const embed = list.embeds[0];
    expect(embed?.title).toBe('Your linked characters (2)');
    const main = embed?.fields?.find((field) => field.name.includes(String(MAIN.id)));
    expect(main?.value).toContain(CORPORATION.name);
    expect(main?.value).toContain(ALLIANCE.name);
    expect(main?.value).toContain('Unverified (self-declared)');
    const odd = embed?.fields?.find((field) => field.name.includes(String(ODD.id)));
    expect(odd?.name).toContain('\\*Bold\\*');
  });

  it('GIVEN 30 characters WHEN listed THEN 25 show with a Next button that pages to the other 5', async () => {
    for (let index = 0; index < 30; index++) {
      await characters().claim({
        guildId: harness.guildId,
        characterId: 2112100000 + index,
        userId: harness.users.member.id,
        verified: index % 2 === 0,
        linkedBy: null,
      });
    }
    const first = await run('list');
    expect(first.embeds[0]?.fields).toHaveLength(25);
    expect(first.embeds[0]?.footer?.text).toBe('Page 1 of 2');
    const next = JSON.stringify(first.components).match(/"custom_id":"(chr1:list:\d+:1)"/)?.[1];
    expect(next).toBeDefined();
    const second = await harness.button(next!, 'member');
    const embed = (second.data?.embeds as APIEmbed[] | undefined)?.[0];
    expect(embed?.fields).toHaveLength(5);
    expect(embed?.footer?.text).toBe('Page 2 of 2');

    // Another member pressing a button of that list is refused: only admins see others' characters.
    const forged = await harness.button(next!, 'manager');
    expect(contentOf(forged)).toContain('Only admins');
  });

  it('GIVEN links of several members WHEN an admin lists everyone THEN each row says who flies it; a member may not', async () => {
    await run('link', [option.string('character', MAIN.name)], 'member');
    await run('link', [option.string('character', ALT.name)], 'manager');
    const all = await run('list', [option.boolean('everyone', true)], 'admin');
    const text = JSON.stringify(all.embeds);
    expect(text).toContain(`flown by <@${harness.users.member.id}>`);
    expect(text).toContain(`flown by <@${harness.users.manager.id}>`);
    const refused = await run('list', [option.boolean('everyone', true)], 'member');
    expect(refused.text).toContain('Only admins');
  });

  it('GIVEN a character linked in this server THEN another server sees none of it', async () => {
    await run('link', [option.string('character', MAIN.name)]);
    const callback = await harness.command('character', 'list', [], 'member', harness.otherGuildId);
    const message = await deferredAnswer(harness, callback);
    expect(message.content).toContain('You have no characters linked in this server');
  });

  it('GIVEN EVE SSO is configured WHEN a member links THEN they get a one-time EVE login button and nothing is linked yet', async () => {
    const sso = await FakeEveSso.start({ clientId: 'client-id-for-tests', secret: 'secret' });
    const plain = harness.ctx.pilots;
    try {
      const names = createNameRepository({ db: getDb().db });
      harness.ctx.pilots = createPilotOperations({
        db: getDb().db,
        esi: harness.ctx.esi,
        names,
        nameResolver: harness.ctx.nameResolver,
        log: silentLogger,
        sso: createEveSso({
          settings: {
            clientId: 'client-id-for-tests',
            secret: 'secret',
            callbackUrl: `https://killtracker.example.com${SSO_CALLBACK_PATH}`,
            authorizeUrl: sso.authorizeUrl,
            tokenUrl: sso.tokenUrl,
            jwksUrl: sso.jwksUrl,
          },
          states: createSsoStateRepository({ db: getDb().db }),
          userAgent: 'killtracker-tests',
          log: silentLogger,
        }),
      });
      const answer = await run('link', [option.string('character', MAIN.name)]);
      expect(answer.text).toContain('log in with EVE Online **as that character**');
      const url = JSON.stringify(answer.components).match(/"url":"([^"]+)"/)?.[1];
      expect(url).toBeDefined();
      const login = new URL(url!);
      expect(`${login.origin}${login.pathname}`).toBe(sso.authorizeUrl);
      expect(login.searchParams.get('client_id')).toBe('client-id-for-tests');
      expect(login.searchParams.get('state')).toMatch(/\S{16,}/);
      expect(await characters().forMember(harness.guildId, harness.users.member.id)).toEqual([]);
    } finally {
      harness.ctx.pilots = plain;
      await sso.stop();
    }
  });

  it('GIVEN the manager role WHEN require-verified-links is switched on THEN the guild setting holds; a plain member may not', async () => {
    await harness.ctx.guildSettings.setManagerRole(harness.guildId, harness.roles.manager);
    const refused = await harness.command(
      'killtracker',
      'settings require-verified-links',
      [option.boolean('enabled', true)],
      'member',
    );
    expect(contentOf(refused)).toContain('Manage Server');
    const answer = await harness.command(
      'killtracker',
      'settings require-verified-links',
      [option.boolean('enabled', true)],
      'manager',
    );
    expect(contentOf(answer)).toContain('Only characters proven with EVE SSO now count');
    expect((await harness.ctx.guildSettings.get(harness.guildId))?.requireVerifiedLinks).toBe(true);
  });
});
