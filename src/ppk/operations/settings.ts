// The guild's payout rules: read with defaults, changed by admins with validation and an audit entry.
import { savePpkSettings } from '../../db/ppk-repository.ts';
import { applySettingsPatch } from '../settings.ts';
import type { PpkSettings, PpkSettingsPatch } from '../types.ts';
import type { PpkContext } from './context.ts';

export interface PpkSettingsOperations {
  getSettings(guildId: string): Promise<PpkSettings>;
  /** Admin: changes settings (validated; UserError on bad values), with an audit entry. */
  setSettings(guildId: string, patch: PpkSettingsPatch, actorUserId: string): Promise<PpkSettings>;
}

export function createSettingsOperations(context: PpkContext): PpkSettingsOperations {
  const { db, loadSettings } = context;
  return {
    getSettings: (guildId) => loadSettings(db, guildId),

    async setSettings(guildId, patch, actorUserId) {
      return db.transaction(async (tx) => {
        const current = await loadSettings(tx, guildId);
        const next = applySettingsPatch(current, patch);
        await savePpkSettings(tx, {
          guildId,
          shares: next.shares,
          poolKind: next.pool.kind,
          percent:
            next.pool.kind === 'percent'
              ? next.pool.percent
              : current.pool.kind === 'percent'
                ? current.pool.percent
                : 10,
          capIsk: next.pool.kind === 'percent' ? next.pool.capIsk : null,
          iskPerShare: next.pool.kind === 'fixed' ? next.pool.iskPerShare : null,
          claimWindowDays: next.claimWindowDays,
          managerRoleId: next.managerRoleId,
        });
        await context.audit(tx, {
          guildId,
          killmailId: null,
          actorUserId,
          action: 'settings',
          detail: { from: current, to: next },
        });
        return next;
      });
    },
  };
}
