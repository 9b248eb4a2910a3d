import { expect, it } from 'vitest';
import { createPingCooldownStore } from '../../src/db/ping-cooldown-store.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const MINUTE = 60_000;

describeEachDatabase('ping cooldown decided at delivery time', (getDb) => {
  const store = () => createPingCooldownStore({ db: getDb().db });
  const claim = (deliveryId: number, at: number, trackerId = 1) =>
    store().claim({ trackerId, deliveryId, cooldownMinutes: 10, at: new Date(at) });

  it('GIVEN a 10 minute cooldown WHEN the next alert comes 1 ms before its end THEN it is held until the end; exactly at the end it pings', async () => {
    expect(await claim(1, T0)).toEqual({ ping: true });
    expect(await claim(2, T0 + 10 * MINUTE - 1)).toEqual({ ping: false, until: new Date(T0 + 10 * MINUTE) });
    expect(await claim(3, T0 + 10 * MINUTE)).toEqual({ ping: true });
    // The cooldown now runs from the last ping.
    expect(await claim(4, T0 + 15 * MINUTE)).toEqual({ ping: false, until: new Date(T0 + 20 * MINUTE) });
  });

  it('GIVEN the delivery that pinged is retried THEN it pings again; a held one stays held inside the cooldown', async () => {
    expect(await claim(1, T0)).toEqual({ ping: true });
    expect(await claim(2, T0 + MINUTE)).toMatchObject({ ping: false });
    expect(await claim(1, T0 + 2 * MINUTE)).toEqual({ ping: true });
    expect(await claim(2, T0 + 3 * MINUTE)).toMatchObject({ ping: false });
  });

  it('GIVEN two trackers THEN each has its own cooldown', async () => {
    expect(await claim(1, T0, 1)).toEqual({ ping: true });
    expect(await claim(2, T0, 2)).toEqual({ ping: true });
  });

  it('GIVEN many workers deciding at once THEN exactly one alert pings', async () => {
    const decisions = await Promise.all(Array.from({ length: 8 }, (_, index) => claim(index + 1, T0)));
    expect(decisions.filter((decision) => decision.ping)).toHaveLength(1);
  });
});
