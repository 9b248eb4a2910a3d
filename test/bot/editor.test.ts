import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIMessage,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrackerRow } from '../../src/db/tracker-repository.ts';
import { CLAUSE_DEFINITIONS, type TrackerDefinition } from '../../src/engine/index.ts';
import { createTracker } from '../../src/tracker-ops/save.ts';
import type { RecordedInteractionCallback } from '../fakes/discord/index.ts';
import { PLACES } from '../fixtures/clause-input/editor-world.ts';
import { HORDE } from '../fixtures/clause-input/known-names.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { definition, embedOf } from './tracker-support.ts';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

describeEachDatabase(
  'tracker editor: add and remove conditions with selects, modals and the role picker',
  (getDb) => {
    let harness: BotHarness;
    beforeAll(async () => {
      harness = await startBotHarness(getDb().handle);
    });
    afterAll(async () => harness?.stop());

    const create = (name: string, guildId = harness.guildId, extra: Partial<TrackerDefinition> = {}) =>
      createTracker(harness.ctx, {
        guildId,
        channelId: guildId === harness.guildId ? harness.channels.alerts : harness.channels.otherGuild,
        definition: definition(name, { origin_solar_system_id: PLACES.jita, ...extra }),
      });
    const stored = async (row: TrackerRow) =>
      (await harness.ctx.trackers.get(row.id, row.guildId))?.definition;

    /** Opens the editor with /tracker show and returns its message (the components sit on it). */
    async function openEditor(row: TrackerRow): Promise<APIMessage> {
      const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      return harness.fake.waitForOriginal(shown.token);
    }
    const rowsOf = (callback: RecordedInteractionCallback) => callback.data?.components as Row[];
    /** The text input of a modal answer (modals hold one Label with the input). */
    const modalInput = (callback: RecordedInteractionCallback): Record<string, unknown> | undefined =>
      (callback.data?.components as Array<{ component: Record<string, unknown> }> | undefined)?.[0]
        ?.component;

    it('GIVEN a new tracker THEN the editor has three add menus covering every clause, an empty remove menu and the buttons', async () => {
      const row = await create('Home defence');
      const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      const rows = rowsOf(shown);
      expect(rows).toHaveLength(5);
      const addMenus = rows.slice(0, 3).map((entry) => entry.components[0]) as Array<{
        custom_id: string;
        options: Array<{ value: string }>;
      }>;
      expect(addMenus.map((menu) => menu.custom_id)).toEqual([
        `trk1:add:${row.id}:location`,
        `trk1:add:${row.id}:attackers`,
        `trk1:add:${row.id}:victim`,
      ]);
      const offered = addMenus.flatMap((menu) => menu.options.map((entry) => entry.value)).sort();
      expect(offered).toEqual(CLAUSE_DEFINITIONS.map((entry) => entry.key).sort());
      expect(rows[3]?.components[0]).toMatchObject({ custom_id: `trk1:rm:${row.id}`, disabled: true });
      expect(rows[4]?.components.map((button) => ('label' in button ? button.label : ''))).toEqual([
        'Enable',
        'Pings…',
        'Preview',
        'Test post',
        'Delete',
      ]);
      expect(embedOf(shown).description).toContain('No conditions yet');
      expect(embedOf(shown).description).toContain('press **Enable**');
    });

    it('adds a number through the select and its modal, and updates the editor in place', async () => {
      const row = await create('Jumps');
      const editor = await openEditor(row);
      const opened = await harness.select(
        `trk1:add:${row.id}:location`,
        ['require_max_jumps'],
        'admin',
        editor,
      );
      expect(opened.type).toBe(InteractionResponseType.Modal);
      expect(opened.data?.custom_id).toBe(`trk1:val:${row.id}:require_max_jumps`);
      expect(String(opened.data?.title).length).toBeLessThanOrEqual(45);
      const input = modalInput(opened);
      expect(input).toMatchObject({ custom_id: 'value', placeholder: 'e.g. 10', required: true });

      const saved = await harness.modal(
        `trk1:val:${row.id}:require_max_jumps`,
        [{ customId: 'value', value: '10' }],
        'admin',
        editor,
      );
      expect(saved.type).toBe(InteractionResponseType.UpdateMessage);
      expect(saved.data?.content).toContain('**Max jumps from origin** set to 10');
      expect(embedOf(saved).description).toContain('within 10 jumps of Jita');
      expect((await stored(row))?.clauses).toEqual({ require_max_jumps: 10 });

      // Opening it again shows the current value to edit.
      const again = await harness.select(
        `trk1:add:${row.id}:location`,
        ['require_max_jumps'],
        'admin',
        editor,
      );
      const current = modalInput(again);
      expect(current?.value).toBe('10');
    });

    it('adds an ISK amount typed with a unit', async () => {
      const row = await create('Expensive');
      const editor = await openEditor(row);
      await harness.select(`trk1:add:${row.id}:victim`, ['require_min_value'], 'admin', editor);
      const saved = await harness.modal(
        `trk1:val:${row.id}:require_min_value`,
        [{ customId: 'value', value: '1.5b' }],
        'admin',
        editor,
      );
      expect(saved.data?.content).toContain('set to 1.5b');
      expect(embedOf(saved).description).toContain('worth at least 1.5b');
      expect((await stored(row))?.clauses.require_min_value).toBe(1_500_000_000);
    });

    it('switches a flag on at once, and refuses its contradicting twin without changing the tracker', async () => {
      const row = await create('Solo');
      const editor = await openEditor(row);
      const on = await harness.select(`trk1:add:${row.id}:victim`, ['require_solo'], 'admin', editor);
      expect(on.type).toBe(InteractionResponseType.UpdateMessage);
      expect(on.data?.content).toContain('**Only solo kills** is on');
      expect(embedOf(on).description).toContain('solo');
      const removeMenu = rowsOf(on)[3]?.components[0] as {
        disabled?: boolean;
        options: Array<{ value: string }>;
      };
      expect(removeMenu.disabled).toBe(false);
      expect(removeMenu.options.map((entry) => entry.value)).toEqual(['require_solo']);

      const twin = await harness.select(`trk1:add:${row.id}:victim`, ['exclude_solo'], 'admin', editor);
      expect(twin.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(twin.data?.flags).toBe(MessageFlags.Ephemeral);
      expect(String(twin.data?.content)).toContain('would make the tracker invalid');
      expect((await stored(row))?.clauses).toEqual({ require_solo: true });
    });

    it('adds solar systems by name, then edits the list in the modal, then empties it to remove the condition', async () => {
      const row = await create('Trade hubs');
      const editor = await openEditor(row);
      const opened = await harness.select(
        `trk1:add:${row.id}:location`,
        ['require_solar_systems'],
        'admin',
        editor,
      );
      const input = modalInput(opened);
      expect(input?.value).toBeUndefined();
      const first = await harness.modal(
        `trk1:val:${row.id}:require_solar_systems`,
        [{ customId: 'value', value: 'jita, Amarr' }],
        'admin',
        editor,
      );
      expect(first.data?.content).toContain('**Solar systems** is now: Jita, Amarr');
      expect(embedOf(first).description).toContain('Jita or Amarr');
      expect((await stored(row))?.clauses.require_solar_systems).toEqual([PLACES.jita, PLACES.amarr]);

      const reopened = await harness.select(
        `trk1:add:${row.id}:location`,
        ['require_solar_systems'],
        'admin',
        editor,
      );
      const prefilled = modalInput(reopened);
      expect(prefilled?.value).toBe('Jita, Amarr');
      expect(prefilled?.required).toBe(false);
      await harness.modal(
        `trk1:val:${row.id}:require_solar_systems`,
        [{ customId: 'value', value: 'Amarr, Perimeter' }],
        'admin',
        editor,
      );
      expect((await stored(row))?.clauses.require_solar_systems).toEqual([PLACES.amarr, PLACES.perimeter]);

      const emptied = await harness.modal(
        `trk1:val:${row.id}:require_solar_systems`,
        [{ customId: 'value', value: '  ' }],
        'admin',
        editor,
      );
      expect(emptied.data?.content).toContain('**Solar systems** removed');
      expect((await stored(row))?.clauses).toEqual({});
    });

    it('GIVEN an invalid value in the modal THEN the error is ephemeral and the tracker is unchanged', async () => {
      const row = await create('Typos', harness.guildId, { clauses: { require_min_value: 1_000_000 } });
      const editor = await openEditor(row);
      const failed = await harness.modal(
        `trk1:val:${row.id}:require_min_value`,
        [{ customId: 'value', value: '1,5 billions' }],
        'admin',
        editor,
      );
      expect(failed.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(failed.data?.flags).toBe(MessageFlags.Ephemeral);
      expect(String(failed.data?.content)).toContain('Expected an ISK amount like 500m, 1.5b or 2000000');
      const unknown = await harness.modal(
        `trk1:val:${row.id}:require_solar_systems`,
        [{ customId: 'value', value: 'Atlantis' }],
        'admin',
        editor,
      );
      expect(String(unknown.data?.content)).toContain('No solar system called "Atlantis"');
      expect((await stored(row))?.clauses).toEqual({ require_min_value: 1_000_000 });
    });

    it('GIVEN a value that waits on ESI and ESI fails THEN the advice is an ephemeral follow-up and the editor stays', async () => {
      const row = await create('Waiting on ESI');
      const editor = await openEditor(row);
      await harness.esi.setDown('unavailable');
      try {
        const failed = await harness.modal(
          `trk1:val:${row.id}:require_attacker_alliances`,
          [{ customId: 'value', value: 'Brave Collective' }],
          'admin',
          editor,
        );
        expect(failed.type).toBe(InteractionResponseType.DeferredMessageUpdate);
        const [advice] = await harness.fake.waitFor(() => harness.fake.followUps.get(failed.token));
        expect(advice?.content).toContain('ESI did not answer in time');
        expect((advice?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
        const after = harness.fake.originals.get(failed.token);
        expect(after?.embeds).toEqual(editor.embeds);
        expect(after?.components).toEqual(editor.components);
        expect((await stored(row))?.clauses).toEqual({});
      } finally {
        await harness.esi.setDown(false);
      }
    });

    it('picks roles for a roles clause with the role select, and Back returns to the editor unchanged', async () => {
      const row = await create('Linked members');
      const editor = await openEditor(row);
      const picker = await harness.select(
        `trk1:add:${row.id}:attackers`,
        ['require_attacker_roles'],
        'admin',
        editor,
      );
      expect(picker.type).toBe(InteractionResponseType.UpdateMessage);
      const rows = rowsOf(picker);
      expect(rows[0]?.components[0]).toMatchObject({
        type: ComponentType.RoleSelect,
        custom_id: `trk1:roles:${row.id}:require_attacker_roles`,
        min_values: 0,
      });
      const back = await harness.button(`trk1:roles:${row.id}`, 'admin', editor);
      expect(rowsOf(back)).toHaveLength(5);
      expect((await stored(row))?.clauses).toEqual({});

      const picked = await harness.roleSelect(
        `trk1:roles:${row.id}:require_attacker_roles`,
        [harness.roles.fc, harness.roles.pilots],
        'admin',
        editor,
      );
      expect(picked.type).toBe(InteractionResponseType.UpdateMessage);
      expect(picked.data?.content).toContain(`<@&${harness.roles.fc}>`);
      expect(picked.data?.allowed_mentions).toEqual({ parse: [] });
      expect(embedOf(picked).description).toContain(`attacked by a member with <@&${harness.roles.fc}>`);
      expect(rowsOf(picked)).toHaveLength(5);
      expect((await stored(row))?.clauses.require_attacker_roles).toEqual([
        harness.roles.fc,
        harness.roles.pilots,
      ]);

      // The picker opens with the current roles selected, and picking none removes the condition.
      const reopened = await harness.select(
        `trk1:add:${row.id}:attackers`,
        ['require_attacker_roles'],
        'admin',
        editor,
      );
      expect(
        (rowsOf(reopened)[0]?.components[0] as { default_values?: unknown[] } | undefined)?.default_values,
      ).toHaveLength(2);
      await harness.roleSelect(`trk1:roles:${row.id}:require_attacker_roles`, [], 'admin', editor);
      expect((await stored(row))?.clauses).toEqual({});
    });

    it('removes a condition with the remove select', async () => {
      const row = await create('Busy', harness.guildId, {
        clauses: { require_solo: true, require_min_value: 5_000_000 },
      });
      const editor = await openEditor(row);
      const removed = await harness.select(`trk1:rm:${row.id}`, ['require_solo'], 'admin', editor);
      expect(removed.type).toBe(InteractionResponseType.UpdateMessage);
      expect(removed.data?.content).toContain('**Only solo kills** removed');
      expect((await stored(row))?.clauses).toEqual({ require_min_value: 5_000_000 });
      const stale = await harness.select(`trk1:rm:${row.id}`, ['require_solo'], 'admin', editor);
      expect(stale.data?.content).toContain('is not set');
    });

    it("GIVEN a forged custom_id with another guild's tracker id THEN it answers not found and changes nothing", async () => {
      const theirs = await create('Their tracker', harness.otherGuildId);
      const editor = await openEditor(await create('Ours'));
      const viaSelect = await harness.select(
        `trk1:add:${theirs.id}:victim`,
        ['require_solo'],
        'admin',
        editor,
      );
      expect(String(viaSelect.data?.content)).toContain('no longer exists');
      const viaModal = await harness.modal(
        `trk1:val:${theirs.id}:require_min_value`,
        [{ customId: 'value', value: '1b' }],
        'admin',
        editor,
      );
      expect(String(viaModal.data?.content)).toContain('no longer exists');
      const viaRemove = await harness.select(`trk1:rm:${theirs.id}`, ['require_solo'], 'admin', editor);
      expect(String(viaRemove.data?.content)).toContain('no longer exists');
      expect((await stored(theirs))?.clauses).toEqual({});
    });

    it('describes the tracker: escaped names, delivery failure state, last match and the Enable button', async () => {
      const sneaky = { id: 99000001, name: '**Bold** @everyone', category: 'alliance' };
      await harness.ctx.names.put([sneaky]);
      const row = await create('Watched', harness.guildId, {
        enabled: true,
        clauses: { require_attacker_alliances: [sneaky.id], require_solo: true, exclude_awox: false },
      });
      await harness.ctx.trackers.recordMatches([row.id], new Date('2026-11-20T12:00:00Z'));
      await harness.ctx.trackers.disableChannel(harness.channels.alerts, 'Missing Access');
      const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      const embed = embedOf(shown);
      expect(embed.description).toContain(
        '**Attackers:** attacked by alliance \\*\\*Bold\\*\\* @\u200beveryone',
      );
      expect(embed.description).toContain('**Value & kind:** solo');
      expect(embed.description).not.toContain('awox');
      const field = (name: string) => embed.fields?.find((entry) => entry.name === name)?.value;
      expect(field('State')).toContain('Disabled by delivery failure: Missing Access');
      expect(field('Last match')).toBe(`<t:${Date.parse('2026-11-20T12:00:00Z') / 1000}:R>`);
      expect(field('Origin')).toBe('Jita \\(0.9, The Forge\\)');
      expect(field('Channel')).toBe(`<#${harness.channels.alerts}>`);
      const toggle = rowsOf(shown)[4]?.components[0];
      expect(toggle && 'label' in toggle ? toggle.label : undefined).toBe('Enable');
    });

    it('shows the names of a list in the modal so it can be edited, and ids for names it cannot show', async () => {
      await harness.ctx.names.put([HORDE]);
      const row = await create('Blues', harness.guildId, {
        clauses: { exclude_attacker_alliances: [HORDE.id, 99000002] },
      });
      const opened = await harness.select(
        `trk1:add:${row.id}:attackers`,
        ['exclude_attacker_alliances'],
        'admin',
      );
      const input = modalInput(opened);
      expect(input?.value).toBe('Pandemic Horde, 99000002');
    });

    it('GIVEN a tracker without an origin THEN a jump condition asks for the origin first', async () => {
      const row = await create('Nowhere', harness.guildId, { origin_solar_system_id: null });
      const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      const location = rowsOf(shown)[0]?.components[0] as {
        options: Array<{ value: string; description?: string }>;
      };
      expect(location.options.find((entry) => entry.value === 'require_max_jumps')?.description).toContain(
        '/tracker set origin',
      );
      const refused = await harness.select(`trk1:add:${row.id}:location`, ['require_max_jumps'], 'admin');
      expect(refused.data?.flags).toBe(MessageFlags.Ephemeral);
      expect(String(refused.data?.content)).toContain('Run /tracker set origin first');
    });

    it('GIVEN a member without permission THEN the add select is refused', async () => {
      const row = await create('Guarded');
      const refused = await harness.select(`trk1:add:${row.id}:victim`, ['require_solo'], 'member');
      expect(String(refused.data?.content)).toContain('Manage Server');
      expect((await stored(row))?.clauses).toEqual({});
    });
  },
);
