// Makes outside text (pilot, corporation and tracker names) inert in Discord: no formatting, no
// links, no mentions. A pilot named "@everyone" or "<@&123>" must never ping or render as a mention.

/** Zero-width space: placed after "@" it stops Discord from reading a mention, and stays invisible. */
export const ZERO_WIDTH_SPACE = '\u200b';

// Every character Discord markdown gives a meaning to (formatting, headings, lists, quotes, links,
// mentions, emoji, autolinked URLs). Discord drops the backslash before any punctuation, so escaping
// one it would not have interpreted is harmless.
const MARKDOWN_SPECIALS = /[\\*_~`|<>[\]()#\-:/]/g;
// Line breaks and other control characters would let a name start a heading or a quote line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const AT_SIGN = /@/g;

/** Text for places Discord renders as plain text (embed author, footer): no control characters, no mentions. */
export function plainText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(AT_SIGN, `@${ZERO_WIDTH_SPACE}`);
}

/**
 * Text for places Discord renders as markdown (content, description, field values): every markdown
 * character escaped and every "@" followed by a zero-width space, so the text shows exactly as written.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text).replace(MARKDOWN_SPECIALS, '\\$&');
}
