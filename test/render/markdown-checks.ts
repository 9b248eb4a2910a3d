// Assertions over rendered messages: every Discord limit, and markdown that a cut left whole
// (no dangling escape, half link, half tag or unclosed bold; no live mention from outside text).
import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../../src/engine/render/index.ts';

const LINK = /^\[(?:\\[\s\S]|[^\]\\\n])*\]\([^\s)]+\)/;
const TAG = /^<(?:@&\d+|t:\d+:R)>/;

/** Problems in markdown the renderer produced; empty when it is well formed. */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  let bold = false;
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const char = text[index];
    if (char === '\\') {
      if (index + 1 >= text.length) problems.push(`dangling backslash at ${index}`);
      index += 2;
    } else if (char === '[') {
      const link = LINK.exec(rest);
      if (!link) problems.push(`broken link at ${index}: ${rest.slice(0, 40)}`);
      index += link ? link[0].length : 1;
    } else if (char === '<') {
      const tag = TAG.exec(rest);
      if (!tag) problems.push(`unescaped < at ${index}: ${rest.slice(0, 40)}`);
      index += tag ? tag[0].length : 1;
    } else if (rest.startsWith('**')) {
      bold = !bold;
      index += 2;
    } else if (char === '@' && !rest.startsWith('@\u200b') && !/^@(everyone|here)/.test(rest)) {
      problems.push(`live @ at ${index}`);
      index += 1;
    } else {
      if ('*_~`|>'.includes(char ?? '')) problems.push(`unescaped ${char} at ${index}`);
      index += 1;
    }
  }
  if (bold) problems.push('bold left open');
  return problems;
}

export function expectWellFormedMarkdown(text: string | undefined): void {
  if (text === undefined) return;
  expect(markdownProblems(text), text).toEqual([]);
}

function expectEmbedWithinLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
  expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.author);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
}

/** Every limit of FACTS.md, and well-formed markdown in every part Discord renders as markdown. */
export function expectValidMessage(message: RESTPostAPIChannelMessageJSONBody): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.embeds?.length ?? 0).toBeLessThanOrEqual(10);
  expect(message.allowed_mentions?.roles?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.allowedRoles);
  expectWellFormedMarkdown(message.content);
  for (const embed of message.embeds ?? []) {
    expectEmbedWithinLimits(embed);
    expectWellFormedMarkdown(embed.description);
    for (const field of embed.fields ?? []) expectWellFormedMarkdown(field.value);
  }
}
