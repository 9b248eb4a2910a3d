// Keeps messages edited in place (a kill's pay-per-kill roster, a fight report): leases messages whose
// state moved past what Discord shows, renders their current state with the renderer of their kind, and
// posts or edits them. Many changes between two edits make one edit: the newest state is rendered.
import type { APIMessageTopLevelComponent, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { pause } from '../clock.ts';
import type { LiveMessageRow, LiveMessageStore } from '../db/live-message-store.ts';
import type { Logger } from '../log.ts';
import type { AlertSender } from './discord-sender.ts';
import { createOutboxSignal, type OutboxSignal } from './outbox-signal.ts';
import { retryDelayMs } from './worker.ts';

/** A message's content as Discord takes it (posted or edited alike). */
export type LiveMessageContent = Pick<
  RESTPostAPIChannelMessageJSONBody,
  'content' | 'embeds' | 'allowed_mentions'
> & { components?: APIMessageTopLevelComponent[] };

export interface LiveMessagePlace {
  guildId: string;
  channelId: string;
  messageId: string | null;
}

/** Renders the current state of one message of a kind; undefined when there is nothing left to show. */
export type LiveMessageRenderer = (
  ref: string,
  place: LiveMessagePlace,
) => Promise<LiveMessageContent | undefined>;

export interface LiveMessageWorkerOptions {
  store: LiveMessageStore;
  sender: AlertSender;
  /** One renderer per kind; a message of a kind with none is left alone (logged). */
  renderers: Readonly<Record<string, LiveMessageRenderer>>;
  log: Logger;
  batchSize?: number;
  leaseMs?: number;
  /** Safety-net poll: coalesced edits come due without a signal. */
  idleMs?: number;
  wake?: OutboxSignal;
}

export function createLiveMessageWorker(options: LiveMessageWorkerOptions) {
  const { store, sender, log } = options;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 30_000;
  const wake = options.wake ?? createOutboxSignal();

  async function update(row: LiveMessageRow): Promise<void> {
    const render = options.renderers[row.kind];
    if (!render) {
      log.error(
        { liveMessage: row.id, kind: row.kind },
        'no renderer for this kind of message; left as it is',
      );
      await store.finish(row.id, 'failed', `no renderer for kind ${row.kind}`);
      return;
    }
    const content = await render(row.ref, row);
    if (!content) {
      await store.finish(row.id, 'closed', 'nothing left to show');
      return;
    }
    const body = { allowed_mentions: { parse: [] }, ...content };
    const result =
      row.messageId === null
        ? await sender.send(row.channelId, body, `lm${row.id}`)
        : await sender.edit(row.channelId, row.messageId, body);
    if (result.ok) {
      if (row.messageId === null) await store.recordPosted(row.id, result.messageId);
      await store.markRendered(row.id, row.version);
      return;
    }
    const { failure } = result;
    if (failure.kind === 'retry') {
      const delay = retryDelayMs(row.attempts);
      log.warn({ liveMessage: row.id, channel: row.channelId, retryInMs: delay }, failure.reason);
      await store.retryLater(row.id, delay, failure.reason);
      return;
    }
    // The message was deleted, the channel is gone or forbidden, or Discord refuses this content.
    log.warn(
      { liveMessage: row.id, kind: row.kind, channel: row.channelId },
      `stopped updating: ${failure.reason}`,
    );
    await store.finish(row.id, 'failed', failure.reason);
  }

  async function updateSafely(row: LiveMessageRow): Promise<void> {
    try {
      await update(row);
    } catch (error) {
      // A bug or a database hiccup for this one message: its lease expires and it is tried again.
      log.error({ err: error, liveMessage: row.id, kind: row.kind }, 'updating a message failed; will retry');
    }
  }

  /** Updates one batch of due messages; resolves with how many it handled. */
  async function runOnce(): Promise<number> {
    const rows = await store.claim(batchSize, leaseMs);
    await Promise.all(rows.map(updateSafely));
    return rows.length;
  }

  return {
    runOnce,

    async run(signal: AbortSignal): Promise<void> {
      let failures = 0;
      while (!signal.aborted) {
        let claimed = 0;
        try {
          claimed = await runOnce();
          failures = 0;
        } catch (error) {
          failures++;
          log.error({ err: error }, 'could not claim messages to update (database down?); retrying');
          await pause(Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)), signal);
          continue;
        }
        if (claimed === batchSize) continue;
        await wake.wait(options.idleMs ?? 1_000, signal);
      }
    },
  };
}

export type LiveMessageWorker = ReturnType<typeof createLiveMessageWorker>;
