// `killtracker start`: the whole bot in one process. The token is checked before the bot's modules load,
// so a first `npm start` without one answers at once.
import type { CliCommand } from '../command.ts';
import { CliError, UsageError } from '../errors.ts';

export const MISSING_TOKEN_HELP = [
  'DISCORD_TOKEN is not set, so the bot cannot log in to Discord.',
  '',
  'To get a token and add the bot to your server:',
  '  1. Open https://discord.com/developers/applications and create an application (or pick yours).',
  '  2. Under "Bot", press "Reset Token" and copy the token, and switch on "Server Members Intent"',
  "     (members' roles for the role conditions; without it they are looked up every 15 minutes).",
  '  3. Put it in a file named .env next to package.json:',
  '       DISCORD_TOKEN=your-token-here',
  '     (or export DISCORD_TOKEN in your shell).',
  '  4. Invite the bot: OAuth2 -> URL Generator, scopes "bot" and "applications.commands",',
  '     permissions View Channels, Send Messages, Embed Links, Read Message History (a retried alert',
  '     checks it was not already posted) and Mention Everyone (only for @here/@everyone pings).',
  '  5. Run "npm start" again.',
].join('\n');

export const startCommand: CliCommand<void> = {
  parse(argv) {
    if (argv.length > 0) throw new UsageError(`"start" takes no arguments (got ${argv.join(' ')}).`);
  },
  async run(_args, ctx) {
    const token = ctx.env.DISCORD_TOKEN;
    if (!token) throw new CliError(MISSING_TOKEN_HELP);
    const { runBot } = await import('../run-bot.ts');
    return runBot(ctx, token);
  },
};
