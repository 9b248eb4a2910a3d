// The User-Agent sent to zKillboard, ESI and CCP: the app, its version and the operator's contact.
import { readFileSync } from 'node:fs';

const version = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** "Killtracker/0.1.0 (+contact)": both services ask for the app and a way to reach whoever runs it. */
export function userAgent(contact: string): string {
  return `Killtracker/${version} (${contact})`;
}
