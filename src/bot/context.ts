// Builds the BotContext from the database and services the process already has.
import type { BotContext } from '../commands/contract.ts';
import type { Database } from '../db/client.ts';
import { createGuildSettingsRepository } from '../db/guild-settings-repository.ts';
import { createKillmailHistory } from '../db/killmail-history.ts';
import { createKillmailStore } from '../db/killmail-store.ts';
import { createNameRepository } from '../db/name-repository.ts';
import { createTrackerRepository } from '../db/tracker-repository.ts';
import { createTrackerStats } from '../db/tracker-stats.ts';
import type { AlertSender } from '../delivery/discord-sender.ts';
import type { EsiClient } from '../ingest/esi/client.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import type { PilotOperations } from '../pilots/operations.ts';
import type { World } from '../pipeline/world.ts';
import { createPpkServices, type PpkServices } from './ppk-services.ts';
import { DEFAULT_TRACKER_LIMITS, type TrackerLimits } from '../tracker-ops/limits.ts';
import { createHistoryScanGate, DEFAULT_HISTORY_SCAN_COOLDOWN_MS } from '../tracker-ops/scan-gate.ts';

export function createBotContext(options: {
  db: Database;
  world: () => World;
  esi: EsiClient;
  /** The process's one resolver: the alerts use it too. */
  nameResolver: NameResolver;
  sender: AlertSender;
  pilots: PilotOperations;
  /**
   * The pay-per-kill program, shared with the pipeline (whose live-message worker renders its messages);
   * built here when not given.
   */
  ppk?: Pick<PpkServices, 'ppk' | 'ppkMessages'>;
  log: Logger;
  defaultMaxAgeMinutes: number;
  now?: () => number;
  /** Per-guild limits; the defaults of the settings when not given. */
  limits?: TrackerLimits;
  /** The pause after each preview or test post of a guild (PREVIEW_COOLDOWN_SECONDS). */
  historyScanCooldownMs?: number;
}): BotContext {
  const now = options.now ?? Date.now;
  const ppk =
    options.ppk ??
    createPpkServices({
      db: options.db,
      esi: options.esi,
      nameResolver: options.nameResolver,
      world: options.world,
      log: options.log,
      now,
    });
  return {
    trackers: createTrackerRepository({ db: options.db }),
    trackerStats: createTrackerStats({ db: options.db }),
    killmails: createKillmailStore({ db: options.db }),
    killmailHistory: createKillmailHistory({ db: options.db }),
    names: createNameRepository({ db: options.db }),
    nameResolver: options.nameResolver,
    guildSettings: createGuildSettingsRepository({ db: options.db }),
    pilots: options.pilots,
    ppk: ppk.ppk,
    ppkMessages: ppk.ppkMessages,
    esi: options.esi,
    sender: options.sender,
    world: options.world,
    log: options.log,
    defaultMaxAgeMinutes: options.defaultMaxAgeMinutes,
    now,
    limits: options.limits ?? DEFAULT_TRACKER_LIMITS,
    historyScans: createHistoryScanGate({
      cooldownMs: options.historyScanCooldownMs ?? DEFAULT_HISTORY_SCAN_COOLDOWN_MS,
      now,
    }),
  };
}
