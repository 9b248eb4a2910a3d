import { Counter, Registry } from 'prom-client';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/server.ts';

describe('health and metrics endpoint', () => {
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers /healthz 200 when every check passes and 503 naming the failing check', async () => {
    let ingestProblem: string | undefined = undefined;
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      registry: new Registry(),
      checks: [
        { name: 'database', check: async () => undefined },
        { name: 'ingest', check: async () => ingestProblem },
      ],
    });
    const healthy = await request(`http://127.0.0.1:${server.port}/healthz`);
    expect(healthy.statusCode).toBe(200);
    expect(await healthy.body.json()).toEqual({ ok: true, problems: {} });
    ingestProblem = 'no answer from R2Z2 for 300 s';
    const sick = await request(`http://127.0.0.1:${server.port}/healthz`);
    expect(sick.statusCode).toBe(503);
    expect(await sick.body.json()).toEqual({
      ok: false,
      problems: { ingest: 'no answer from R2Z2 for 300 s' },
    });
  });

  it('serves the registry in Prometheus text format on /metrics', async () => {
    const registry = new Registry();
    new Counter({ name: 'killtracker_test_total', help: 'test', registers: [registry] }).inc(3);
    server = await startHttpServer({ port: 0, host: '127.0.0.1', registry, checks: [] });
    const response = await request(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toContain('killtracker_test_total 3');
  });
});
