import { defineConfig } from 'vitest/config';

// Timeouts are sized for a slow, busy machine (a laptop, a shared CI box): tests wait on conditions,
// and a limit is only there to stop a hung test, never to measure speed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/pglite-template.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Files share their worker's loaded modules (discord.js, drizzle, PGlite's compiled WebAssembly)
    // instead of importing them again for every file: the suite runs in well under half the time. Each
    // file still gets its own databases and fakes, and must close what it opens.
    isolate: false,
  },
});
