// Pieces shared by the tests that run the live pipeline: fresh killmails for the fake feed, reading
// the kill back out of a posted alert, and pipeline settings pointing at the fakes.
import type { PipelineSettings } from '../../src/pipeline/run-pipeline.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';

/** A synthetic killmail that happened `ageMs` ago (young enough for any max age), in `systemId`. */
export function freshKill(
  id: number,
  options: { systemId?: number; attackers?: number; ageMs?: number } = {},
): Record<string, unknown> {
  const document = syntheticR2z2Document(id) as { esi: Record<string, unknown> };
  if (options.systemId !== undefined) document.esi.solar_system_id = options.systemId;
  document.esi.killmail_time = new Date(Date.now() - (options.ageMs ?? 30_000)).toISOString();
  if (options.attackers !== undefined) {
    const [attacker] = document.esi.attackers as Array<Record<string, unknown>>;
    document.esi.attackers = Array.from({ length: options.attackers }, (_, index) => ({
      ...attacker,
      character_id: 2112000100 + index,
      final_blow: index === 0,
    }));
  }
  return document;
}

/** The killmail id of a posted alert (from the embed's zKillboard link). */
export const killIdOf = (message: { body: Record<string, unknown> }): number =>
  Number(
    /kill\/(\d+)\//.exec(String((message.body.embeds as Array<{ url?: string }> | undefined)?.[0]?.url))?.[1],
  );

/** Pipeline settings for in-process tests: the fake feed, no SDE downloads. */
export function testPipelineSettings(r2z2Url: string): PipelineSettings {
  return {
    R2Z2_URL: r2z2Url,
    ZKB_USER_AGENT: 'killtracker tests',
    MAX_AGE_MINUTES: 60,
    KILLMAIL_RETENTION_DAYS: 7,
    DELIVERY_LEASE_SECONDS: 5,
    SDE_URL: 'http://127.0.0.1:9/unused',
    DATA_DIR: '/nonexistent',
  };
}
