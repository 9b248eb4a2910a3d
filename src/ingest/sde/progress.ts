// Progress of the long SDE steps (download, reading, storing): a redrawn bar when a person watches a
// terminal, a log line every 10% otherwise, so a minute of work never looks like a hang.
import type { Logger } from '../../log.ts';

export interface Progress {
  /** `done` of `total` (null when unknown); `detail` names what is being worked on, e.g. "types.jsonl". */
  update(done: number, total: number | null, detail?: string): void;
  /** Ends the bar; `summary` follows the label, e.g. "done (20.0 MB)". */
  finish(summary: string): void;
}

/** The part of a stream the bar needs (process.stderr, or a fake in tests). */
export interface ProgressTerminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** How amounts read: "2.0 of 20.0 MB", "12,000 of 70,000 rows". */
export interface Measure {
  unit: string;
  show(amount: number): string;
  /** Without a total there is no percentage: report every this much instead. */
  unknownTotalStep: number;
}

const MB = 1024 * 1024;
export const BYTES: Measure = {
  unit: 'MB',
  show: (bytes) => (bytes / MB).toFixed(1),
  unknownTotalStep: 10 * MB,
};
export const ROWS: Measure = {
  unit: 'rows',
  show: (rows) => rows.toLocaleString('en-US'),
  unknownTotalStep: 10_000,
};

const BAR_WIDTH = 30;

export function createProgress(options: {
  label: string;
  log: Logger;
  terminal?: ProgressTerminal | undefined;
  measure?: Measure;
}): Progress {
  const { label, log, terminal, measure = BYTES } = options;
  return terminal?.isTTY ? terminalBar(label, terminal, measure) : logLines(label, log, measure);
}

function terminalBar(label: string, terminal: ProgressTerminal, measure: Measure): Progress {
  let lastStep = -1;
  let lastDetail: string | undefined;
  let lastLength = 0;
  const draw = (done: number, total: number | null, detail: string | undefined) => {
    let line: string;
    if (total === null || total <= 0) {
      line = `${label} ${measure.show(done)} ${measure.unit}`;
    } else {
      const fraction = Math.min(done / total, 1);
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
      const percent = String(Math.floor(fraction * 100)).padStart(3);
      line = `${label} [${bar}] ${percent}% ${measure.show(done)}/${measure.show(total)} ${measure.unit}`;
    }
    if (detail !== undefined) line += ` ${detail}`;
    // A shorter line than the last one must not leave the end of the old one on screen.
    terminal.write(`\r${line}${' '.repeat(Math.max(0, lastLength - line.length))}`);
    lastLength = line.length;
  };
  let last: { done: number; total: number | null } = { done: 0, total: null };
  return {
    update(done, total, detail) {
      last = { done, total };
      // Redraw only when the shown value changes: thousands of chunks must not mean thousands of writes.
      const step =
        total && total > 0 ? Math.floor((done / total) * 1000) : Math.floor(done / measure.unknownTotalStep);
      if (step === lastStep && detail === lastDetail) return;
      lastStep = step;
      lastDetail = detail;
      draw(done, total, detail);
    },
    finish() {
      draw(last.done, last.total ?? last.done, undefined);
      terminal.write('\n');
    },
  };
}

function logLines(label: string, log: Logger, measure: Measure): Progress {
  let lastStep = 0;
  return {
    update(done, total, detail) {
      const step =
        total && total > 0 ? Math.floor((done / total) * 10) : Math.floor(done / measure.unknownTotalStep);
      if (step <= lastStep) return;
      lastStep = step;
      const working = detail === undefined ? '' : `, ${detail}`;
      if (total && total > 0) {
        log.info(
          { done, total },
          `${label}: ${Math.min(step * 10, 100)}% (${measure.show(done)} of ${measure.show(total)} ${measure.unit}${working})`,
        );
      } else {
        log.info({ done }, `${label}: ${measure.show(done)} ${measure.unit} so far${working}`);
      }
    },
    finish(summary) {
      log.info(`${label}: ${summary}`);
    },
  };
}

/** Bytes of a download: its summary says how much arrived. */
export function byteSummary(bytes: number): string {
  return `done (${BYTES.show(bytes)} MB)`;
}
