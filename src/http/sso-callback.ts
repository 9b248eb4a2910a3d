// The EVE SSO callback page: EVE sends the member back here after the login; the page says what was
// linked, or why nothing was, in plain escaped HTML. The query (code and state) is never logged.
import type { Logger } from '../log.ts';
import type { SsoLinkOutcome } from '../pilots/operations.ts';
import { SSO_CALLBACK_PATH, type SsoCallback } from '../pilots/sso/eve-sso.ts';
import type { HttpAnswer, HttpRoute } from './server.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** A tiny self-contained page: no scripts, no outside resources, not cached, no referrer with the code. */
export function ssoPage(status: number, title: string, message: string): HttpAnswer {
  const body = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · Killtracker</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

export function ssoCallbackRoute(options: {
  complete: (callback: SsoCallback) => Promise<SsoLinkOutcome>;
  log: Logger;
}): HttpRoute {
  return {
    path: SSO_CALLBACK_PATH,
    async handle(url) {
      const query = url.searchParams;
      let outcome: SsoLinkOutcome;
      try {
        outcome = await options.complete({
          state: query.get('state') ?? undefined,
          code: query.get('code') ?? undefined,
          error: query.get('error') ?? undefined,
        });
      } catch (error) {
        options.log.error({ err: error }, 'EVE SSO callback failed');
        return ssoPage(
          500,
          'Something went wrong',
          'The bot could not finish the link; it has been logged. Run /character link in Discord again in a moment.',
        );
      }
      if (!outcome.ok) return ssoPage(400, 'Nothing was linked', outcome.message);
      const name = outcome.character.name ?? `Character ${outcome.character.id}`;
      const moved = outcome.movedFrom
        ? ' It was claimed by another member without proof; your proof replaced that claim.'
        : '';
      return ssoPage(
        200,
        'Character linked',
        `${name} is now linked to your Discord account in that server, verified with EVE SSO.${moved} You can close this page and go back to Discord.`,
      );
    },
  };
}
