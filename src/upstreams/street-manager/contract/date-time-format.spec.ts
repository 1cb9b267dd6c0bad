import { fullFormats } from 'ajv-formats/dist/formats';
import { canonicalDateTime, dateTimeFormat } from './date-time-format';

const full = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

describe('date-time format', () => {
  it('takes the fast path for the shapes Street Manager sends', () => {
    expect(
      [
        '2026-01-02T03:04:05.678Z',
        '2026-01-02T03:04:05Z',
        '2024-02-29T23:59:59.1+01:00',
        '2026-12-31t00:00:00-0530',
        '2026-06-01T12:00:00+05',
      ].map(canonicalDateTime),
    ).toEqual([true, true, true, true, true]);
  });

  it("passes exactly what ajv-formats' full date-time passes", () => {
    const samples = [
      '2026-01-02T03:04:05.678Z',
      '2026-01-02 03:04:05Z',
      '2026-01-02T03:04:05',
      '2026-01-02T03:04:05.Z',
      '2023-02-29T00:00:00Z',
      '2024-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-01T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T22:59:60-01:00',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00+23:60',
      '2026-01-01T00:00:00+23:5',
      '2026-01-01T00:00:00+2',
      '2026-01-01T00:00:00ZZ',
      '2026-01-01T00:00:00.123456789+00:00',
      '2026-1-01T00:00:00Z',
      '20260101T000000Z',
      'x026-01-01T00:00:00Z',
      '2026-01-01T00:00:0xZ',
      '2026-01-01T00:00:00.12a Z',
      '',
      'not a date',
    ];
    expect(samples.map((s) => dateTimeFormat.validate(s))).toEqual(samples.map(full));
    // and the fast path never says yes where the full check says no
    expect(samples.filter((s) => canonicalDateTime(s) && !full(s))).toEqual([]);
  });

  it('agrees with the full check on random mutations of a valid value', () => {
    const base = '2024-02-29T23:59:59.123+01:00';
    const alphabet = '0123456789-:+.TZtz x';
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const disagreements: string[] = [];
    for (let k = 0; k < 5000; k++) {
      const chars = base.split('');
      for (let m = 0; m <= random(3); m++) {
        chars[random(chars.length)] = alphabet[random(alphabet.length)];
      }
      const s = random(4) === 0 ? chars.slice(0, random(chars.length)).join('') : chars.join('');
      if (dateTimeFormat.validate(s) !== full(s)) {
        disagreements.push(s);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
