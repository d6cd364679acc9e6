import { DecodeError, InvalidValueError } from './errors.js';

/**
 * Turns values of type `T` into what Redis stores, and stored replies back into `T`.
 * `encode` checks its input at run time and throws {@link InvalidValueError} for a value the wire
 * format cannot hold exactly; `decode` throws {@link DecodeError} for a stored value it cannot read.
 *
 * @example
 * const Point: Codec<{ x: number; y: number }> = custom({
 *   name: 'Point',
 *   encode: (p) => `${p.x},${p.y}`,
 *   decode: (raw) => { const [x, y] = String(raw).split(',').map(Number); return { x, y }; },
 * });
 */
export interface Codec<T> {
  /** Name shown in errors (`'Integer'`, `'Enum(red|green)'`). */
  readonly name: string;
  /** When true, readers must request Buffer replies (the stored bytes are not text). */
  readonly binary?: boolean;
  /** Turns a value into what is written to Redis; throws {@link InvalidValueError} if it cannot. */
  encode(value: T): string | Buffer;
  /** Turns a stored reply back into a value; throws {@link DecodeError} if it cannot. */
  decode(raw: string | Buffer): T;
}

/** The value type of a codec: `Decoded<typeof Integer>` is `number`. */
export type Decoded<C> = C extends Codec<infer T> ? T : never;

/**
 * Encodes `value` with `codec` for `where` (`"key U{1} member 'age'"`), so that every failure is an
 * {@link InvalidValueError} naming the codec, the place, the value and the reason.
 *
 * @example
 * encodeValue(Integer, 42, "model User field 'age'"); // '42'
 */
export function encodeValue<T>(codec: Codec<T>, value: T, where: string): string | Buffer {
  let encoded: unknown;
  try {
    encoded = codec.encode(value);
  } catch (error) {
    if (error instanceof InvalidValueError) throw error.withContext(where);
    throw new InvalidValueError(
      { codec: codec.name, value, reason: reasonOf(error), where },
      { cause: error },
    );
  }
  if (typeof encoded !== 'string' && !Buffer.isBuffer(encoded)) {
    throw new InvalidValueError({
      codec: codec.name,
      value,
      reason: `the codec's encode returned ${typeof encoded}, not a string or Buffer`,
      where,
    });
  }
  return encoded;
}

/**
 * Decodes the stored `raw` reply with `codec`, read from `where`, so that every failure is a
 * {@link DecodeError} naming the codec, the place, the raw value and the reason.
 *
 * @example
 * decodeValue(Integer, '42', "key U{1} member 'age'"); // 42
 */
export function decodeValue<T>(codec: Codec<T>, raw: string | Buffer, where: string): T {
  try {
    return codec.decode(raw);
  } catch (error) {
    if (error instanceof DecodeError) throw error.withContext(where);
    throw new DecodeError(
      { codec: codec.name, raw, reason: reasonOf(error), where },
      { cause: error },
    );
  }
}

/** The message of whatever a codec threw. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return `threw ${String(error)}`;
}
