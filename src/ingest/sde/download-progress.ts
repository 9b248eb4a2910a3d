// Download progress: a redrawn bar when a person watches a terminal, a log line every 10% otherwise.
import type { Logger } from '../../log.ts';

export interface DownloadProgress {
  update(receivedBytes: number, totalBytes: number | null): void;
  finish(receivedBytes: number): void;
}

/** The part of a stream the bar needs (process.stderr, or a fake in tests). */
export interface ProgressTerminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
const MB = 1024 * 1024;
/** Without Content-Length there is no percentage: report every this many bytes instead. */
const UNKNOWN_TOTAL_STEP = 10 * MB;

const megabytes = (bytes: number) => (bytes / MB).toFixed(1);

export function createDownloadProgress(options: {
  label: string;
  log: Logger;
  terminal?: ProgressTerminal;
}): DownloadProgress {
  const { label, log, terminal } = options;
  return terminal?.isTTY ? terminalBar(label, terminal) : logLines(label, log);
}

function terminalBar(label: string, terminal: ProgressTerminal): DownloadProgress {
  let lastStep = -1;
  const draw = (received: number, total: number | null) => {
    if (total === null || total <= 0) {
      terminal.write(`\r${label} ${megabytes(received)} MB`);
      return;
    }
    const fraction = Math.min(received / total, 1);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    const percent = String(Math.floor(fraction * 100)).padStart(3);
    terminal.write(`\r${label} [${bar}] ${percent}% ${megabytes(received)}/${megabytes(total)} MB`);
  };
  let lastTotal: number | null = null;
  return {
    update(received, total) {
      lastTotal = total;
      // Redraw only when the shown value changes: thousands of chunks must not mean thousands of writes.
      const step = total && total > 0 ? Math.floor((received / total) * 1000) : Math.floor(received / MB);
      if (step === lastStep) return;
      lastStep = step;
      draw(received, total);
    },
    finish(received) {
      draw(received, lastTotal ?? received);
      terminal.write('\n');
    },
  };
}

function logLines(label: string, log: Logger): DownloadProgress {
  let lastStep = 0;
  return {
    update(received, total) {
      const step =
        total && total > 0 ? Math.floor((received / total) * 10) : Math.floor(received / UNKNOWN_TOTAL_STEP);
      if (step <= lastStep) return;
      lastStep = step;
      if (total && total > 0) {
        log.info(
          { receivedBytes: received, totalBytes: total },
          `${label}: ${Math.min(step * 10, 100)}% (${megabytes(received)} of ${megabytes(total)} MB)`,
        );
      } else {
        log.info({ receivedBytes: received }, `${label}: ${megabytes(received)} MB so far`);
      }
    },
    finish(received) {
      log.info({ receivedBytes: received }, `${label}: done (${megabytes(received)} MB)`);
    },
  };
}
