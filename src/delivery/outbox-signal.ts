// Wakes the delivery worker the moment there may be work: a killmail's deliveries were committed (in
// this process, or in another one through PostgreSQL NOTIFY), or a delivery finished and the next one of
// its channel is due. The worker's poll remains only as a safety net (retry times, expired leases).

export interface OutboxSignal {
  /** There may be work: wakes a waiting worker, or the next wait returns at once. */
  notify(): void;
  /** Resolves on the next notify (or at once if one came since the last wait), after `ms`, or on abort. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
}

export function createOutboxSignal(): OutboxSignal {
  let pending = false;
  let wake: (() => void) | undefined;
  return {
    notify() {
      pending = true;
      wake?.();
    },
    wait(ms, signal) {
      if (pending || signal.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wake = undefined;
          pending = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
      });
    },
  };
}
