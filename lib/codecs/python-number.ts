/**
 * Parsers for the number text Python's `float()` accepts (as Python redpipe reads numbers), exact where
 * it matters: integers are parsed as decimals, never through a double.
 */

/** The whitespace Python's `float(bytes)` strips around a number (ASCII only). */
const PY_SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

/** Python's float grammar: sign, digits with single `_` between digits, optional fraction, exponent. */
const PY_DECIMAL =
  /^([+-]?)(\d(?:_?\d)*)?(?:\.(\d(?:_?\d)*)?)?(?:[eE]([+-]?\d(?:_?\d)*))?$/;

/** Python's spellings of infinity and NaN (any case, optional sign). */
const PY_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python's default limit on digits of an int read from text (`sys.get_int_max_str_digits()`). */
const MAX_DIGITS = 4300;

/** A decimal number taken apart: sign, significant digits (no leading/trailing zeros) and power of 10. */
interface DecimalParts {
  readonly negative: boolean;
  /** Significant digits without leading or trailing zeros; `''` for zero. */
  readonly digits: string;
  /** The value is `digits × 10^exponent` (exponent may be huge when the text says so). */
  readonly exponent: number;
}

/** Splits Python number text into parts, or returns undefined when `float()` would refuse it. */
function decimalParts(text: string): DecimalParts | undefined {
  const m = PY_DECIMAL.exec(text.replace(PY_SPACE, ''));
  if (m === null) return undefined;
  const [, sign, intText, fracText, expText] = m;
  if (intText === undefined && fracText === undefined) return undefined;
  const int = (intText ?? '').replaceAll('_', '');
  const frac = (fracText ?? '').replaceAll('_', '');
  let digits = (int + frac).replace(/^0+/, '');
  const exp = expText === undefined ? 0 : Number(expText.replaceAll('_', ''));
  let exponent = exp - frac.length;
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return { negative: sign === '-', digits, exponent: digits === '' ? 0 : exponent };
}

/** The outcome of reading an integer: the value, or why it is not one. */
export type IntegralResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads an integer exactly from any text Python's `int(float(text))` accepts (`'42'`, `' -7 '`,
 * `'1e3'`, `'3.0'`, `'+5'`, `'1_000'`); a fractional value (`'3.5'`), inf or nan is refused, not truncated.
 */
export function parsePyIntegral(text: string): IntegralResult {
  const parts = decimalParts(text);
  if (parts === undefined) {
    const special = PY_SPECIAL.exec(text.replace(PY_SPACE, ''));
    const reason = special === null ? 'not a number' : `${special[2]!.toLowerCase()} is not an integer`;
    return { ok: false, reason };
  }
  const { negative, digits, exponent } = parts;
  if (digits === '') return { ok: true, value: 0n };
  if (exponent < 0) return { ok: false, reason: 'not an integer (it has a fractional part)' };
  if (digits.length + exponent > MAX_DIGITS) {
    return { ok: false, reason: `more than ${MAX_DIGITS} digits` };
  }
  const magnitude = BigInt(digits) * 10n ** BigInt(exponent);
  return { ok: true, value: negative ? -magnitude : magnitude };
}

/**
 * Reads a double from any text Python's `float()` accepts: decimals and exponents (`'1e+16'`,
 * `'.5'`, `'1.'`), `_` between digits, ASCII whitespace around, `inf`/`infinity`/`nan` in any case.
 * Returns undefined for anything else. Rounding is correct (nearest double), as in Python.
 */
export function parsePyFloat(text: string): number | undefined {
  const stripped = text.replace(PY_SPACE, '');
  const special = PY_SPECIAL.exec(stripped);
  if (special !== null) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  const m = PY_DECIMAL.exec(stripped);
  if (m === null || (m[2] === undefined && m[3] === undefined)) return undefined;
  // The grammar checked above is a subset of JavaScript's numeric string grammar once `_` is gone.
  return Number(stripped.replaceAll('_', ''));
}

/**
 * Formats a double as Python's `repr(float)` does, minus a trailing `.0` (as Python redpipe's
 * `FloatField` writes): shortest round-trip digits, exponent form when the decimal point is at
 * position ≤ -4 or > 16 (`1e+16`, `1e-05`, `1.5e+300`), otherwise plain (`0.0001`, `1000000000000000`).
 */
export function pyFloatRepr(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return 'nan';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const sign = x < 0 ? '-' : '';
  // String() gives the shortest digits that round-trip, choosing the closest (ECMA-262 Number::toString).
  const js = String(Math.abs(x));
  let digits: string;
  let point: number; // value = 0.DIGITS × 10^point
  const e = js.indexOf('e');
  if (e >= 0) {
    const mantissa = js.slice(0, e);
    digits = mantissa.replace('.', '');
    point = Number(js.slice(e + 1)) + 1;
  } else {
    const dot = js.indexOf('.');
    const whole = dot < 0 ? js : js.slice(0, dot);
    const all = dot < 0 ? js : whole + js.slice(dot + 1);
    const lead = all.length - all.replace(/^0+/, '').length;
    digits = all.slice(lead);
    point = (whole === '0' ? 0 : whole.length) - (whole === '0' ? lead - 1 : 0);
  }
  digits = digits.replace(/0+$/, '');
  if (point <= -4 || point > 16) {
    const exp = point - 1;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expText = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${expText}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
