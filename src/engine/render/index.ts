// Public API of alert rendering: the message builder and the helpers other modules reuse.
export { type AlertInput, renderAlert } from './alert.ts';
export type { PingHold } from './content.ts';
export { DEFAULT_ALERT_COLOR, embedLength, TEST_ALERT_TITLE_PREFIX, trackerColor } from './embed.ts';
export type { SystemLookup } from './embed-fields.ts';
export { escapeMarkdown, plainText } from './escape.ts';
export { DISCORD_LIMITS, joinWithinLimit, truncateMarkdown, truncatePlain } from './limits.ts';
export { type EntityKind, killUrl } from './links.ts';
export type { NameLookup } from './names.ts';
export {
  fillTitle,
  TITLE_PLACEHOLDERS,
  type TitlePlaceholder,
  titleValues,
  unknownTitlePlaceholders,
} from './title.ts';
export {
  PPK_CLAIM_BUTTONS,
  type PpkClaimType,
  type PpkMessage,
  type PpkMessageInput,
  type PpkRosterLine,
  ppkClaimCustomId,
  ppkClaimRows,
  renderPpkMessage,
} from './ppk.ts';
