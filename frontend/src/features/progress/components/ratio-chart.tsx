import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  LinearScale,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import type { ProgressItem } from '../api/progress';
import { chartHeight } from '../lib/groups';
import { STATE_COLORS } from './state-tag';

// Only what a bar chart needs: chart.js is loaded with the dashboard, never with the first page.
ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

/**
 * Each item with a target: how far it is against the year's target, a bar coloured by its state,
 * beside the share of the year gone by. The table below says the same in words and numbers.
 */
export default function RatioChart({ items, pace }: { items: ProgressItem[]; pace: number }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const shown = items.filter((i) => i.ratio != null);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: {
        min: 0,
        suggestedMax: 1.2,
        ticks: { callback: (v) => percent.format(Number(v)) },
      },
      y: { ticks: { autoSkip: false, font: { size: 11 } } },
    },
    plugins: {
      tooltip: {
        callbacks: {
          label: (ctx) =>
            `${percent.format(Number(ctx.raw))} · ${t(`progress.state.${shown[ctx.dataIndex]?.state}`)}`,
        },
      },
    },
  };
  if (shown.length === 0) return null;
  return (
    <div style={{ height: chartHeight(shown.length), width: '100%' }}>
      <Bar
        role="img"
        aria-label={t('progress.chartLabel', {
          count: shown.length,
          pace: percent.format(pace),
        })}
        options={options}
        data={{
          labels: shown.map((i) => (i.code ?? i.label ?? '').slice(0, 24)),
          datasets: [
            {
              data: shown.map((i) => Math.min(Number(i.ratio), 2)),
              backgroundColor: shown.map((i) => STATE_COLORS[i.state ?? 'no-target']),
            },
          ],
        }}
      />
    </div>
  );
}
