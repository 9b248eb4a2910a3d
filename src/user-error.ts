// An error whose message the user should read: thrown by commands and by the operations they call, and
// turned into an ephemeral answer by the bot's one error boundary. Anything else is a bug and is logged.

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
