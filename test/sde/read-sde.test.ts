import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSde, readSdeFolder, readSdeZip } from '../../src/ingest/sde/read-sde.ts';
import { SdeError } from '../../src/ingest/sde/sde-error.ts';
import {
  miniSdeFiles,
  type SdeFiles,
  scratchDir,
  withChange,
  without,
  writeFolder,
  writeZip,
  zipBuffer,
} from './sde-test-files.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

const zipOf = (files: SdeFiles, options?: { compress?: boolean; folder?: string }) =>
  writeZip(join(scratch.path, 'sde.zip'), files, options);

async function sdeErrorFrom(reading: Promise<unknown>): Promise<SdeError> {
  const error = await reading.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(SdeError);
  return error as SdeError;
}

describe('reading the mini SDE', () => {
  it('GIVEN the unpacked folder WHEN read THEN gives the build, English names and the fields the bot needs', async () => {
    const sde = await readSdeFolder(MINI_SDE);
    expect(sde.buildNumber).toBe(3201939);
    expect(sde.releaseDate).toBe('2026-02-11T11:26:42Z');
    expect(sde.universe.regions).toContainEqual({ id: 10000002, name: 'The Forge' });
    expect(sde.universe.constellations).toContainEqual({
      id: 20000020,
      name: 'Kimotoro',
      regionId: 10000002,
    });
    expect(sde.universe.systems).toContainEqual({
      id: 30000142,
      name: 'Jita',
      constellationId: 20000020,
      regionId: 10000002,
      security: 0.945913,
      x: -1.29064861735e17,
      y: 6.075530691e16,
      z: 1.1746922706e17,
    });
    expect(sde.catalog.types).toContainEqual({ id: 670, name: 'Capsule', groupId: 29, published: false });
    expect(sde.catalog.groups).toContainEqual({
      id: 1025,
      name: 'Orbital Infrastructure',
      categoryId: 46,
      published: false,
    });
    expect(sde.catalog.categories).toEqual([
      { id: 6, name: 'Ship', published: true },
      { id: 46, name: 'Orbitals', published: true },
    ]);
  });

  it('GIVEN 16 directed gates (each with its return gate) THEN gives the 8 undirected links, smaller id first', async () => {
    const sde = await readSdeFolder(MINI_SDE);
    const links = [...sde.universe.stargates].map(([a, b]) => `${a}-${b}`).sort();
    expect(links).toEqual([
      '30000140-30000142',
      '30000140-30000144',
      '30000142-30000143',
      '30000142-30000144',
      '30000142-30000145',
      '30000143-30000144',
      '30000143-30000145',
      '30002187-30003491',
    ]);
  });

  it('GIVEN the same files zipped (deflated or stored, flat or in one folder) THEN reads exactly what the folder gives', async () => {
    const fromFolder = await readSdeFolder(MINI_SDE);
    const flat = await readSdeZip(await zipOf(miniSdeFiles()));
    const stored = await readSdeZip(await zipOf(miniSdeFiles(), { compress: false }));
    const nested = await readSdeZip(
      await zipOf(miniSdeFiles(), { folder: 'eve-online-static-data-3201939-jsonl' }),
    );
    expect(flat).toEqual(fromFolder);
    expect(stored).toEqual(fromFolder);
    expect(nested).toEqual(fromFolder);
  });

  it('WHEN given a path THEN readSde reads a zip as a zip and a folder as a folder', async () => {
    const zipPath = await zipOf(miniSdeFiles());
    expect((await readSde(zipPath)).universe.systems).toHaveLength(8);
    expect((await readSde(MINI_SDE)).universe.systems).toHaveLength(8);
  });

  it('GIVEN Windows line endings, a byte-order mark and blank lines THEN reads the same records', async () => {
    const files = miniSdeFiles();
    const messy: SdeFiles = {};
    for (const [name, content] of Object.entries(files)) {
      messy[name] = `\uFEFF${String(content).replaceAll('\n', '\r\n\r\n')}`;
    }
    expect(await readSdeZip(await zipOf(messy))).toEqual(await readSdeFolder(MINI_SDE));
  });

  it('GIVEN a record without optional fields and with fields the bot does not know THEN reads it', async () => {
    const files = withChange(
      miniSdeFiles(),
      'types.jsonl',
      '{"_key": 670, "groupID": 29, "name": {"en": "Capsule"}, "portionSize": 1, "published": false}',
      '{"_key": 670, "groupID": 29, "name": {"en": "Capsule"}, "published": false, "newField2027": [1, {"a": null}]}',
    );
    const sde = await readSdeZip(await zipOf(files));
    expect(sde.catalog.types).toContainEqual({ id: 670, name: 'Capsule', groupId: 29, published: false });
  });

  it('GIVEN a gate leading into its own system THEN it is not a link', async () => {
    const gate = {
      _key: 50009999,
      destination: { solarSystemID: 30000142, stargateID: 1 },
      solarSystemID: 30000142,
    };
    const files = miniSdeFiles();
    files['mapStargates.jsonl'] = `${String(files['mapStargates.jsonl'])}${JSON.stringify(gate)}\n`;
    const sde = await readSdeZip(await zipOf(files));
    expect(sde.universe.stargates).toHaveLength(8);
  });
});

