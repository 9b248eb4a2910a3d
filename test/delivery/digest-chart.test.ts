import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, renderDigestChart } from '../../src/delivery/digest-chart.ts';
import { computeDigest } from '../../src/engine/digest/figures.ts';
import { renderDigest } from '../../src/engine/digest/render.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import { attacker, killmail, miniCatalog, miniUniverse } from '../fixtures/killmails/builder.ts';

const tracker: TrackerDefinition = {
  version: 1,
  name: 'Chart',
  enabled: true,
  ping: { everyone: false, here: false, roles: [] },
  ppk: false,
  clauses: {},
};
const start = Date.parse('2026-11-21T00:00:00Z');
const window = { period: 'daily' as const, start, end: start + 86_400_000 };
const kills = [3, 3, 8, 8, 8, 20].map((hour, index) =>
  killmail({
    id: index + 1,
    time: new Date(start + hour * 3_600_000 + 60_000).toISOString(),
    attackers: [attacker()],
    zkb: { totalValue: (index + 1) * 1e9 },
  }),
);

describe('digest chart', () => {
  it('GIVEN a day of kills THEN the PNG decodes at its size with more than a blank background in it', async () => {
    const png = await renderDigestChart(computeDigest(tracker, kills, window));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let white = 0;
    let coloured = 0;
    let opaque = 0;
    for (let index = 0; index < pixels.length; index += 4) {
      const [r, g, b, a] = [pixels[index]!, pixels[index + 1]!, pixels[index + 2]!, pixels[index + 3]!];
      if (a === 255) opaque++;
      if (r > 250 && g > 250 && b > 250) white++;
      // The kill bars' red.
      else if (r > 150 && g < 90 && b < 90) coloured++;
    }
    const total = image.width * image.height;
    expect(opaque).toBe(total);
    expect(white).toBeGreaterThan(total / 2);
    expect(coloured).toBeGreaterThan(500);
  });

  it('GIVEN the figures THEN the message shows them, embeds the chart as an attachment and pings nobody', () => {
    const figures = computeDigest(tracker, kills, window);
    const body = renderDigest({
      tracker,
      figures,
      names: () => undefined,
      universe: miniUniverse,
      catalog: miniCatalog,
      chart: true,
    });
    const embed = body.embeds?.[0];
    expect(embed?.title).toBe('Daily digest: Chart');
    expect(embed?.image?.url).toBe('attachment://digest-chart.png');
    expect(body.attachments).toEqual([{ id: 0, filename: 'digest-chart.png' }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const field = (name: string) => embed?.fields?.find((entry) => entry.name === name)?.value;
    expect(field('Kills')).toBe('6');
    expect(field('ISK destroyed')).toBe('21b');
    expect(field('Most valuable kill')).toContain('(6b)');
    expect(field('Most valuable kill')).toContain('https://zkillboard.com/kill/6/');
  });
});
