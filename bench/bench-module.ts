// What every benchmark module offers bench/run.ts.

export interface BenchModule {
  name: string;
  /** Result objects, each printed as one JSON line; `{ bench, skipped }` when its data is missing. */
  run(): Promise<object[]>;
}
