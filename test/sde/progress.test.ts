import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { byteSummary, createProgress, ROWS } from '../../src/ingest/sde/progress.ts';

function recordingLogger() {
  const messages: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
  return { log, messages };
}

describe('progress of the SDE steps', () => {
  it('GIVEN no terminal WHEN a download of known size goes byte by byte THEN logs once per 10% and once when done', () => {
    const { log, messages } = recordingLogger();
    const progress = createProgress({
      label: 'SDE',
      log,
      terminal: { isTTY: false, write: () => true },
    });
    const total = 20 * 1024 * 1024;
    for (let received = 64 * 1024; received <= total; received += 64 * 1024) progress.update(received, total);
    progress.finish(byteSummary(total));
    expect(messages).toEqual([
      'SDE: 10% (2.0 of 20.0 MB)',
      'SDE: 20% (4.0 of 20.0 MB)',
      'SDE: 30% (6.0 of 20.0 MB)',
      'SDE: 40% (8.0 of 20.0 MB)',
      'SDE: 50% (10.0 of 20.0 MB)',
      'SDE: 60% (12.0 of 20.0 MB)',
      'SDE: 70% (14.0 of 20.0 MB)',
      'SDE: 80% (16.0 of 20.0 MB)',
      'SDE: 90% (18.0 of 20.0 MB)',
      'SDE: 100% (20.0 of 20.0 MB)',
      'SDE: done (20.0 MB)',
    ]);
  });

  it('GIVEN no Content-Length THEN logs every 10 MB', () => {
    const { log, messages } = recordingLogger();
    const progress = createProgress({ label: 'SDE', log });
    for (let received = 1024 * 1024; received <= 25 * 1024 * 1024; received += 1024 * 1024) {
      progress.update(received, null);
    }
    expect(messages).toEqual(['SDE: 10.0 MB so far', 'SDE: 20.0 MB so far']);
  });

  it('GIVEN a terminal THEN redraws one line with \\r only when the shown value changes, and ends it', () => {
    const { log, messages } = recordingLogger();
    const writes: string[] = [];
    const progress = createProgress({
      label: 'SDE',
      log,
      terminal: { isTTY: true, write: (text: string) => writes.push(text) },
    });
    for (let step = 0; step < 5; step += 1) progress.update(500, 1000);
    progress.update(1000, 1000);
    progress.finish(byteSummary(1000));
    expect(writes).toEqual([
      `\rSDE [${'#'.repeat(15)}${'-'.repeat(15)}]  50% 0.0/0.0 MB`,
      `\rSDE [${'#'.repeat(30)}] 100% 0.0/0.0 MB`,
      `\rSDE [${'#'.repeat(30)}] 100% 0.0/0.0 MB`,
      '\n',
    ]);
    expect(messages).toEqual([]);
  });

  it('GIVEN no terminal WHEN reading files THEN each 10% line names the file being read', () => {
    const { log, messages } = recordingLogger();
    const progress = createProgress({ label: 'Reading the SDE', log });
    const total = 4 * 1024 * 1024;
    progress.update(1024 * 1024, total, 'mapSolarSystems.jsonl');
    progress.update(3 * 1024 * 1024, total, 'types.jsonl');
    progress.finish('done (4.0 MB of SDE files)');
    expect(messages).toEqual([
      'Reading the SDE: 20% (1.0 of 4.0 MB, mapSolarSystems.jsonl)',
      'Reading the SDE: 70% (3.0 of 4.0 MB, types.jsonl)',
      'Reading the SDE: done (4.0 MB of SDE files)',
    ]);
  });

  it('GIVEN rows WHEN stored in batches THEN the amounts read as rows', () => {
    const { log, messages } = recordingLogger();
    const writes: string[] = [];
    const logged = createProgress({ label: 'Storing the SDE', log, measure: ROWS });
    logged.update(35_000, 70_000);
    logged.update(70_000, 70_000);
    logged.finish('done');
    expect(messages).toEqual([
      'Storing the SDE: 50% (35,000 of 70,000 rows)',
      'Storing the SDE: 100% (70,000 of 70,000 rows)',
      'Storing the SDE: done',
    ]);
    const drawn = createProgress({
      label: 'Storing the SDE',
      log,
      measure: ROWS,
      terminal: { isTTY: true, write: (text: string) => writes.push(text) },
    });
    drawn.update(7_500, 70_000);
    expect(writes).toEqual([`\rStoring the SDE [${'#'.repeat(3)}${'-'.repeat(27)}]  10% 7,500/70,000 rows`]);
  });

  it('GIVEN a terminal WHEN the file being read changes THEN the line is redrawn and a shorter one blanks the rest', () => {
    const { log } = recordingLogger();
    const writes: string[] = [];
    const progress = createProgress({
      label: 'R',
      log,
      terminal: { isTTY: true, write: (text: string) => writes.push(text) },
    });
    progress.update(0, 100, 'mapConstellations.jsonl');
    progress.update(0, 100, 'types.jsonl');
    expect(writes).toEqual([
      `\rR [${'-'.repeat(30)}]   0% 0.0/0.0 MB mapConstellations.jsonl`,
      `\rR [${'-'.repeat(30)}]   0% 0.0/0.0 MB types.jsonl${' '.repeat(12)}`,
    ]);
  });
});
