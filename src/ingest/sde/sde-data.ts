// The files of CCP's JSONL SDE that the bot reads (what one build gives the bot is the engine's SdeData).

/** The JSONL files (without `.jsonl`) the bot reads; every other file in the SDE is ignored. */
export const SDE_FILES = [
  '_sde',
  'mapRegions',
  'mapConstellations',
  'mapSolarSystems',
  'mapStargates',
  'types',
  'groups',
  'categories',
] as const;

export type SdeFileName = (typeof SDE_FILES)[number];

export function sdeFileOf(fileName: string): SdeFileName | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (!base.endsWith('.jsonl')) return undefined;
  const stem = base.slice(0, -'.jsonl'.length);
  return (SDE_FILES as readonly string[]).includes(stem) ? (stem as SdeFileName) : undefined;
}
