// /ppk remove killmail event character [reason]: an admin removes an event, kept in the audit log.
import { adminEventSubcommand } from '../admin-event.ts';

export default adminEventSubcommand({
  name: 'remove',
  description: 'Admins: remove an event of a character on a kill',
  done: 'Removed',
  apply: (ppk, input) => ppk.removeEvent(input),
});
