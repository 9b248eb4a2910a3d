import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDownloadProgress } from '../../src/ingest/sde/download-progress.ts';

function recordingLogger() {
  const messages: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
  return { log, messages };
}

describe('download progress', () => {
  it('GIVEN no terminal WHEN a download of known size goes byte by byte THEN logs once per 10% and once when done', () => {
    const { log, messages } = recordingLogger();
    const progress = createDownloadProgress({
      label: 'SDE',
      log,
      terminal: { isTTY: false, write: () => true },
    });
    const total = 20 * 1024 * 1024;
    for (let received = 64 * 1024; received <= total; received += 64 * 1024) progress.update(received, total);
    progress.finish(total);
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
    const progress = createDownloadProgress({ label: 'SDE', log });
    for (let received = 1024 * 1024; received <= 25 * 1024 * 1024; received += 1024 * 1024) {
      progress.update(received, null);
    }
    expect(messages).toEqual(['SDE: 10.0 MB so far', 'SDE: 20.0 MB so far']);
  });

  it('GIVEN a terminal THEN redraws one line with \\r only when the shown value changes, and ends it', () => {
    const { log, messages } = recordingLogger();
    const writes: string[] = [];
    const progress = createDownloadProgress({
      label: 'SDE',
      log,
      terminal: { isTTY: true, write: (text: string) => writes.push(text) },
    });
    for (let step = 0; step < 5; step += 1) progress.update(500, 1000);
    progress.update(1000, 1000);
    progress.finish(1000);
    expect(writes).toEqual([
      `\rSDE [${'#'.repeat(15)}${'-'.repeat(15)}]  50% 0.0/0.0 MB`,
      `\rSDE [${'#'.repeat(30)}] 100% 0.0/0.0 MB`,
      `\rSDE [${'#'.repeat(30)}] 100% 0.0/0.0 MB`,
      '\n',
    ]);
    expect(messages).toEqual([]);
  });
});
