// The claim buttons (`ppk1:claim:<killmailId>:<type>`) and the character menu they open
// (`ppk1:pick:<killmailId>:<type>`): any member claims an event for a character they have linked; a
// second press takes the claim back. Answers go to the presser only; the public roster follows through
// the live-message outbox. The guild is the interaction's: a button can only claim in its own server.
import {
  type APIActionRowComponent,
  type APIStringSelectComponent,
  ComponentType,
} from 'discord-api-types/v10';
import { escapeMarkdown, PPK_CLAIM_BUTTONS, type PpkClaimType } from '../../engine/render/index.ts';
import { PPK_EVENT_LABELS, type PpkClaimableCharacter } from '../../ppk/operations.ts';
import { UserError } from '../../user-error.ts';
import type { BotContext, ComponentHandler, ComponentInteraction } from '../contract.ts';

const CLAIM_TYPES = PPK_CLAIM_BUTTONS.map((button) => button.type).join('|');
const CLAIM_ID = new RegExp(`^ppk1:claim:(\\d{1,10}):(${CLAIM_TYPES})$`);
const PICK_ID = new RegExp(`^ppk1:pick:(\\d{1,10}):(${CLAIM_TYPES})$`);
/** Discord shows at most 25 options in a select menu. */
const MAX_OPTIONS = 25;

export const NO_CHARACTER_MESSAGE =
  'You have no EVE character linked in this server, so there is nothing to claim for and nothing was recorded. Link yours with `/character link`, then press the button again.';

export interface ClaimTarget {
  killmailId: number;
  type: PpkClaimType;
}

function parseTarget(pattern: RegExp, customId: string): ClaimTarget | undefined {
  const match = pattern.exec(customId);
  if (!match) return undefined;
  const killmailId = Number(match[1]);
  if (!Number.isSafeInteger(killmailId) || killmailId <= 0 || killmailId > 2_147_483_647) return undefined;
  return { killmailId, type: match[2] as PpkClaimType };
}

function characterName(character: { characterId: number; characterName: string | undefined }): string {
  return character.characterName ?? `Character ${character.characterId}`;
}

/** Whether the pressed message is the bot's own and carries this very button (Discord sends the message). */
function pressedOnOwnButton(interaction: ComponentInteraction, customId: string): boolean {
  if (!interaction.isButton()) return false;
  const message = interaction.message;
  if (message.author.id !== interaction.client.user.id) return false;
  return JSON.stringify(message.components.map((row) => row.toJSON())).includes(`"${customId}"`);
}

/**
 * The kill must be in this guild's program. An alert whose kill did not enter it when it was posted
 * enters on its first press, only from the bot's own message in this guild.
 */
async function ensureEntered(
  interaction: ComponentInteraction,
  target: ClaimTarget,
  ctx: BotContext,
): Promise<void> {
  const guildId = interaction.guildId;
  if (await ctx.ppk.killView(guildId, target.killmailId)) return;
  if (!interaction.message || !pressedOnOwnButton(interaction, interaction.customId))
    throw new UserError(
      `Killmail ${target.killmailId} is not in this server's pay-per-kill program. Ask for it to be posted with /ppk post.`,
    );
  const { id: messageId, channelId } = interaction.message;
  await ctx.ppk.enterKill({ guildId, killmailId: target.killmailId, channelId, messageId });
  await ctx.ppkMessages.register({
    guildId,
    killmailId: target.killmailId,
    channelId,
    messageId,
    showsRoster: false,
  });
}

async function toggle(
  interaction: ComponentInteraction,
  target: ClaimTarget,
  character: PpkClaimableCharacter,
  ctx: BotContext,
): Promise<string> {
  const { added } = await ctx.ppk.toggleClaim({
    guildId: interaction.guildId,
    killmailId: target.killmailId,
    userId: interaction.user.id,
    characterId: character.characterId,
    type: target.type,
  });
  const label = PPK_EVENT_LABELS[target.type];
  const name = escapeMarkdown(characterName(character));
  return added
    ? `Claimed **${label}** for **${name}** on killmail ${target.killmailId}. Press ${label} again to take it back.`
    : `Took back the **${label}** claim of **${name}** on killmail ${target.killmailId}.`;
}

function characterMenu(
  target: ClaimTarget,
  characters: readonly PpkClaimableCharacter[],
): APIActionRowComponent<APIStringSelectComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: `ppk1:pick:${target.killmailId}:${target.type}`,
        placeholder: `Which character gets ${PPK_EVENT_LABELS[target.type]}?`,
        options: characters.slice(0, MAX_OPTIONS).map((character) => ({
          label: characterName(character).slice(0, 100),
          value: String(character.characterId),
          ...(character.onKillmail ? { description: 'On the killmail' } : {}),
        })),
      },
    ],
  };
}

/** A claim button: one linked character claims at once; several get a menu; none are told to link one. */
export const ppkClaimButton: ComponentHandler<ClaimTarget> = {
  name: 'ppk claim',
  access: 'member',
  parse: (customId) => parseTarget(CLAIM_ID, customId),
  async run(interaction, target, ctx) {
    if (!interaction.isButton()) throw new UserError('This claim button is no longer valid.');
    await ensureEntered(interaction, target, ctx);
    const characters = await ctx.ppk.claimableCharacters(
      interaction.guildId,
      interaction.user.id,
      target.killmailId,
    );
    const [only] = characters;
    if (!only) {
      await interaction.reply({
        content: NO_CHARACTER_MESSAGE,
        flags: 'Ephemeral',
        allowedMentions: { parse: [] },
      });
      return;
    }
    if (characters.length === 1) {
      const content = await toggle(interaction, target, only, ctx);
      await interaction.reply({ content, flags: 'Ephemeral', allowedMentions: { parse: [] } });
      return;
    }
    await interaction.reply({
      content: `Pick the character that gets **${PPK_EVENT_LABELS[target.type]}** on killmail ${target.killmailId} (picking one that has it takes it back).`,
      components: [characterMenu(target, characters)],
      flags: 'Ephemeral',
      allowedMentions: { parse: [] },
    });
  },
};

/** The character menu of a claim: toggles the claim for the picked character (which must be the member's). */
export const ppkCharacterPick: ComponentHandler<ClaimTarget> = {
  name: 'ppk character pick',
  access: 'member',
  parse: (customId) => parseTarget(PICK_ID, customId),
  async run(interaction, target, ctx) {
    if (!interaction.isStringSelectMenu()) throw new UserError('This menu is no longer valid.');
    const picked = Number(interaction.values[0]);
    const characters = await ctx.ppk.claimableCharacters(
      interaction.guildId,
      interaction.user.id,
      target.killmailId,
    );
    const character = characters.find((candidate) => candidate.characterId === picked);
    if (!character)
      throw new UserError(
        'That character is not linked to you in this server, so you cannot claim for it. Nothing was recorded.',
      );
    const content = await toggle(interaction, target, character, ctx);
    await interaction.update({ content, components: [], allowedMentions: { parse: [] } });
  },
};
