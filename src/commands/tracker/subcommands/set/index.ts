// /tracker set origin|color|channel|max-age|title|description|fight-report: a tracker's settings besides its conditions.
import type { SubcommandGroup } from '../../../contract.ts';
import channel from './channel.ts';
import color from './color.ts';
import description from './description.ts';
import fightReport from './fight-report.ts';
import maxAge from './max-age.ts';
import origin from './origin.ts';
import title from './title.ts';

export default {
  name: 'set',
  description: 'Change a tracker setting',
  subcommands: [origin, color, channel, maxAge, title, description, fightReport],
} as const satisfies SubcommandGroup;
