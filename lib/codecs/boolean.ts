import type { Codec } from './codec.js';
import { refuse, replyText, typeName, unreadable } from './utf8.js';

/**
 * Booleans as Python redpipe's `BooleanField` writes them: `'1'` for true, `''` for false (Python
 * reads any non-empty value as true). Reads `'1'` and `'true'` as true, `''`, `'0'` and `'false'` as
 * false (true/false in any case, as Python's `is_true` compares them); anything else is a DecodeError,
 * where Python would have read it as true. Refuses non-booleans when written.
 *
 * @example
 * BooleanField.encode(true);  // '1'
 * BooleanField.decode('0');   // false (Python redpipe read this as true)
 */
export const BooleanField: Codec<boolean> = Object.freeze({
  name: 'Boolean',
  encode(value: boolean): string {
    if (typeof value !== 'boolean') {
      refuse('Boolean', value, `expected a boolean, got ${typeName(value)}`);
    }
    return value ? '1' : '';
  },
  decode(raw: string | Buffer): boolean {
    const text = replyText('Boolean', raw);
    if (text === '1') return true;
    if (text === '' || text === '0') return false;
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return unreadable('Boolean', raw, "expected '1', '', '0', 'true' or 'false'");
  },
});
