import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { migratedDataDir } from '../helpers/data-dir.ts';

describe('killtracker db migrate', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = migratedDataDir('kt-db-');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN an up-to-date embedded database THEN it prints the one JSON line its help and the README show', async () => {
    const result = await runCliCapture(['db', 'migrate'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.out).toEqual(['{"migrated": true, "database": "pglite"}']);
  });
});
