import type { Codec } from './codec.js';
import { hasLoneSurrogate, refuse, replyText, typeName, unreadable } from './utf8.js';

/** Options of {@link Enum}. */
export interface EnumOptions {
  /** Name shown in errors; defaults to `Enum(a|b|c)`. */
  readonly name?: string;
}

/**
 * One of a fixed set of strings, stored as itself (UTF-8). Takes a list of strings or a TypeScript
 * string enum. Refuses other values when written and unknown stored values when read.
 *
 * @example
 * const Color = Enum(['red', 'green'] as const); // Codec<'red' | 'green'>
 * Color.encode('red');    // 'red'
 * Color.decode('blue');   // throws DecodeError
 */
export function Enum<const V extends readonly string[]>(values: V, options?: EnumOptions): Codec<V[number]>;
/** A codec for the values of a TypeScript string enum (`enum Role { Admin = 'admin' }`). */
export function Enum<E extends Record<string, string>>(enumObject: E, options?: EnumOptions): Codec<E[keyof E]>;
export function Enum(
  source: readonly string[] | Record<string, string>,
  options: EnumOptions = {},
): Codec<string> {
  const list: unknown[] = Array.isArray(source)
    ? [...(source as readonly unknown[])]
    : typeof source === 'object' && source !== null
      ? Object.values(source)
      : [];
  const label = options.name ?? `Enum(${list.map(String).join('|')})`;
  if (list.length === 0) throw new TypeError(`${label}: needs at least one value`);
  for (const v of list) {
    if (typeof v !== 'string') {
      throw new TypeError(`${label}: values must be strings (numeric enums are not supported), got ${typeName(v)}`);
    }
    if (hasLoneSurrogate(v)) throw new TypeError(`${label}: values must be valid UTF-16 (no lone surrogates)`);
  }
  const allowed = new Set(list as string[]);
  if (allowed.size !== list.length) throw new TypeError(`${label}: values must be distinct`);
  const expected = `expected one of ${[...allowed].map((v) => JSON.stringify(v)).join(', ')}`;
  return Object.freeze({
    name: label,
    encode(value: string): string {
      if (typeof value !== 'string' || !allowed.has(value)) refuse(label, value, expected);
      return value;
    },
    decode(raw: string | Buffer): string {
      const text = replyText(label, raw);
      if (!allowed.has(text)) unreadable(label, raw, expected);
      return text;
    },
  });
}
