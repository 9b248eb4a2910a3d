// Looking at a running bot from outside: its resident memory from /proc, its Prometheus metrics over
// HTTP (on a port from test/helpers/free-port.ts).
import { readFileSync } from 'node:fs';
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
