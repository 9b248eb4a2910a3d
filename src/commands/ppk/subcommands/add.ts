// /ppk add killmail event character [reason]: an admin records an event for any character (linked or not),
// kept in the audit log.
import { adminEventSubcommand } from '../admin-event.ts';

export default adminEventSubcommand({
  name: 'add',
  description: 'Admins: record an event for any character on a kill',
  done: 'Added',
  apply: (ppk, input) => ppk.addEvent(input),
});
