import { describe, expect, test } from 'vitest';
import { defaultPriceSignalThresholds } from '../../../src/domain/prices/signalThresholds.ts';
import { parseConfig } from '../../../src/server/config.ts';

describe('PRICE_SIGNAL_THRESHOLDS', () => {
  test('defaults to the documented thresholds, and one key overrides only itself', () => {
    expect(parseConfig({}).PRICE_SIGNAL_THRESHOLDS).toEqual(defaultPriceSignalThresholds);
    expect(parseConfig({ PRICE_SIGNAL_THRESHOLDS: '{"risePct":15}' }).PRICE_SIGNAL_THRESHOLDS).toEqual({ ...defaultPriceSignalThresholds, risePct: 15 });
  });

  test('refuses an unknown key, a bad value and text that is not JSON, naming the variable', () => {
    expect(() => parseConfig({ PRICE_SIGNAL_THRESHOLDS: '{"risePercent":15}' })).toThrow(/PRICE_SIGNAL_THRESHOLDS/);
    expect(() => parseConfig({ PRICE_SIGNAL_THRESHOLDS: '{"risePct":-1}' })).toThrow(/PRICE_SIGNAL_THRESHOLDS: risePct/);
    expect(() => parseConfig({ PRICE_SIGNAL_THRESHOLDS: 'rise=15' })).toThrow(/must be a JSON object/);
  });
});
