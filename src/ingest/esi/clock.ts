// Time as the ESI client sees it, so tests can check waits without waiting.

export interface EsiClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: EsiClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