describe('rejecting a damaged SDE with a message naming the file, the line and what to do', () => {
  it('GIVEN a line that is not JSON THEN names the file and line', async () => {
    const files = withChange(
      miniSdeFiles(),
      'mapSolarSystems.jsonl',
      '{"_key": 30000142',
      '{"_key": 30000142,,',
    );
    const error = await sdeErrorFrom(readSdeZip(await zipOf(files)));
    expect(error.message).toMatch(/^mapSolarSystems\.jsonl line 2 \(in .*sde\.zip\): not valid JSON/);
    expect(error.message).toContain('killtracker sde update');
  });

  it('GIVEN a solar system without securityStatus THEN says which field is missing', async () => {
    const files = withChange(miniSdeFiles(), 'mapSolarSystems.jsonl', '"securityStatus": 0.945913', '"x": 1');
    const error = await sdeErrorFrom(readSdeFolder(writeFolder(join(scratch.path, 'sde'), files)));
    expect(error.message).toContain('mapSolarSystems.jsonl line 2');
    expect(error.message).toContain('missing "securityStatus" (a number)');
  });

  it('GIVEN a gate without destination THEN says "destination.solarSystemID" is missing', async () => {
    const files = withChange(
      miniSdeFiles(),
      'mapStargates.jsonl',
      '"destination": {"solarSystemID": 30000140,',
      '"d": {',
    );
    const error = await sdeErrorFrom(readSdeZip(await zipOf(files)));
    expect(error.message).toContain('mapStargates.jsonl line 1');
    expect(error.message).toContain('missing "destination.solarSystemID"');
  });

  it('GIVEN a type whose published flag is text THEN says what the field should be', async () => {
    const files = withChange(miniSdeFiles(), 'types.jsonl', '"published": true', '"published": "yes"');
    const error = await sdeErrorFrom(readSdeZip(await zipOf(files)));
    expect(error.message).toContain('types.jsonl line 1');
    expect(error.message).toContain('"published" should be true or false, found "yes"');
  });

  it('GIVEN a line holding an array instead of an object THEN rejects it', async () => {
    const files = { ...miniSdeFiles(), 'categories.jsonl': '[6, "Ship"]\n' };
    const error = await sdeErrorFrom(readSdeZip(await zipOf(files)));
    expect(error.message).toContain('categories.jsonl line 1');
  });

  it('GIVEN the same type id twice THEN names the duplicate', async () => {
    const files = miniSdeFiles();
    files['types.jsonl'] =
      `${String(files['types.jsonl'])}{"_key": 587, "groupID": 25, "name": {"en": "Rifter"}, "published": true}\n`;
    const error = await sdeErrorFrom(readSdeZip(await zipOf(files)));
    expect(error.message).toContain('types.jsonl line 4');
    expect(error.message).toContain('"_key" 587 appears twice');
  });

  it('GIVEN a zip without mapStargates.jsonl THEN names the missing file and the files the bot needs', async () => {
    const error = await sdeErrorFrom(readSdeZip(await zipOf(without(miniSdeFiles(), 'mapStargates.jsonl'))));
    expect(error.message).toMatch(
      /sde\.zip has no mapStargates\.jsonl; the bot needs _sde\.jsonl, mapRegions\.jsonl/,
    );
    expect(error.message).toContain('JSONL SDE');
  });

  it('GIVEN a folder without _sde.jsonl and types.jsonl THEN names both', async () => {
    const folder = writeFolder(
      join(scratch.path, 'sde'),
      without(without(miniSdeFiles(), '_sde.jsonl'), 'types.jsonl'),
    );
    const error = await sdeErrorFrom(readSdeFolder(folder));
    expect(error.message).toContain('has no _sde.jsonl, types.jsonl;');
  });

  it('GIVEN an _sde.jsonl without the build record THEN says the build is unknown', async () => {
    const files = { ...miniSdeFiles(), '_sde.jsonl': '{"_key": "other", "buildNumber": 5}\n' };
    const error = await sdeErrorFrom(readSdeZip(await zipOf(files)));
    expect(error.message).toContain('_sde.jsonl');
    expect(error.message).toContain('the build is unknown');
  });

  it('GIVEN a file that is not a zip THEN says it is not a readable zip', async () => {
    const path = join(scratch.path, 'garbage.zip');
    writeFileSync(path, Buffer.from('this is certainly not a zip file, just some text '.repeat(40)));
    const error = await sdeErrorFrom(readSdeZip(path));
    expect(error.message).toContain('garbage.zip is not a readable zip');
    expect(error.message).toContain('killtracker sde update');
  });

  it('GIVEN a zip cut off half way THEN says it is corrupt or incomplete', async () => {
    const whole = await zipBuffer(miniSdeFiles());
    const path = join(scratch.path, 'half.zip');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await sdeErrorFrom(readSdeZip(path));
    expect(error.message).toContain('half.zip');
    expect(error.message).toContain('corrupt or incomplete');
  });

  it('GIVEN a stored entry with one changed byte THEN the CRC-32 check catches it', async () => {
    const whole = await zipBuffer(miniSdeFiles(), { compress: false });
    const at = whole.indexOf('"Jita"');
    expect(at).toBeGreaterThan(0);
    whole.write('"Jitb"', at);
    const path = join(scratch.path, 'damaged.zip');
    writeFileSync(path, whole);
    const error = await sdeErrorFrom(readSdeZip(path));
    expect(error.message).toContain('mapSolarSystems.jsonl in');
    expect(error.message).toContain('CRC-32');
  });

  it('GIVEN a path where nothing exists THEN says what to pass instead', async () => {
    const error = await sdeErrorFrom(readSde(join(scratch.path, 'nowhere.zip')));
    expect(error.message).toContain('Cannot read the SDE at');
    expect(error.message).toContain('eve-online-static-data-<build>-jsonl.zip');
  });
});
