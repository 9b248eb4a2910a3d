// The member's rights, and the bot's, when discord.js has no cache of the guild (a raw interaction): read from
// what Discord sent with it — a channel option's resolved permissions for the member and for the bot, their
// permissions in the channel the command came from, the resolved roles — and nothing allowed where Discord
// said nothing.
import { Collection, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { APIRole } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { channelAccessWarning, pingWarnings } from '../../src/commands/tracker/bot-access.ts';
import { memberRights } from '../../src/commands/tracker/member-rights.ts';
import { fakeRole, permissionBits } from '../fakes/discord/index.ts';

const HERE = '100000000000000001';
const GIVEN = '100000000000000002';
const ELSEWHERE = '100000000000000003';
const MENTIONABLE = fakeRole({ id: '200000000000000001', name: 'FC', mentionable: true });
const QUIET = fakeRole({ id: '200000000000000002', name: 'Quiet', mentionable: false });

/** The parts of a raw slash command interaction that memberRights reads (no guild in discord.js's cache). */
function rawInteraction(memberPermissions: bigint) {
  const interaction = {
    channelId: HERE,
    guild: null,
    member: { roles: [], permissions: String(memberPermissions) },
    memberPermissions: new PermissionsBitField(memberPermissions),
    appPermissions: new PermissionsBitField(PermissionsBitField.All),
    isChatInputCommand: () => true,
    isRoleSelectMenu: () => false,
    options: {
      resolved: {
        roles: new Collection<string, APIRole>([
          [MENTIONABLE.id, MENTIONABLE],
          [QUIET.id, QUIET],
        ]),
      },
    },
  };
  // A stand-in for discord.js's interaction class: only the fields above are read.
  return interaction as unknown as Parameters<typeof memberRights>[0];
}

const POST = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

describe('member rights from a raw interaction', () => {
  it("GIVEN a channel option THEN its resolved permissions are the member's there; the command's channel uses the member's own", () => {
    const rights = memberRights(rawInteraction(POST | PermissionFlagsBits.MentionEveryone), {
      id: GIVEN,
      permissions: permissionBits(PermissionFlagsBits.ViewChannel),
    });
    expect(rights(GIVEN)).toMatchObject({ viewChannel: true, sendMessages: false, mentionEveryone: false });
    expect(rights(HERE)).toMatchObject({ viewChannel: true, sendMessages: true, mentionEveryone: true });
  });

  it('GIVEN a channel Discord said nothing about THEN nothing is allowed there', () => {
    const rights = memberRights(rawInteraction(POST | PermissionFlagsBits.MentionEveryone));
    expect(rights(ELSEWHERE)).toMatchObject({
      viewChannel: false,
      sendMessages: false,
      mentionEveryone: false,
    });
  });

  it('GIVEN an administrator THEN everything is allowed everywhere', () => {
    const rights = memberRights(rawInteraction(PermissionFlagsBits.Administrator));
    expect(rights(ELSEWHERE)).toMatchObject({ viewChannel: true, sendMessages: true, mentionEveryone: true });
  });

  it('GIVEN roles resolved with the command THEN a mentionable one may be pinged; an unknown or quiet one may not', () => {
    const rights = memberRights(rawInteraction(POST))(HERE);
    expect(rights.roleMentionable(MENTIONABLE.id)).toBe(true);
    expect(rights.roleMentionable(QUIET.id)).toBe(false);
    expect(rights.roleMentionable('200000000000000009')).toBe(false);
  });

  it("GIVEN a channel option THEN the bot's permissions there come from its app_permissions: missing ones are warned about", () => {
    const interaction = rawInteraction(POST);
    const given = { app_permissions: permissionBits(PermissionFlagsBits.ViewChannel) };
    expect(channelAccessWarning(interaction, GIVEN, given)).toContain(
      'it lacks Send Messages, Embed Links there',
    );
    expect(pingWarnings(interaction, GIVEN, { everyone: true, here: false, roles: [] }, given)).toEqual([
      expect.stringContaining('The bot lacks Mention Everyone'),
    ]);
    expect(
      channelAccessWarning(interaction, GIVEN, {
        app_permissions: permissionBits(POST, PermissionFlagsBits.EmbedLinks),
      }),
    ).toBeUndefined();
  });
});
