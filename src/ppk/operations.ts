// What members, admins and the CLI do with a guild's pay-per-kill program, without any Discord reply code:
// enter kills, claim and unclaim events, admin corrections with an audit log, settings, summaries,
// payouts and the export. Refusals are UserErrors whose message the caller shows. Every change runs in
// one transaction that also tells `onKillChanged` (the roster message then re-renders).
import { createClaimOperations, type PpkClaimOperations } from './operations/claims.ts';
import { createPpkContext, type PpkOperationsOptions } from './operations/context.ts';
import { createCorrectionOperations, type PpkCorrectionOperations } from './operations/corrections.ts';
import { createKillEntryOperations, type PpkKillEntryOperations } from './operations/kill-entry.ts';
import { createPayoutOperations, type PpkPayoutOperations } from './operations/payouts.ts';
import { createSettingsOperations, type PpkSettingsOperations } from './operations/settings.ts';
import { createSummaryOperations, type PpkSummaryOperations } from './operations/summaries.ts';

export type { ToggleClaimInput } from './operations/claims.ts';
export type { PpkOperationsOptions } from './operations/context.ts';
export type { AdminEventInput, AdminKillInput } from './operations/corrections.ts';
export type { EnterKillInput, EnterKillOutcome, PpkKillmailSource } from './operations/kill-entry.ts';
export * from './types.ts';

/** Every operation, one file per concern under ./operations. */
export interface PpkOperations
  extends
    PpkKillEntryOperations,
    PpkClaimOperations,
    PpkCorrectionOperations,
    PpkSettingsOperations,
    PpkSummaryOperations,
    PpkPayoutOperations {}

export function createPpkOperations(options: PpkOperationsOptions): PpkOperations {
  const context = createPpkContext(options);
  return {
    ...createKillEntryOperations(context),
    ...createClaimOperations(context),
    ...createCorrectionOperations(context),
    ...createSettingsOperations(context),
    ...createSummaryOperations(context),
    ...createPayoutOperations(context),
  };
}
