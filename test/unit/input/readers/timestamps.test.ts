import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseTimestamp } from '../../../../src/input/readers/parse-timestamp.js';
import { localDayNumber, localToEpoch, offsetMs } from '../../../../src/model/time/zone.js';

describe('timestamps as the tools print them', () => {
  test.each([
    ['2026-01-01T00:00:00Z', 'UTC', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:00:00+01:00', 'UTC', Date.UTC(2026, 0, 1)],
    ['2026-01-01 00:00:00', 'Europe/Berlin', Date.UTC(2025, 11, 31, 23)],
    ['2023-11-16 18:17:03.9799600', 'UTC', Date.UTC(2023, 10, 16, 18, 17, 3, 979)], // Azure trace: 7 digits, no zone
    ['2020/11/12 13:48:11.412', 'UTC', Date.UTC(2020, 10, 12, 13, 48, 11, 412)], // nvidia-smi
    ['2026-07-01', 'America/New_York', Date.UTC(2026, 6, 1, 4)],
    ['2026-01-01 00:00:00.29', 'UTC', Date.UTC(2026, 0, 1, 0, 0, 0, 290)], // not 289: 0.29 × 1000 = 289.99…
    ['2026/01/01 00:00:00.5', 'UTC', Date.UTC(2026, 0, 1, 0, 0, 0, 500)],
    ['1767225600', 'UTC', Date.UTC(2026, 0, 1)], // epoch seconds
    ['1767225600000', 'UTC', Date.UTC(2026, 0, 1)], // epoch milliseconds
  ])('%s in %s', (text, tz, expected) => {
    expect(parseTimestamp(text, tz)).toBe(expected);
  });
  test.each(['', 'yesterday', '2026-13-01', '2026-02-30', '12:00', '2026-01-01T25:00:00'])(
    '%j is not a time',
    (text) => {
      expect(parseTimestamp(text, 'UTC')).toBeNull();
    },
  );
  test('DST: a repeated local hour takes the earlier instant; a skipped one moves forward', () => {
    expect(parseTimestamp('2026-10-25 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30)); // CEST, UTC+2
    expect(parseTimestamp('2026-03-29 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30)); // does not exist; → 03:30 CEST
  });
  test('property: any instant printed as ISO 8601 reads back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) - 1 }), (ms) => {
        expect(parseTimestamp(new Date(ms).toISOString(), 'Asia/Kolkata')).toBe(ms);
      }),
    );
  });
  test('property: an instant before 2000 or from 2100 on is no time of a history', () => {
    const outside = fc.oneof(
      fc.integer({ min: Date.UTC(-200000, 0, 1), max: Date.UTC(2000, 0, 1) - 1 }),
      fc.integer({ min: Date.UTC(2100, 0, 1), max: Date.UTC(200000, 0, 1) }),
    );
    fc.assert(
      fc.property(outside, (ms) => {
        expect(parseTimestamp(new Date(ms).toISOString(), 'UTC')).toBeNull();
        const seconds = ms < Date.UTC(2000, 0, 1) ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
        // Above 1e11 a bare number is read as milliseconds (see parseTimestamp).
        if (seconds >= 0 && seconds <= 1e11) expect(parseTimestamp(String(seconds), 'UTC')).toBeNull();
      }),
    );
  });
  test('property: local wall time in a zone reads back to the instant (outside DST overlaps)', () => {
    const tz = 'America/Sao_Paulo';
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }), (s) => {
        const ms = s * 1000;
        const local = new Date(ms + offsetMs(ms, tz));
        const back = localToEpoch(
          local.getUTCFullYear(),
          local.getUTCMonth() + 1,
          local.getUTCDate(),
          local.getUTCHours(),
          local.getUTCMinutes(),
          local.getUTCSeconds(),
          0,
          tz,
        );
        expect(
          back === ms ||
            offsetMs(ms - 3_600_000, tz) !== offsetMs(ms, tz) ||
            offsetMs(ms + 3_600_000, tz) !== offsetMs(ms, tz),
        ).toBe(true);
        expect(localDayNumber(ms, tz)).toBe(Math.floor((ms + offsetMs(ms, tz)) / 86_400_000));
      }),
    );
  });
});
