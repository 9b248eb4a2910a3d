#!/usr/bin/env node
// `killtracker`: runs the compiled program in dist/. A fresh checkout, or sources changed since the last
// build, are built first (once), so `npx killtracker` works right after cloning and installing.
import { build, staleReason } from './build.mjs';

const stale = staleReason();
if (stale !== undefined) {
  process.stderr.write(`Building killtracker into dist/ (${stale}); this takes a moment...\n`);
  const result = build();
  if (!result.ok) {
    process.stderr.write(`Cannot build killtracker: ${result.reason}\n`);
    process.exit(1);
  }
}
await import('../dist/main.js');
