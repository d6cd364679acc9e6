import type { Codec } from './codec.js';
import { refuse, replyText, typeName, unreadable } from './utf8.js';

/** Milliseconds since the epoch: optional minus sign and decimal digits. */
const EPOCH_MS = /^-?\d+$/;

/** The largest time a Date can hold, in ms from the epoch (ECMA-262 TimeClip). */
const MAX_TIME = 8.64e15;

/**
 * A `Date`, stored as epoch milliseconds in decimal (`'1700000000000'`, `'-86400000'`), so it sorts
 * and compares numerically in Redis and is `datetime.fromtimestamp(int(v) / 1000)` in Python.
 * Refuses invalid dates and non-Dates; reads only (optionally negative) decimal digits within the
 * Date range.
 *
 * @example
 * DateTime.encode(new Date(0));   // '0'
 * DateTime.decode('86400000');    // 1970-01-02T00:00:00.000Z
 */
export const DateTime: Codec<Date> = Object.freeze({
  name: 'DateTime',
  encode(value: Date): string {
    if (!(value instanceof Date)) refuse('DateTime', value, `expected a Date, got ${typeName(value)}`);
    const ms = value.getTime();
    if (Number.isNaN(ms)) refuse('DateTime', value, 'an invalid Date');
    return String(ms);
  },
  decode(raw: string | Buffer): Date {
    const text = replyText('DateTime', raw);
    if (!EPOCH_MS.test(text)) unreadable('DateTime', raw, 'expected epoch milliseconds (decimal digits)');
    const ms = Number(text);
    if (!(Math.abs(ms) <= MAX_TIME)) unreadable('DateTime', raw, 'outside the range of a Date (±8.64e15 ms)');
    return new Date(ms);
  },
});
