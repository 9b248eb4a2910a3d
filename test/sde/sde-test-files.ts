// Building test SDEs: the mini fixture as a file map, changed copies of it, zips (yazl) and folders.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { MINI_SDE } from '../helpers/repo-paths.ts';

/** What the mini fixture holds, as `sde status` reports it. */
export const MINI_SDE_STATUS = {
  build: 3201939,
  regions: 3,
  constellations: 4,
  systems: 8,
  stargates: 8,
  types: 3,
  groups: 3,
  categories: 2,
} as const;

export type SdeFiles = Record<string, string | Buffer>;

/** The mini fixture, file name -> content. */
export function miniSdeFiles(): SdeFiles {
  const files: SdeFiles = {};
  for (const name of readdirSync(MINI_SDE)) files[name] = readFileSync(join(MINI_SDE, name), 'utf8');
  return files;
}

/** The mini fixture under another build number, with only the first `systems` solar systems. */
export function miniSdeBuild(buildNumber: number, systems?: number): SdeFiles {
  const files = miniSdeFiles();
  files['_sde.jsonl'] =
    `${JSON.stringify({ _key: 'sde', buildNumber, releaseDate: '2026-03-01T00:00:00Z' })}\n`;
  if (systems !== undefined) {
    const lines = String(files['mapSolarSystems.jsonl']).trim().split('\n');
    files['mapSolarSystems.jsonl'] = `${lines.slice(0, systems).join('\n')}\n`;
  }
  return files;
}

/** Replaces text in one file of a file map (the text must occur). */
export function withChange(files: SdeFiles, file: string, from: string, to: string): SdeFiles {
  const content = String(files[file]);
  if (!content.includes(from)) throw new Error(`${file} does not contain ${from}`);
  return { ...files, [file]: content.replace(from, to) };
}

export function without(files: SdeFiles, file: string): SdeFiles {
  const { [file]: _removed, ...rest } = files;
  return rest;
}

export async function zipBuffer(files: SdeFiles, options: { compress?: boolean; folder?: string } = {}) {
  const zip = new yazl.ZipFile();
  const prefix = options.folder ? `${options.folder}/` : '';
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.from(content), `${prefix}${name}`, { compress: options.compress ?? true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A scratch directory; call `remove()` when done. */
export function scratchDir(prefix = 'kt-sde-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function writeZip(
  path: string,
  files: SdeFiles,
  options?: { compress?: boolean; folder?: string },
) {
  writeFileSync(path, await zipBuffer(files, options));
  return path;
}

export function writeFolder(path: string, files: SdeFiles): string {
  mkdirSync(path, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return path;
}
