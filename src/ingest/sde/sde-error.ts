// The one error type of the SDE loader: its message names the file (and line) and says what to do next.
export class SdeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SdeError';
  }
}

/** The advice that ends most messages about a damaged or unexpected SDE archive. */
export const SDE_RETRY_ADVICE =
  'Download the official JSONL SDE again (run "killtracker sde update"), or pass an intact ' +
  'eve-online-static-data-<build>-jsonl.zip with --file.';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
