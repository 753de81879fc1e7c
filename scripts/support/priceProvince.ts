/**
 * A synthetic province's weekly prices for `npm run bench:prices`, generated pair by pair and never held whole:
 * each facility × variety keeps only its price changes (a week that repeats last week's price is no new point),
 * which is what the store keeps too. Deterministic: the same sizes give the same prices.
 */
import { jiangxiCountyCodes } from '../../src/server/bench/syntheticRegister.ts';
import type { SeriesPoint } from '../../src/domain/prices/priceSignals.ts';

export const benchCounties = jiangxiCountyCodes;
export const countyOfFacility = (f: number) => benchCounties[f % benchCounties.length] as string;

/** Base unit price (fen) of a variety, between ¥0.05 and ¥5 per unit. */
export function varietyBaseFen(v: number): number {
  return 5 + ((v * 2654435761) % 495);
}

const weekMs = 7 * 86_400_000;

/**
 * The changes of one facility × variety over `weeks` weeks ending at `end`: about one week in thirty changes,
 * mostly upwards by 3–30 %, now and then down. xorshift32 inline, as this runs hundreds of millions of times.
 */
export function pairChanges(v: number, f: number, weeks: number, end: number): SeriesPoint[] {
  let s = (Math.imul(v + 1, 0x9e3779b1) ^ Math.imul(f + 1, 0x85ebca6b)) >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  let price = varietyBaseFen(v) * (0.8 + next() * 0.5);
  const start = end - weeks * weekMs;
  const points: SeriesPoint[] = [{ at: new Date(start).toISOString(), unitFen: price }];
  for (let w = 1; w < weeks; w += 1) {
    if (next() >= 1 / 30) continue;
    price *= next() < 0.8 ? 1.03 + next() * 0.27 : 0.9 + next() * 0.07;
    points.push({ at: new Date(start + w * weekMs).toISOString(), unitFen: Math.round(price * 100) / 100 });
  }
  return points;
}
