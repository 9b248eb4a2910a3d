// /killtracker settings ...: server-wide settings.
import type { SubcommandGroup } from '../../../contract.ts';
import managerRole from './manager-role.ts';
import requireVerifiedLinks from './require-verified-links.ts';

export default {
  name: 'settings',
  description: 'Server settings',
  subcommands: [managerRole, requireVerifiedLinks],
} as const satisfies SubcommandGroup;
