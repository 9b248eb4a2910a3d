// The refusals of the pilot registry: a sentence the member can act on, shown as is by whoever asked
// (a Discord reply, the SSO callback page, the CLI). Anything else thrown from here is a bug.
export class PilotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PilotError';
  }
}
