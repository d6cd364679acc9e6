import type { Codec } from './codec.js';
import { refuse, replyText, requireText, typeName } from './utf8.js';

/**
 * A list of strings joined by `,` (Python redpipe's `StringListField`); `[]` is stored as `''`.
 * Refuses items that are not strings, are empty, or contain `,` (Python silently split them).
 * Reads by splitting on `,` and, like Python, dropping empty items (`''` → `[]`, `'a,,b'` → `['a', 'b']`).
 *
 * @example
 * StringList.encode(['a', 'b c']); // 'a,b c'
 * StringList.decode('');           // []
 */
export const StringList: Codec<string[]> = Object.freeze({
  name: 'StringList',
  encode(value: string[]): string {
    if (!Array.isArray(value)) refuse('StringList', value, `expected an array, got ${typeName(value)}`);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) refuse('StringList', value, `item ${i} is a hole`);
      const item: unknown = value[i];
      if (typeof item !== 'string') {
        refuse('StringList', value, `item ${i} is ${typeName(item)}, not a string`);
      }
      requireText('StringList', item);
      if (item === '') refuse('StringList', value, `item ${i} is empty (it would vanish)`);
      if (item.includes(',')) refuse('StringList', value, `item ${i} contains ',' (the separator)`);
    }
    return value.join(',');
  },
  decode(raw: string | Buffer): string[] {
    const text = replyText('StringList', raw);
    return text === '' ? [] : text.split(',').filter((item) => item !== '');
  },
});
