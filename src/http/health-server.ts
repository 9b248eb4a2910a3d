// METRICS_PORT: /healthz (ingest fresh and database reachable) and /metrics (Prometheus text).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthCheck {
  name: string;
  /** Resolves with a problem description, or undefined when healthy. */
  check(): Promise<string | undefined>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  checks: HealthCheck[];
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    if (path === '/metrics') {
      options.registry
        .metrics()
        .then((text) => response.writeHead(200, { 'content-type': options.registry.contentType }).end(text))
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
      return;
    }
    if (path === '/healthz') {
      // runChecks never rejects: a failing check becomes one of the problems.
      void runChecks(options.checks).then((problems) => {
        const healthy = Object.keys(problems).length === 0;
        response
          .writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: healthy, problems }));
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Try /healthz or /metrics\n');
  });
  server.listen(options.port, options.host ?? '0.0.0.0');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function runChecks(checks: HealthCheck[]): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        const problem = await check();
        if (problem) problems[name] = problem;
      } catch (error) {
        problems[name] = error instanceof Error ? error.message : String(error);
      }
    }),
  );
  return problems;
}
