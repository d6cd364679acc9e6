import type { Codec } from './codec.js';
import { parsePyIntegral } from './python-number.js';
import { refuse, replyText, typeName, unreadable } from './utf8.js';

/** Largest safe integer as a bigint, for range checks on read. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const SHORT_INTEGER = /^-?\d{1,15}$/;

/**
 * Safe integers (±(2^53−1)) as decimal digits (Python redpipe's `IntegerField`). Writes `'-42'`
 * (and `-0` as `'0'`, which Redis `INCRBY` accepts); reads digits and every form Python's
 * `int(float(x))` reads (`'1e3'`, `'3.0'`, `'+5'`, `' 7 '`, `'1_000'`). Refuses fractions and unsafe
 * integers when written; a stored fraction or an integer beyond the safe range is a DecodeError
 * (use {@link BigIntField} for bigger ones), never a rounded value.
 *
 * @example
 * Integer.encode(42);     // '42'
 * Integer.decode('1e3');  // 1000
 */
export const Integer: Codec<number> = Object.freeze({
  name: 'Integer',
  encode(value: number): string {
    if (typeof value !== 'number') refuse('Integer', value, `expected a number, got ${typeName(value)}`);
    if (!Number.isInteger(value)) refuse('Integer', value, 'not an integer');
    if (!Number.isSafeInteger(value)) {
      refuse('Integer', value, 'beyond the safe integer range ±(2^53−1); use BigIntField');
    }
    return value === 0 ? '0' : String(value);
  },
  decode(raw: string | Buffer): number {
    // Up to 15 digits is always a safe integer: skip the exact BigInt parse.
    if (typeof raw === 'string' && SHORT_INTEGER.test(raw)) return Number(raw) || 0;
    const parsed = parsePyIntegral(replyText('Integer', raw));
    if (!parsed.ok) return unreadable('Integer', raw, parsed.reason);
    const value = parsed.value;
    if (value > MAX_SAFE || value < -MAX_SAFE) {
      unreadable('Integer', raw, 'beyond the safe integer range ±(2^53−1); read it with BigIntField');
    }
    return Number(value);
  },
});

/**
 * Arbitrary-size integers as `bigint`, stored as decimal digits (`'-123456789012345678901'`), so
 * Redis `INCRBY` works within its 64-bit range and Python reads them with `int()`. Reads the same
 * forms as {@link Integer}, exactly.
 *
 * @example
 * BigIntField.encode(2n ** 64n); // '18446744073709551616'
 */
export const BigIntField: Codec<bigint> = Object.freeze({
  name: 'BigInt',
  encode(value: bigint): string {
    if (typeof value !== 'bigint') refuse('BigInt', value, `expected a bigint, got ${typeName(value)}`);
    return value.toString();
  },
  decode(raw: string | Buffer): bigint {
    const parsed = parsePyIntegral(replyText('BigInt', raw));
    if (!parsed.ok) return unreadable('BigInt', raw, parsed.reason);
    return parsed.value;
  },
});
