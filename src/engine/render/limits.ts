// Discord's message limits (FACTS.md) and truncation that keeps rendered markdown valid: a cut never
// splits an escape, a link, a <...> tag (mention, timestamp) or a surrogate pair, and closes open bold.
import { ZERO_WIDTH_SPACE } from './escape.ts';

export const DISCORD_LIMITS = {
  content: 2000,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  allowedRoles: 100,
} as const;

const ELLIPSIS = '…';
const BOLD = '**';
// A <...> tag we emit is short (timestamp, role mention); anything longer is not a tag.
const MAX_TAG_LENGTH = 64;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Length of the code point at `index` (2 for a surrogate pair). */
function codePointLength(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && index + 1 < text.length ? 2 : 1;
}

/** End of a `[label](url)` starting at `start`, or -1 when it is not a complete link. */
function linkEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '\n') return -1;
    else if (char === ']') break;
    else index += 1;
  }
  if (text[index] !== ']' || text[index + 1] !== '(') return -1;
  const close = text.indexOf(')', index + 2);
  if (close === -1 || /\s/.test(text.slice(index + 2, close))) return -1;
  return close + 1;
}

/** End of the smallest piece of markdown starting at `index` that must stay whole. */
function tokenEnd(text: string, index: number): number {
  const char = text[index];
  if (char === '\\' && index + 1 < text.length) return index + 1 + codePointLength(text, index + 1);
  if (char === '[') {
    const end = linkEnd(text, index);
    if (end !== -1) return end;
  }
  if (char === '<') {
    const close = text.indexOf('>', index + 1);
    if (close !== -1 && close - index <= MAX_TAG_LENGTH && !/\s/.test(text.slice(index, close)))
      return close + 1;
  }
  if (char === '*' && text[index + 1] === '*') return index + 2;
  // Keep a neutralized "@" with its zero-width space, so a cut text never ends in a bare "@".
  if (char === '@' && text[index + 1] === ZERO_WIDTH_SPACE) return index + 2;
  return index + codePointLength(text, index);
}

/**
 * Cuts rendered markdown to at most `max` characters, ending with an ellipsis. Escapes, links, tags
 * and surrogate pairs are kept whole or dropped whole; bold left open by the cut is closed.
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = max - ELLIPSIS.length - BOLD.length;
  let kept = 0;
  let boldOpenAtKept = false;
  let boldOpen = false;
  let index = 0;
  while (index < text.length) {
    const end = tokenEnd(text, index);
    if (end > budget) break;
    if (end - index === 2 && text.startsWith(BOLD, index)) boldOpen = !boldOpen;
    index = end;
    kept = end;
    boldOpenAtKept = boldOpen;
  }
  const head = text.slice(0, kept).trimEnd();
  // trimEnd never removes a bold marker, so the parity computed above still holds.
  return `${head}${boldOpenAtKept ? BOLD : ''}${ELLIPSIS}`;
}

/** Cuts plain text (no markdown) to at most `max` characters on a code point boundary. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/**
 * Joins whole items with `separator` within `max` characters; items that do not fit are counted
 * in a closing "+N more" instead of being cut. A first item too long on its own is truncated.
 */
export function joinWithinLimit(items: readonly string[], separator: string, max: number): string {
  const joined = items.join(separator);
  if (joined.length <= max) return joined;
  const kept: string[] = [];
  let length = 0;
  for (const item of items) {
    const added = (kept.length > 0 ? separator.length : 0) + item.length;
    if (length + added > max) break;
    kept.push(item);
    length += added;
  }
  while (kept.length > 0) {
    const more = `+${items.length - kept.length} more`;
    const withMore = `${kept.join(separator)}${separator}${more}`;
    if (withMore.length <= max) return withMore;
    kept.pop();
  }
  return truncateMarkdown(joined, max);
}
