import { DecodeError, InvalidValueError } from './errors.js';

/** Strict UTF-8 decoder: invalid bytes throw instead of becoming U+FFFD; a leading BOM is kept. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when `text` holds an unpaired surrogate, which UTF-8 cannot carry (native `isWellFormed`, ES2024). */
export function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Throws the {@link InvalidValueError} of `codec` refusing `value` for `reason`. */
export function refuse(codec: string, value: unknown, reason: string): never {
  throw new InvalidValueError({ codec, value, reason });
}

/** Throws the {@link DecodeError} of `codec` unable to read `raw` for `reason`. */
export function unreadable(codec: string, raw: unknown, reason: string): never {
  throw new DecodeError({ codec, raw, reason });
}

/**
 * Checks that `value` is a string that reads back exactly: no lone surrogates (UTF-8 cannot carry them)
 * and no U+FFFD (read back, it cannot be told from bytes that were not UTF-8), else refuses it.
 */
export function requireText(codec: string, value: unknown): string {
  if (typeof value !== 'string') refuse(codec, value, `expected a string, got ${typeName(value)}`);
  if (hasLoneSurrogate(value)) {
    refuse(codec, value, 'contains a lone UTF-16 surrogate, which UTF-8 cannot store');
  }
  if (value.includes(REPLACEMENT)) {
    refuse(codec, value, 'contains U+FFFD, which reads back like bytes that were not UTF-8; store such text with Binary or Json');
  }
  return value;
}

/** U+FFFD, what a text reply holds where the stored bytes were not valid UTF-8. */
const REPLACEMENT = '\uFFFD';

/** The text of a reply: strings as they are, Buffers through strict UTF-8 (DecodeError if invalid). */
export function replyText(codec: string, raw: unknown): string {
  if (typeof raw === 'string') {
    // ioredis turned invalid bytes into U+FFFD; text we write never holds it (requireText refuses it).
    if (raw.includes(REPLACEMENT)) unreadable(codec, raw, 'not valid UTF-8 (the reply holds U+FFFD)');
    return raw;
  }
  if (raw instanceof Uint8Array) {
    try {
      return strictUtf8.decode(raw);
    } catch (error) {
      throw new DecodeError({ codec, raw, reason: 'not valid UTF-8' }, { cause: error });
    }
  }
  return unreadable(codec, raw, `expected a string or Buffer reply, got ${typeName(raw)}`);
}

/** A short description of a value's type for error reasons (`'number'`, `'null'`, `'Date'`). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null || proto === Object.prototype) return 'object';
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'object';
  }
  return typeof value;
}
