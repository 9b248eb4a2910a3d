// The pay-per-kill settings in words, as /ppk settings answers after every change.
import { formatIsk } from '../../../../engine/index.ts';
import { PPK_EVENT_LABELS, PPK_EVENT_TYPES, type PpkSettings } from '../../../../ppk/operations.ts';

export function poolText(settings: PpkSettings): string {
  const { pool } = settings;
  if (pool.kind === 'fixed') return `${formatIsk(pool.iskPerShare)} per share`;
  const cap = pool.capIsk === null ? '' : `, at most ${formatIsk(pool.capIsk)} per kill`;
  return `${pool.percent}% of the kill's value${cap}`;
}

export function settingsText(settings: PpkSettings): string {
  const shares = PPK_EVENT_TYPES.map((type) => `${PPK_EVENT_LABELS[type]} ${settings.shares[type]}`).join(
    ', ',
  );
  return [
    `**Pool**: ${poolText(settings)}`,
    `**Shares**: ${shares}`,
    `**Claim window**: ${settings.claimWindowDays} days after the kill`,
    `**PPK manager role**: ${settings.managerRoleId === null ? 'none (Manage Server and tracker managers only)' : `<@&${settings.managerRoleId}>`}`,
  ].join('\n');
}
