import type { Codec } from './codec.js';
import { refuse, replyText, requireText, unreadable } from './utf8.js';

/**
 * Any JavaScript string, stored as UTF-8 (Python redpipe's `TextField`). Refuses non-strings and
 * strings with lone surrogates (UTF-8 cannot carry them, so they could not read back equal).
 *
 * @example
 * Text.encode('héllo 😀'); // 'héllo 😀' (sent as UTF-8)
 * Text.decode(Buffer.from('héllo', 'utf8')); // 'héllo'
 */
export const Text: Codec<string> = Object.freeze({
  name: 'Text',
  encode(value: string): string {
    return requireText('Text', value);
  },
  decode(raw: string | Buffer): string {
    return replyText('Text', raw);
  },
});

/** Printable ASCII, U+0020 (space) to U+007E (`~`); the empty string included. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Printable ASCII text only, U+0020 to U+007E (Python redpipe's `AsciiField`). Refuses anything else
 * when written, and a stored value outside that range when read.
 *
 * @example
 * Ascii.encode('user-42'); // 'user-42'
 * Ascii.encode('naïve');   // throws InvalidValueError
 */
export const Ascii: Codec<string> = Object.freeze({
  name: 'Ascii',
  encode(value: string): string {
    const text = requireText('Ascii', value);
    if (!PRINTABLE_ASCII.test(text)) {
      refuse('Ascii', value, 'contains characters outside printable ASCII (U+0020 to U+007E)');
    }
    return text;
  },
  decode(raw: string | Buffer): string {
    const text = replyText('Ascii', raw);
    if (!PRINTABLE_ASCII.test(text)) {
      unreadable('Ascii', raw, 'contains characters outside printable ASCII (U+0020 to U+007E)');
    }
    return text;
  },
});
