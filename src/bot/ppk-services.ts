// The pay-per-kill program's parts, wired once per process: the operations (whose every change touches the
// kill's PPK messages in the same transaction), the registry that keeps posted PPK messages edited, and
// the renderer the live-message worker uses for them.
import type { PpkMessageRegistry } from '../commands/contract.ts';
import type { Database, Transaction } from '../db/client.ts';
import { createKillmailStore } from '../db/killmail-store.ts';
import { createLiveMessageStore } from '../db/live-message-store.ts';
import type { LiveMessageRenderer } from '../delivery/live-messages.ts';
import {
  createPpkMessageRenderer,
  PPK_LIVE_KIND,
  type PpkMessageDeps,
  ppkMessageRef,
} from '../delivery/ppk-message.ts';
import type { EsiClient } from '../ingest/esi/client.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import { createPpkOperations, type PpkOperations } from '../ppk/operations.ts';

export interface PpkServices {
  ppk: PpkOperations;
  ppkMessages: PpkMessageRegistry;
  /** For the pipeline's live-message worker (`liveMessageRenderers`). */
  renderers: Readonly<Record<string, LiveMessageRenderer>>;
}

export function createPpkServices(options: {
  db: Database;
  esi: Pick<EsiClient, 'affiliations'>;
  nameResolver: NameResolver;
  world: PpkMessageDeps['world'];
  log: Logger;
  now?: () => number;
  /** At most one edit of a PPK message per this interval (default the outbox's). */
  liveEditIntervalMs?: number;
}): PpkServices {
  const { db, log } = options;
  const store = createLiveMessageStore({
    db,
    ...(options.liveEditIntervalMs === undefined ? {} : { editIntervalMs: options.liveEditIntervalMs }),
  });
  const ppk = createPpkOperations({
    db,
    log: log.child({ component: 'ppk' }),
    ...(options.now ? { now: options.now } : {}),
    killmails: createKillmailStore({ db }),
    names: options.nameResolver,
    async corporationsOf(characterIds) {
      const found = await options.esi.affiliations(characterIds);
      return new Map(found.map((entry) => [entry.character_id, entry.corporation_id]));
    },
    // The claim (or correction) and the edit it calls for commit together: a crash loses no roster update.
    async onKillChanged(tx: Transaction, guildId: string, killmailId: number) {
      await store.touch(tx, { kind: PPK_LIVE_KIND, ref: ppkMessageRef(guildId, killmailId) });
    },
  });
  const ppkMessages: PpkMessageRegistry = {
    async register({ guildId, killmailId, channelId, messageId, showsRoster }) {
      const key = { kind: PPK_LIVE_KIND, ref: ppkMessageRef(guildId, killmailId) };
      await db.transaction(async (tx) => {
        await store.open(tx, { ...key, guildId, channelId, messageId });
        // An alert shows the kill, not its roster yet: edit it into the PPK message soon.
        if (!showsRoster) await store.touch(tx, key);
      });
    },
  };
  const render = createPpkMessageRenderer({
    ppk,
    nameResolver: options.nameResolver,
    world: options.world,
  });
  return { ppk, ppkMessages, renderers: { [PPK_LIVE_KIND]: (ref) => render(ref) } };
}
