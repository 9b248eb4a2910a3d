// Space class of a solar system, by the rules in FACTS.md (the displayed security is format.ts's).
import type { SpaceClass } from './types.ts';

/** Pochven uses known-space system ids but is its own class, never null-sec. */
const POCHVEN_REGION_ID = 10000070;

/** Class of a system from its id range, region and raw security status. */
export function classifySpace(systemId: number, regionId: number, security: number): SpaceClass {
  if (regionId === POCHVEN_REGION_ID) return 'pochven';
  const range = Math.floor(systemId / 1_000_000);
  if (range === 31) return 'w_space';
  if (range === 32) return 'abyssal';
  // Void (ids 34000000+), the hidden system (36000001) and anything unknown have no security class.
  if (range !== 30 || !Number.isFinite(security)) return 'other';
  if (security >= 0.45) return 'high_sec';
  if (security > 0) return 'low_sec';
  return 'null_sec';
}

/** Classes whose systems have a meaningful position for jump-drive range (light years). */
export function hasLightYearDistance(spaceClass: SpaceClass): boolean {
  return spaceClass === 'high_sec' || spaceClass === 'low_sec' || spaceClass === 'null_sec';
}
