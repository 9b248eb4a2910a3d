// A local stand-in for CCP's static-data host (node:http on 127.0.0.1, a free port) with failure modes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeAnswer =
  | { kind: 'body'; body: Buffer | string; status?: number }
  /** Announces the full Content-Length, sends only `sendBytes`, then closes the connection. */
  | { kind: 'cut'; body: Buffer; sendBytes: number }
  | { kind: 'redirect'; location: string }
  /** Never answers (for timeouts). */
  | { kind: 'silent' };

export interface FakeSdeServer {
  /** Use as SDE_URL. */
  url: string;
  answers: Map<string, FakeAnswer>;
  requests: Array<{ path: string; userAgent: string | undefined }>;
  /** Serves latest.jsonl announcing `buildNumber` and the zip of that build. */
  publish(buildNumber: number, zip: Buffer): void;
  close(): Promise<void>;
}

export async function startFakeSdeServer(): Promise<FakeSdeServer> {
  const answers = new Map<string, FakeAnswer>();
  const requests: FakeSdeServer['requests'] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    requests.push({ path, userAgent: request.headers['user-agent'] });
    const answer = answers.get(path) ?? { kind: 'body', status: 404, body: 'not found' };
    switch (answer.kind) {
      case 'body': {
        const body = Buffer.from(answer.body);
        response.writeHead(answer.status ?? 200, { 'content-length': body.length });
        response.end(body);
        return;
      }
      case 'cut':
        response.writeHead(200, { 'content-length': answer.body.length });
        response.write(answer.body.subarray(0, answer.sendBytes), () => response.destroy());
        return;
      case 'redirect':
        response.writeHead(302, { location: answer.location, 'content-length': 0 });
        response.end();
        return;
      case 'silent':
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tranquility`;
  return {
    url,
    answers,
    requests,
    publish(buildNumber, zip) {
      const latest = { _key: 'sde', buildNumber, releaseDate: '2026-02-11T11:26:42Z' };
      answers.set('/tranquility/latest.jsonl', { kind: 'body', body: `${JSON.stringify(latest)}\n` });
      answers.set(`/tranquility/eve-online-static-data-${buildNumber}-jsonl.zip`, {
        kind: 'body',
        body: zip,
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
