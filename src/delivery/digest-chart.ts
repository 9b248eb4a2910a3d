// The digest chart: kills per hour (daily) or per day (weekly) as bars and ISK destroyed as a line, drawn
// with Chart.js on @napi-rs/canvas (Skia, prebuilt, no browser) and encoded as PNG.
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartItem, registerables } from 'chart.js';
import type { DigestFigures } from '../engine/index.ts';

Chart.register(...registerables);

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 400;

function bucketLabel(start: number, period: DigestFigures['window']['period']): string {
  const iso = new Date(start).toISOString();
  return period === 'daily' ? `${iso.slice(11, 13)}h` : iso.slice(5, 10);
}

/** A PNG of the figures' buckets, CHART_WIDTH × CHART_HEIGHT, on a white background. */
export async function renderDigestChart(figures: DigestFigures): Promise<Buffer> {
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const context = canvas.getContext('2d');
  const labels = figures.buckets.map((bucket) => bucketLabel(bucket.start, figures.window.period));
  const chart = new Chart(context as unknown as ChartItem, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: 'Kills',
          data: figures.buckets.map((bucket) => bucket.kills),
          backgroundColor: '#c0392b',
          yAxisID: 'count',
          order: 2,
        },
        {
          type: 'bar',
          label: 'Losses',
          data: figures.buckets.map((bucket) => bucket.losses),
          backgroundColor: '#7f8c8d',
          yAxisID: 'count',
          order: 2,
        },
        {
          type: 'line',
          label: 'ISK destroyed (billions)',
          data: figures.buckets.map((bucket) => bucket.iskDestroyed / 1e9),
          borderColor: '#2980b9',
          backgroundColor: '#2980b9',
          yAxisID: 'isk',
          order: 1,
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      plugins: { legend: { position: 'top' } },
      scales: {
        count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
        isk: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
      },
    },
    plugins: [
      {
        id: 'white-background',
        beforeDraw(target) {
          const ctx = target.ctx;
          ctx.save();
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, target.width, target.height);
          ctx.restore();
        },
      },
    ],
  });
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
