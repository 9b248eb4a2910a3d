// A page of linked characters (25 a page, Discord's field limit) with Previous/Next buttons whose
// persistent ids ("chr1:list:<member id | all>:<page>") redraw it; the registry re-checks who may see it.
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { DISCORD_LIMITS, escapeMarkdown, truncateMarkdown } from '../../engine/render/index.ts';
import type { LinkedCharacter, NamedEntity } from '../../pilots/linked-characters.ts';
import type { PilotActor } from '../../pilots/operations.ts';
import { UserError } from '../../user-error.ts';
import type { BotContext, ComponentHandler } from '../contract.ts';
import { actorOf } from './members.ts';

export const PAGE_SIZE = DISCORD_LIMITS.fields;
const LIST_COLOR = 0x5865f2;
const CUSTOM_ID = /^chr1:list:(all|\d{17,20}):(\d{1,4})$/;

export type ListSubject = { kind: 'everyone' } | { kind: 'member'; userId: string };

interface ListPage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: { parse: [] };
}

function pageCustomId(subject: ListSubject, page: number): string {
  return `chr1:list:${subject.kind === 'everyone' ? 'all' : subject.userId}:${page}`;
}

function entityText(entity: NamedEntity | undefined): string | undefined {
  if (!entity) return undefined;
  return entity.name === undefined ? `#${entity.id}` : escapeMarkdown(entity.name);
}

function characterField(character: LinkedCharacter, showOwner: boolean): APIEmbedField {
  const name = character.name === undefined ? `Character ${character.characterId}` : character.name;
  const details = [
    [entityText(character.corporation), entityText(character.alliance)].filter(Boolean).join(' · ') ||
      'Corporation unknown (ESI did not answer)',
    [
      character.verified ? '✅ Verified with EVE SSO' : 'Unverified (self-declared)',
      ...(showOwner ? [`flown by <@${character.userId}>`] : []),
      `linked <t:${Math.floor(character.linkedAt.getTime() / 1000)}:R>`,
      ...(character.linkedBy ? [`by <@${character.linkedBy}>`] : []),
    ].join(' · '),
    `[zKillboard](https://zkillboard.com/character/${character.characterId}/)`,
  ];
  return {
    name: truncateMarkdown(`${escapeMarkdown(name)} (${character.characterId})`, DISCORD_LIMITS.fieldName),
    value: truncateMarkdown(details.join('\n'), DISCORD_LIMITS.fieldValue),
  };
}

function emptyText(subject: ListSubject, actor: PilotActor): string {
  if (subject.kind === 'everyone')
    return 'Nobody in this server has linked a character yet. Members link theirs with /character link.';
  if (subject.userId === actor.userId)
    return 'You have no characters linked in this server. Link one with /character link.';
  return `<@${subject.userId}> has no characters linked in this server.`;
}

export async function characterListPage(
  ctx: BotContext,
  guildId: string,
  actor: PilotActor,
  subject: ListSubject,
  requestedPage: number,
): Promise<ListPage> {
  const characters =
    subject.kind === 'everyone'
      ? await ctx.pilots.listAll({ guildId, actor })
      : await ctx.pilots.list({ guildId, actor, member: { userId: subject.userId } });
  if (characters.length === 0) {
    return { content: emptyText(subject, actor), embeds: [], components: [], allowedMentions: { parse: [] } };
  }
  const pages = Math.ceil(characters.length / PAGE_SIZE);
  const page = Math.min(Math.max(requestedPage, 0), pages - 1);
  const shown = characters.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const title =
    subject.kind === 'everyone'
      ? `Linked characters of this server (${characters.length})`
      : subject.userId === actor.userId
        ? `Your linked characters (${characters.length})`
        : `Linked characters (${characters.length})`;
  const owner = subject.kind === 'member' && subject.userId !== actor.userId ? `<@${subject.userId}>: ` : '';
  const embed: APIEmbed = {
    title,
    color: LIST_COLOR,
    fields: shown.map((character) => characterField(character, subject.kind === 'everyone')),
    ...(pages > 1 ? { footer: { text: `Page ${page + 1} of ${pages}` } } : {}),
  };
  const button = (label: string, target: number, disabled: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    // The page number keeps the two buttons' ids apart even when both are disabled.
    custom_id: pageCustomId(subject, target),
    disabled,
  });
  const components =
    pages > 1
      ? [
          {
            type: ComponentType.ActionRow as const,
            components: [
              button('◀ Previous', page - 1 < 0 ? pages : page - 1, page === 0),
              button('Next ▶', page + 1, page === pages - 1),
            ],
          },
        ]
      : [];
  return { content: owner, embeds: [embed], components, allowedMentions: { parse: [] } };
}

/** Previous/Next on a character list: redraws the list in place at the asked page. */
export const characterListPager: ComponentHandler<{ subject: ListSubject; page: number }> = {
  name: 'character list page',
  access: 'member',
  parse(customId) {
    const match = CUSTOM_ID.exec(customId);
    if (!match) return undefined;
    const [, who, page] = match;
    const subject: ListSubject = who === 'all' ? { kind: 'everyone' } : { kind: 'member', userId: who! };
    return { subject, page: Number(page) };
  },
  async run(interaction, data, ctx) {
    if (!interaction.isButton())
      throw new UserError('This button is no longer valid. Run /character list again.');
    const actor = await actorOf(interaction, ctx);
    await interaction.update(
      await characterListPage(ctx, interaction.guildId, actor, data.subject, data.page),
    );
  },
};
