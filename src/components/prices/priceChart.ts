/** Geometry of the small price-history line, computed on the server: no chart library reaches the phone. */
export interface ChartPoint {
  x: number;
  y: number;
}

export interface PriceChartShape {
  width: number;
  height: number;
  points: ChartPoint[];
  path: string;
  /** Axis labels: lowest and highest value drawn, in fen. */
  lowFen: number;
  highFen: number;
}

/** `left` leaves room for the axis labels, so the line never runs under them. */
export function priceChartShape(values: readonly number[], width = 320, height = 120, pad = 8, left = 52): PriceChartShape {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const step = values.length > 1 ? (width - left - pad) / (values.length - 1) : 0;
  const points = values.map((v, i) => ({
    x: Math.round((left + i * step) * 10) / 10,
    // A flat line sits in the middle rather than on the floor.
    y: Math.round((high === low ? height / 2 : height - pad - ((v - low) / span) * (height - 2 * pad)) * 10) / 10,
  }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { width, height, points, path, lowFen: low, highFen: high };
}

/** Unit prices below a yuan keep their fractions: ¥0.26, ¥0.043. */
export function unitYuan(fen: number): string {
  const yuan = fen / 100;
  return `¥${yuan >= 1 ? yuan.toFixed(2) : yuan >= 0.1 ? yuan.toFixed(3) : yuan.toFixed(4)}`;
}
