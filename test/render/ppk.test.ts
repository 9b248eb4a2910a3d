import { describe, expect, it } from 'vitest';
import {
  embedLength,
  PPK_CLAIM_BUTTONS,
  type PpkMessageInput,
  renderAlert,
  renderPpkMessage,
} from '../../src/engine/render/index.ts';
import { CLAIMABLE_EVENT_TYPES } from '../../src/ppk/operations.ts';
import { buildMatch, catalog, JITA, nameLookup, universe } from './fixtures.ts';
import { buildKillmail } from './killmail-builder.ts';
import { expectValidMessage } from './markdown-checks.ts';

const LABELS = ['Participant', 'Tackle', 'Dictor', 'Logi', 'Scout', 'FC'];

function labelsOf(components: unknown): unknown[] {
  return (components as Array<{ components: Array<{ label?: string }> }>).flatMap((row) =>
    row.components.map((button) => button.label),
  );
}

function ppkInput(overrides: Partial<PpkMessageInput> = {}): PpkMessageInput {
  return {
    killmailId: 131000001,
    killmailTime: new Date('2026-11-21T08:00:00Z'),
    solarSystemId: JITA,
    victim: { characterId: 90000001, corporationId: 98000001, allianceId: undefined, shipTypeId: 587 },
    value: 2_000_000_000,
    valueOverridden: false,
    poolIsk: 200_000_000,
    noPay: undefined,
    claimWindowClosesAt: new Date('2026-11-28T08:00:00Z'),
    claimWindowOpen: true,
    roster: LABELS.map((label) => ({ label, characters: [] })),
    unlinked: [],
    names: nameLookup(),
    universe,
    catalog,
    ...overrides,
  };
}

describe('pay-per-kill buttons and messages', () => {
  it('GIVEN a PPK tracker among the matches THEN the alert carries the six claim buttons, labelled exactly', () => {
    const killmail = buildKillmail();
    const message = renderAlert({
      killmail,
      matches: [buildMatch({ name: 'Plain' }), buildMatch({ name: 'Paid', ppk: true })],
      names: nameLookup(),
      universe,
      catalog,
    });
    expectValidMessage(message);
    expect(labelsOf(message.components)).toEqual(LABELS);
    expect(
      (message.components as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components[0]!
        .custom_id,
    ).toBe(`ppk1:claim:${killmail.id}:participant`);
  });

  it('GIVEN no PPK tracker, or a test sample THEN the alert has no claim buttons', () => {
    const input = { killmail: buildKillmail(), names: nameLookup(), universe, catalog };
    expect(renderAlert({ ...input, matches: [buildMatch({})] }).components).toBeUndefined();
    expect(
      renderAlert({ ...input, matches: [buildMatch({ ppk: true })], test: true }).components,
    ).toBeUndefined();
  });

  it('GIVEN the claim buttons THEN they claim exactly the claimable event types, in order', () => {
    expect(PPK_CLAIM_BUTTONS.map((button) => button.type)).toEqual([...CLAIMABLE_EVENT_TYPES]);
  });

  it('GIVEN hostile names and hundreds of pilots THEN the PPK message escapes them, stays within Discord limits and pings nobody', () => {
    const many = Array.from({ length: 400 }, (_, index) => ({
      characterId: 2112000000 + index,
      characterName: index === 0 ? '@everyone <@&123> **Boss**' : `Pilot number ${index} with a long name`,
    }));
    const message = renderPpkMessage(
      ppkInput({
        roster: LABELS.concat(['Final blow', 'Top damage']).map((label) => ({ label, characters: many })),
        unlinked: many,
      }),
    );
    expectValidMessage(message);
    const embed = message.embeds[0]!;
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const tackle = embed.fields!.find((field) => field.name === 'Tackle (400)')!;
    expect(tackle.value.startsWith('@\u200beveryone \\<@\u200b&123\\> \\*\\*Boss\\*\\*')).toBe(true);
    expect(tackle.value).toMatch(/\+\d+ more$/);
    expect(embed.fields!.find((field) => field.name === 'Not linked (400)')!.value).toContain(
      '/character link',
    );
  });

  it('GIVEN a kill that pays nothing or whose claims closed THEN the message says why and the buttons are disabled', () => {
    const message = renderPpkMessage(ppkInput({ noPay: 'NPC kill', claimWindowOpen: false, poolIsk: 0 }));
    const value = message.embeds[0]!.fields!.find((field) => field.name === 'Value')!.value;
    expect(value).toContain('Pays nothing: NPC kill');
    expect(message.embeds[0]!.description).toContain('Claims are closed');
    const buttons = (message.components as Array<{ components: Array<{ disabled?: boolean }> }>).flatMap(
      (row) => row.components,
    );
    expect(buttons.every((button) => button.disabled === true)).toBe(true);
  });
});
