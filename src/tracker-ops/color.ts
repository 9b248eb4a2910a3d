// Alert colours as admins type them: "#ff5500", "ff5500", "#f50", or a few plain names.
import { escapeMarkdown } from '../engine/render/index.ts';
import { UserError } from '../user-error.ts';

const COLOR_NAMES: Readonly<Record<string, string>> = {
  red: '#e74c3c',
  orange: '#e67e22',
  yellow: '#f1c40f',
  gold: '#d4af37',
  green: '#2ecc71',
  teal: '#1abc9c',
  cyan: '#00bcd4',
  blue: '#3498db',
  purple: '#9b59b6',
  pink: '#e91e63',
  white: '#ffffff',
  grey: '#95a5a6',
  gray: '#95a5a6',
  // Discord draws colour 0 as "no colour": the nearest black it will show.
  black: '#010101',
};

const NO_COLOR = new Set(['none', 'default', 'clear']);

/** "#rrggbb", or null for "none" (the default colour); throws a UserError saying what is accepted. */
export function parseColor(text: string): string | null {
  const typed = text.trim().toLowerCase();
  if (NO_COLOR.has(typed)) return null;
  const named = COLOR_NAMES[typed];
  if (named) return named;
  const hex = typed.replace(/^#/, '');
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((digit) => digit + digit).join('')}`;
  throw new UserError(
    `"${escapeMarkdown(text.trim().slice(0, 50))}" is not a colour. Use a hex colour like #ff5500, one of ${Object.keys(COLOR_NAMES).join(', ')}, or "none" for the default.`,
  );
}
