// The bot's HTTP server on HTTP_PORT: /healthz (ingest fresh and database reachable), /metrics
// (Prometheus text) and the routes of other parts of the bot (the EVE SSO callback).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthCheck {
  name: string;
  /** Resolves with a problem description, or undefined when healthy. */
  check(): Promise<string | undefined>;
}

/** A GET route: answers from the URL alone (path and query). */
export interface HttpRoute {
  path: string;
  handle(url: URL): Promise<HttpAnswer>;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  checks: HealthCheck[];
  routes?: HttpRoute[];
}): Promise<HttpServer> {
  const routes = new Map((options.routes ?? []).map((route) => [route.path, route]));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    const route = routes.get(path);
    if (route) {
      route
        .handle(url)
        .then((answer) => response.writeHead(answer.status, answer.headers).end(answer.body))
        .catch(() => response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error\n'));
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
