// /tracker set origin|color|channel|max-age|title|description|ppk|ping-rules|ping-cooldown|digest|fight-report:
// a tracker's settings besides its conditions.
import type { SubcommandGroup } from '../../../contract.ts';
import channel from './channel.ts';
import color from './color.ts';
import description from './description.ts';
import digest from './digest.ts';
import fightReport from './fight-report.ts';
import maxAge from './max-age.ts';
import origin from './origin.ts';
import ppk from './ppk.ts';
import pingCooldown from './ping-cooldown.ts';
import pingRules from './ping-rules.ts';
import title from './title.ts';

export default {
  name: 'set',
  description: 'Change a tracker setting',
  subcommands: [
    origin,
    color,
    channel,
    maxAge,
    title,
    description,
    ppk,
    pingRules,
    pingCooldown,
    digest,
    fightReport,
  ],
} as const satisfies SubcommandGroup;
