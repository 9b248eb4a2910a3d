// Previews and test posts of one guild run one at a time, with a pause after each; other guilds are not
// held up by them.
import { describe, expect, it } from 'vitest';
import { createHistoryScanGate } from '../../src/tracker-ops/scan-gate.ts';
import { UserError } from '../../src/user-error.ts';

function manualScan() {
  let finish: (value: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => {
    finish = resolve;
  });
  return { scan: () => done, finish: (value = 'scanned') => finish(value) };
}

describe('history scan gate', () => {
  it('GIVEN a scan running for a guild WHEN the guild asks for another THEN it is refused; another guild runs at once', async () => {
    const gate = createHistoryScanGate({ cooldownMs: 0 });
    const first = manualScan();
    const running = gate.run('guild-a', first.scan);
    await expect(gate.run('guild-a', async () => 'second')).rejects.toThrow(
      'A preview or test post of this server is still running: wait for its answer, then try again.',
    );
    await expect(gate.run('guild-b', async () => 'other guild')).resolves.toBe('other guild');
    first.finish();
    await expect(running).resolves.toBe('scanned');
    await expect(gate.run('guild-a', async () => 'after')).resolves.toBe('after');
  });

  it('GIVEN a cooldown of 30 s WHEN the guild scans again 10 s after a scan ended THEN it is told to wait 20 s; after 30 s it runs', async () => {
    let now = 1_000_000;
    const gate = createHistoryScanGate({ cooldownMs: 30_000, now: () => now });
    await gate.run('guild-a', async () => 'first');
    now += 10_000;
    const refused = await gate.run('guild-a', async () => 'too soon').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toBe(
      "Previews and test posts run one at a time per server, with a pause of 30 seconds after each: try again in 20 seconds. (The bot's operator sets the pause with PREVIEW_COOLDOWN_SECONDS.)",
    );
    await expect(gate.run('guild-b', async () => 'other guild')).resolves.toBe('other guild');
    now += 20_000;
    await expect(gate.run('guild-a', async () => 'later')).resolves.toBe('later');
  });

  it('GIVEN a scan that fails THEN the guild is free again after the pause, as after any scan', async () => {
    let now = 0;
    const gate = createHistoryScanGate({ cooldownMs: 5_000, now: () => now });
    await expect(gate.run('guild-a', () => Promise.reject(new Error('database went away')))).rejects.toThrow(
      'database went away',
    );
    await expect(gate.run('guild-a', async () => 'too soon')).rejects.toThrow('try again in 5 seconds');
    now += 5_000;
    await expect(gate.run('guild-a', async () => 'again')).resolves.toBe('again');
  });
});
