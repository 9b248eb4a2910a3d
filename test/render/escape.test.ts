import { describe, expect, it } from 'vitest';
import { escapeMarkdown, plainText } from '../../src/engine/render/index.ts';
import { markdownProblems } from './markdown-checks.ts';

const ZWSP = '\u200b';

describe('escapeMarkdown', () => {
  it('GIVEN a pilot named @everyone THEN the text can no longer ping', () => {
    const escaped = escapeMarkdown('@everyone');
    expect(escaped).toBe(`@${ZWSP}everyone`);
    expect(escaped).not.toContain('@everyone');
  });

  it('GIVEN a pilot named like a user or role mention THEN it cannot render as a mention', () => {
    expect(escapeMarkdown('<@123>')).toBe(`\\<@${ZWSP}123\\>`);
    expect(escapeMarkdown('<@&456>')).toBe(`\\<@${ZWSP}&456\\>`);
    expect(escapeMarkdown('<#789>')).toBe('\\<\\#789\\>');
  });

  it('GIVEN markdown in a name THEN it shows literally instead of formatting', () => {
    expect(escapeMarkdown('**bold**')).toBe('\\*\\*bold\\*\\*');
    expect(escapeMarkdown('__under__ ~~strike~~ ||spoiler|| `code`')).toBe(
      '\\_\\_under\\_\\_ \\~\\~strike\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`',
    );
    expect(escapeMarkdown('> quote # heading - item')).toBe('\\> quote \\# heading \\- item');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });

  it('GIVEN a masked link or a bare URL in a name THEN neither becomes a link', () => {
    expect(escapeMarkdown('[link](http://x)')).toBe('\\[link\\]\\(http\\:\\/\\/x\\)');
    expect(escapeMarkdown('https://evil.example')).toBe('https\\:\\/\\/evil.example');
  });

  it('GIVEN a name with line breaks THEN it stays on one line', () => {
    expect(escapeMarkdown('Pilot\n# Big heading\r\n')).toBe('Pilot \\# Big heading  ');
  });

  it('GIVEN ordinary EVE names THEN they read unchanged apart from harmless escapes', () => {
    expect(escapeMarkdown("Chribba's Alt")).toBe("Chribba's Alt");
    expect(escapeMarkdown('-A-')).toBe('\\-A\\-');
  });

  it.each(['@everyone', '@here', '<@123>', '<@&123>', '**bold**', '[link](http://x)', '*_~`|>', '\\'])(
    'GIVEN the hostile name %s THEN the escaped text has no live markdown',
    (name) => {
      expect(markdownProblems(escapeMarkdown(name))).toEqual([]);
    },
  );
});

describe('plainText', () => {
  it('GIVEN text for a plain-text place THEN mentions are broken and control characters removed, markdown kept', () => {
    expect(plainText('@here **x**\n')).toBe(`@${ZWSP}here **x** `);
  });
});
