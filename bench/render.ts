// Benchmark of alert rendering: one fixed synthetic fleet kill (30 attackers, three trackers of one
// channel with origins, pings and tracked ships) rendered many times. Needs no ../shared data.
import type { AlertInput } from '../src/engine/render/index.ts';
import { renderAlert } from '../src/engine/render/index.ts';
import { buildMatch, catalog, DEVOTER, JITA, nameLookup, universe } from '../test/render/fixtures.ts';
import { buildAttacker, buildKillmail, HUOLA, INTERDICTOR, SABRE } from '../test/render/killmail-builder.ts';
import type { BenchModule } from './bench-module.ts';
import { percentile, round3, timeMicroseconds } from './shared.ts';

const WARM_UP_RENDERS = 2000;
const MEASURED_RENDERS = 20000;

function syntheticAlert(): AlertInput {
  const attackers = Array.from({ length: 30 }, (_, index) =>
    buildAttacker({
      characterId: 2112000001 + index,
      shipTypeId: index % 3 === 0 ? DEVOTER : SABRE,
      shipGroupId: index % 3 === 0 ? 894 : INTERDICTOR,
      finalBlow: index === 0,
    }),
  );
  const killmail = buildKillmail({ attackers, value: 1_234_567_890, war: true });
  const roles = ['111111111111111111', '222222222222222222'];
  return {
    killmail,
    matches: [
      buildMatch(
        {
          name: 'Tackle near home',
          origin_solar_system_id: HUOLA,
          ping: { everyone: false, here: true, roles },
        },
        {
          jumps: 0,
          distanceLy: 0,
          mainGroup: { kind: 'alliance', id: 99000001, count: 30 },
          mainShipGroup: { groupId: INTERDICTOR, count: 20 },
          matchedShipTypeIds: [SABRE, DEVOTER],
        },
      ),
      buildMatch(
        { name: 'Staging watch', origin_solar_system_id: JITA, color: '#ff5500' },
        { jumps: 14, distanceLy: 12.3456, matchedShipTypeIds: [SABRE] },
      ),
      buildMatch({
        name: 'Anything over 1b',
        ping: { everyone: false, here: false, roles: [roles[0] ?? ''] },
      }),
    ],
    names: nameLookup(),
    universe,
    catalog,
  };
}

export const renderBench: BenchModule = {
  name: 'render',
  async run() {
    const input = syntheticAlert();
    // Summing output sizes keeps the renders from being optimised away.
    let checksum = 0;
    for (let i = 0; i < WARM_UP_RENDERS; i++) checksum += renderAlert(input).content?.length ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < MEASURED_RENDERS; i++) {
      samples.push(
        timeMicroseconds(() => {
          checksum += renderAlert(input).embeds?.length ?? 0;
        }),
      );
    }
    return [
      {
        bench: 'render',
        renders: MEASURED_RENDERS,
        render_us_p50: round3(percentile(samples, 50)),
        render_us_p99: round3(percentile(samples, 99)),
        checksum,
      },
    ];
  },
};
