// Outside pages and images an alert links to: zKillboard, Dotlan and the EVE image server.

const ZKILLBOARD = 'https://zkillboard.com';
const DOTLAN_SYSTEM = 'https://evemaps.dotlan.net/system/';
const IMAGES = 'https://images.evetech.net';

export type EntityKind = 'character' | 'corporation' | 'alliance' | 'faction';

export function killUrl(killmailId: number): string {
  return `${ZKILLBOARD}/kill/${killmailId}/`;
}

export function entityUrl(kind: EntityKind, id: number): string {
  return `${ZKILLBOARD}/${kind}/${id}/`;
}

export function shipUrl(typeId: number): string {
  return `${ZKILLBOARD}/ship/${typeId}/`;
}

export function zkillboardSystemUrl(systemId: number): string {
  return `${ZKILLBOARD}/system/${systemId}/`;
}

/** Dotlan's page of a system: spaces become underscores; parentheses are encoded so a markdown link stays whole. */
export function dotlanSystemUrl(systemName: string): string {
  const path = encodeURIComponent(systemName.replaceAll(' ', '_')).replace(
    /[()'!*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${DOTLAN_SYSTEM}${path}`;
}

/** The 3D render of a ship (the image server has renders for ships; `icon` for other items). */
export function typeImageUrl(typeId: number, variant: 'render' | 'icon'): string {
  return `${IMAGES}/types/${typeId}/${variant}?size=128`;
}

/** Character portrait, or corporation/alliance logo. */
export function entityImageUrl(kind: Exclude<EntityKind, 'faction'>, id: number): string {
  if (kind === 'character') return `${IMAGES}/characters/${id}/portrait?size=64`;
  if (kind === 'alliance') return `${IMAGES}/alliances/${id}/logo?size=64`;
  return `${IMAGES}/corporations/${id}/logo?size=64`;
}

/** A markdown link; `label` must already be escaped. */
export function markdownLink(label: string, url: string): string {
  return `[${label}](${url})`;
}
