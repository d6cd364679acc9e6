import type { Codec } from './codec.js';
import { parsePyFloat, pyFloatRepr } from './python-number.js';
import { refuse, replyText, typeName, unreadable } from './utf8.js';

const PLAIN_DECIMAL = /^-?\d{1,17}(\.\d{1,17})?$/;

/**
 * Doubles, written exactly as Python redpipe's `FloatField` writes them: Python's `repr()` (shortest
 * digits that round-trip) without a trailing `.0`, so `0.1` → `'0.1'`, `5` → `'5'`, `1e16` →
 * `'1e+16'`, `1e-5` → `'1e-05'`, `-0` → `'-0'`, ±Infinity → `'inf'` / `'-inf'`. Reads every form
 * Python's `float()` accepts (`'Infinity'`, `' 1.5 '`, `'1_000.5'`, and `'nan'`, which reads as NaN).
 * Refuses NaN and non-numbers when written.
 *
 * @example
 * Float.encode(0.1 + 0.2); // '0.30000000000000004'
 * Float.decode('1e+16');   // 10000000000000000
 */
export const Float: Codec<number> = Object.freeze({
  name: 'Float',
  encode(value: number): string {
    if (typeof value !== 'number') refuse('Float', value, `expected a number, got ${typeName(value)}`);
    if (Number.isNaN(value)) refuse('Float', value, 'NaN cannot be stored (it equals nothing)');
    // Between 1e-4 and 1e16 JS and Python print the same shortest digits in plain notation.
    const size = Math.abs(value);
    if (size >= 1e-4 && size < 1e16) return String(value);
    return pyFloatRepr(value);
  },
  decode(raw: string | Buffer): number {
    // Plain decimals (what both languages write for ordinary values) parse the same in both.
    if (typeof raw === 'string' && PLAIN_DECIMAL.test(raw)) return Number(raw);
    const value = parsePyFloat(replyText('Float', raw));
    if (value === undefined) return unreadable('Float', raw, 'not a number Python float() accepts');
    return value;
  },
});
