// Looking at a running bot from outside: its resident memory from /proc, its Prometheus metrics over
// HTTP, and a free TCP port to serve them on.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'undici';

/** VmRSS of a process in MB (one decimal), or undefined once it is gone. */
export function residentMegabytes(pid: number): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kilobytes = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kilobytes === undefined ? undefined : Math.round((Number(kilobytes) / 1024) * 10) / 10;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The samples of /metrics by name with labels, e.g. `killtracker_deliveries_total{outcome="sent"}`. */
export async function scrapeMetrics(port: number): Promise<Map<string, number>> {
  const response = await request(`http://127.0.0.1:${port}/metrics`);
  const text = await response.body.text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}
