// Geometry of the outcome chart: one stacked bar a period (upheld at the foot, overturned on
// top), a count axis with whole-number ticks, period labels that never crowd. d3-scale does the
// band layout and picks round tick values; the component only draws what this returns.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Period } from './outcome-periods.ts';

export interface Bar {
  key: string;
  x: number;
  width: number;
  /** Upheld segment: from y to the axis. */
  upheld: { y: number; height: number };
  /** Overturned segment, on top of the upheld one. */
  overturned: { y: number; height: number };
  /** Label lines under the bar ([] when the bar goes unlabelled to avoid crowding). */
  label: string[];
}

export interface BarChart {
  width: number;
  height: number;
  /** The plot area: bars stand on `bottom`. */
  plot: { left: number; right: number; top: number; bottom: number };
  bars: Bar[];
  /** Count axis: value and its height. */
  ticks: { value: number; y: number }[];
}

const MAX_WIDTH = 640;
const MIN_WIDTH = 280;
const HEIGHT = 220;
const MARGIN = { left: 44, right: 8, top: 12, bottom: 36 };
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Widest a band (bar and gap) gets: a few periods make a narrower chart, not wide blocks. */
const MAX_BAND = 56;
const round = (n: number) => Math.round(n * 10) / 10;

/** Label lines of each bar: years as they are (every other when many), months by quarter when many. */
function labels(periods: readonly Period[], unit: 'year' | 'month'): string[][] {
  if (unit === 'year') {
    const step = periods.length > 20 ? 2 : 1;
    return periods.map((p, i) => (i % step === 0 ? [p.key] : []));
  }
  const step = periods.length > 24 ? 3 : periods.length > 12 ? 2 : 1;
  return periods.map((p, i) => {
    const month = Number(p.key.slice(5, 7)) - 1;
    if (month % step !== 0 && i > 0) return [];
    return month === 0 || i === 0 ? [SHORT_MONTHS[month]!, p.key.slice(0, 4)] : [SHORT_MONTHS[month]!];
  });
}

export function barChart(periods: readonly Period[], unit: 'year' | 'month'): BarChart {
  const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, MARGIN.left + MAX_BAND * periods.length + MARGIN.right));
  const PLOT = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  const x = scaleBand<string>()
    .domain(periods.map((p) => p.key))
    .range([PLOT.left, PLOT.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const max = Math.max(1, ...periods.map((p) => p.upheld + p.overturned));
  const y = scaleLinear().domain([0, max]).range([PLOT.bottom, PLOT.top]).nice(4);
  const lines = labels(periods, unit);
  const bars = periods.map((p, i) => {
    const foot = y(0);
    const top = y(p.upheld);
    const total = y(p.upheld + p.overturned);
    return {
      key: p.key,
      x: round(x(p.key)!),
      width: round(x.bandwidth()),
      upheld: { y: round(top), height: round(foot - top) },
      overturned: { y: round(total), height: round(top - total) },
      label: lines[i]!,
    };
  });
  const ticks = y
    .ticks(4)
    .filter(Number.isInteger)
    .map((value) => ({ value, y: round(y(value)) }));
  return { width, height: HEIGHT, plot: PLOT, bars, ticks };
}
