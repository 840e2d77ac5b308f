// A chart.js chart on a canvas, created once per mount and updated in place when its data changes;
// the loading / error state around a dashboard section, and a section's heading with its CSV download.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { type ReactNode, useEffect, useRef } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/components.tsx';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

const COLOURS = ['#2f6fdf', '#e07b24', '#2a9d6f', '#b4399a', '#c9a227', '#5b5f97', '#d1495b', '#00798c'];
export const colourOf = (i: number) => COLOURS[i % COLOURS.length]!;

export function ChartCanvas({
  title,
  config,
  testId,
}: {
  title: string;
  config: ChartConfiguration<'bar' | 'line'>;
  testId: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar' | 'line'> | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    if (!chart.current) {
      chart.current = new Chart(canvas.current, {
        ...config,
        options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
      });
    } else {
      chart.current.data = config.data;
      chart.current.update();
    }
  }, [config]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return (
    <figure className="chart panel" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div style={{ position: 'relative', height: 240 }}>
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}

export type Loaded<T> = { data?: T; error?: unknown; loading: boolean };

export function State({ of, children }: { of: Loaded<unknown>; children: () => ReactNode }) {
  if (of.error) return <ErrorNotice error={of.error} />;
  if (!of.data) return <Loading />;
  return <>{children()}</>;
}

/** A dashboard section: its heading, with the download of the figures behind it as CSV. */
export function ChartSection(props: {
  id: string;
  title: string;
  csvTestId: string;
  onCsv(): void;
  children: ReactNode;
}) {
  const intl = useIntl();
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title}{' '}
        <button type="button" className="secondary" onClick={props.onCsv} data-testid={props.csvTestId}>
          {intl.t('insights.csv')}
        </button>
      </h2>
      {props.children}
    </section>
  );
}
